// Import of a W3C Web Annotation JSON-LD file (ours or another tool's). The background validates
// every record before it writes any, in one transaction: an error means nothing changed.
import { useState } from 'preact/hooks';
import type { ImportSummary } from '../../shared/annotation-messages';
import { sendToBackground } from '../shared/send';

/** Files larger than this are refused here, before they are read into memory and sent. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function summary(result: ImportSummary): string {
  const parts = [`${result.added} added`, `${result.updated} updated`];
  if (result.identical > 0) parts.push(`${result.identical} already here`);
  if (result.older > 0) parts.push(`${result.older} older than yours, kept yours`);
  return `Imported: ${parts.join(', ')}.`;
}

export function ImportAnnotations(props: { onImported(): void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string; warnings?: string[] } | undefined>();
  const [busy, setBusy] = useState(false);

  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setStatus(undefined);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error('Nothing was imported. The file is larger than the 10 MB import limit.');
      const result = await sendToBackground('annotations/import', { text: await file.text() });
      setStatus({ kind: 'ok', text: summary(result), warnings: result.warnings });
      props.onImported();
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      input.value = '';
    }
  }

  return (
    <div class="import">
      <label>
        Import annotations (W3C JSON-LD):{' '}
        <input type="file" accept=".jsonld,.json,application/ld+json,application/json" disabled={busy} data-testid="import-annotations"
          onChange={(e) => void read(e.currentTarget)} />
      </label>
      {status?.kind === 'error' && <p class="error" role="alert">{status.text}</p>}
      {status?.kind === 'ok' && (
        <div role="status">
          <p>{status.text}</p>
          {status.warnings && status.warnings.length > 0 && (
            <ul class="muted">{status.warnings.slice(0, 20).map((w) => <li key={w}>{w}</li>)}</ul>
          )}
        </div>
      )}
    </div>
  );
}
