// One file of the whole dossier (entities, claims, quotes, sources, sightings, annotations,
// settings) and its restore, which REPLACES the dossier: checked record by record first, then
// written in one transaction, so a bad file changes nothing.
import { useState } from 'preact/hooks';
import type { BackupCounts } from '../../shared/dossier-messages';
import { downloadText } from '../shared/download';
import { sendToBackground } from '../shared/send';
import { readBackupFile, restoreInPage } from './restore-in-page';
import { backupInPage } from './backup-in-page';

/** Matches MAX_BACKUP_FILE_BYTES in the background; checked here before the file is read. */
const MAX_FILE_BYTES = 48 * 1024 * 1024;

const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(1);

function describe(counts: BackupCounts): string {
  return `${counts.entities} entities, ${counts.claims} claims, ${counts.quotes} quotes, ${counts.annotations} annotations, ${counts.sightings} sightings`;
}

export function BackupSection(props: { onRestored(): void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  /** What is under way, said in the live region (a big restore or backup takes a while). */
  const [busy, setBusy] = useState<string | undefined>();

  async function download() {
    setStatus(undefined);
    setBusy('Writing the backup…');
    try {
      const file = await backupInPage(Date.now());
      downloadText(file.text, file.filename, file.mimeType);
      setStatus({ kind: 'ok', text: `Backup of ${describe(file.counts)}.` });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(undefined);
    }
  }

  async function restore(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    // With sync on, a restore is this browser's edit: it must not delete, on every device, what the backup lacks.
    const syncOn = await sendToBackground('sync/status', {}).then((s) => s.on, () => false);
    const question = syncOn
      ? 'Restoring replaces everything in your dossier with the backup. Sync is on: the backup’s versions of its records go to your other devices, but nothing is deleted there, and what the backup lacks comes back here from the server at the next sync. Continue?'
      : 'Restoring replaces everything in your dossier with the backup. Continue?';
    if (!confirm(question)) return;
    setBusy(`Restoring the backup (${megabytes(file.size)} MB): reading, checking and writing every record. A big dossier takes a minute or so; keep this page open.`);
    setStatus(undefined);
    // Closing the tab cancels the restore (the dossier stays as it was): the browser asks first.
    const askBeforeLeaving = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', askBeforeLeaving);
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(`Nothing was restored. The file is ${megabytes(file.size)} MB, more than the 48 MB a restore reads. A backup Dossier writes is at most 40 MB; if this one was edited elsewhere, save it without spacing (minified JSON).`);
      }
      const counts = await restoreInPage(await readBackupFile(file));
      setStatus({ kind: 'ok', text: `Restored ${describe(counts)}.${syncOn ? ' Sync is on: records not in the backup come back from the server at the next sync; nothing was deleted on your other devices.' : ''}` });
      props.onRestored();
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      removeEventListener('beforeunload', askBeforeLeaving);
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="backup">
      <h2 id="backup">Backup and restore</h2>
      {/* The controls are busy, not the live region: a screen reader holds back what a busy element says. */}
      <div class="backup" aria-busy={busy !== undefined}>
        <button type="button" disabled={busy !== undefined} onClick={() => void download()}>Download backup</button>
        <label>
          Restore from a backup:{' '}
          <input type="file" accept=".json,application/json" disabled={busy !== undefined} data-testid="restore-backup" onChange={(e) => void restore(e.currentTarget)} />
        </label>
      </div>
      {/* Always in the page, so a screen reader hears the words when they come. */}
      <p class="muted" role="status" data-testid="backup-busy">{busy ?? ''}</p>
      {status?.kind === 'error' && <p class="error" role="alert" data-testid="backup-status">{status.text}</p>}
      {status?.kind === 'ok' && <p role="status" data-testid="backup-status">{status.text}</p>}
    </section>
  );
}
