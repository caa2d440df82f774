// The options page restores a backup itself: it reads and checks the file, writes it into a fresh
// database and asks the background only to switch the dossier to it (shared/restore-port.ts). The
// 40 MB file never crosses a message (that message and its copy cost ~6 s quiet, ~20 s under load,
// BENCHMARKS part 10). The page is an extension page: the same origin, the same databases and the
// same trust as the background. Every guarantee of the background's restore holds: the whole file
// is checked before anything is written, and a failure or a closed tab at any step leaves the old
// dossier whole (the fresh database is deleted by the background when the port closes).
import browser, { type Runtime } from 'webextension-polyfill';
import type { BackupCounts } from '../../shared/dossier-messages';
import { KEEP_ALIVE_MS, readRestoreToPage, RESTORE_PORT, type RestoreToPage } from '../../shared/restore-port';
import { parseBackup, type Backup } from '../../background/store/backup-validate';
import { toStoreError } from '../../background/store/errors';
import { fillFresh } from '../../background/store/fill-fresh';
import { openStore } from '../../background/store/open';

/** The background's next word on the port; rejects if the port closes first. */
function listen(port: Runtime.Port): { next(): Promise<RestoreToPage>; closed(): Promise<never> } {
  const queue: RestoreToPage[] = [];
  const waiting: { resolve(m: RestoreToPage): void; reject(e: Error): void }[] = [];
  let gone: Error | undefined;
  const closers: ((e: Error) => void)[] = [];
  port.onMessage.addListener((raw: unknown) => {
    const reply = readRestoreToPage(raw);
    if (!reply) return;
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(reply);
    else queue.push(reply);
  });
  port.onDisconnect.addListener(() => {
    gone = new Error('Nothing was restored: Dossier’s background stopped during the restore. Your dossier is as it was; try again.');
    for (const w of waiting.splice(0)) w.reject(gone);
    for (const close of closers.splice(0)) close(gone);
  });
  return {
    next: () => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (gone) return Promise.reject(gone);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    closed: () => new Promise<never>((_, reject) => (gone ? reject(gone) : closers.push(reject))),
  };
}

const failed = (reply: RestoreToPage): Error => new Error(reply.kind === 'failed' ? reply.error : 'Nothing was restored: the background answered out of turn.');

/** Reads and checks the file; throws "Nothing was restored. <what and where>" for a bad one. */
export async function readBackupFile(file: Blob): Promise<Backup> {
  const parsed = parseBackup(await file.text());
  if (!parsed.ok) throw new Error(`Nothing was restored. ${parsed.error}`);
  return parsed.backup;
}

/** Restores `backup` as the whole dossier; resolves once the background has switched to it. */
export async function restoreInPage(backup: Backup): Promise<BackupCounts> {
  const port = browser.runtime.connect({ name: RESTORE_PORT });
  const replies = listen(port);
  const lost = replies.closed();
  lost.catch(() => undefined);
  const keepAlive = setInterval(() => {
    try {
      port.postMessage({ kind: 'keep-alive' });
    } catch {
      // The port is gone: `lost` says so.
    }
  }, KEEP_ALIVE_MS);
  try {
    const reserved = await replies.next();
    if (reserved.kind !== 'reserved') throw failed(reserved);
    let counts: BackupCounts;
    const fresh = await openStore({ name: reserved.name });
    try {
      const filled = fillFresh(fresh, backup);
      filled.catch(() => undefined);
      // The background gone midway: nothing will switch to what is written here (it is deleted).
      counts = await Promise.race([filled.catch((error: unknown) => Promise.reject(toStoreError(error))), lost]);
    } finally {
      fresh.close();
    }
    port.postMessage({ kind: 'switch' });
    const switched = await replies.next();
    if (switched.kind !== 'switched') throw failed(switched);
    return counts;
  } catch (error) {
    throw new Error(messageOf(error));
  } finally {
    clearInterval(keepAlive);
    port.disconnect();
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.startsWith('Nothing was restored') ? text : `Nothing was restored. ${text}`;
}
