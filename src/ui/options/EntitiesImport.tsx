// Import of an entity list from a JSON list or a CSV file (name,kind,aliases,context). The file is
// checked and counted first (a preview); only "Import" writes it, in one transaction.
import { useState } from 'preact/hooks';
import type { EntityImportFormat, EntityImportSummary } from '../../shared/dossier-messages';
import { sendToBackground } from '../shared/send';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Pending {
  text: string;
  format: EntityImportFormat;
  filename: string;
  preview: EntityImportSummary;
}

function formatOf(file: File): EntityImportFormat {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'csv' : 'json';
}

export function EntitiesImport(props: { onImported(): void }) {
  const [pending, setPending] = useState<Pending | undefined>();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();

  async function read(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(undefined);
    setStatus(undefined);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error('Nothing was imported. The file is larger than the 10 MB import limit.');
      const text = await file.text();
      const format = formatOf(file);
      const preview = await sendToBackground('entities/import', { text, format, apply: false, filename: file.name });
      setPending({ text, format, filename: file.name, preview });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function apply() {
    if (!pending) return;
    try {
      const result = await sendToBackground('entities/import', { text: pending.text, format: pending.format, apply: true, filename: pending.filename });
      setStatus({ kind: 'ok', text: `Imported ${result.entities} entities (${result.added} new, ${result.replaced} replaced).` });
      props.onImported();
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setPending(undefined);
    }
  }

  const p = pending?.preview;
  return (
    <div class="import">
      <label>
        Import an entity list (JSON or CSV: name,kind,aliases,context):{' '}
        <input type="file" accept=".json,.csv,application/json,text/csv" data-testid="import-entities" onChange={(e) => void read(e.currentTarget)} />
      </label>
      {p && (
        <div class="preview" data-testid="entity-import-preview">
          <p>
            {pending.filename}: {p.entities} entities ({p.added} new, {p.replaced} replacing yours or the seed's)
            {p.claims > 0 && `, ${p.claims} claims`}
            {p.quotes > 0 && `, ${p.quotes} quotes`}. {p.sample.length > 0 && `First: ${p.sample.join(', ')}.`}
          </p>
          <button type="button" onClick={() => void apply()}>Import {p.entities} entities</button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>Cancel</button>
        </div>
      )}
      {status?.kind === 'error' && <p class="error" role="alert">{status.text}</p>}
      {status?.kind === 'ok' && <p role="status">{status.text}</p>}
    </div>
  );
}
