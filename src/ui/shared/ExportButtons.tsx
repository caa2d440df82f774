// The three export formats as buttons, for one page (popup) or the whole dossier (options).
import { useState } from 'preact/hooks';
import type { ExportFormat } from '../../core/annotations/export';
import { downloadText } from './download';
import { sendToBackground } from './send';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'jsonld', label: 'JSON-LD' },
  { format: 'csv', label: 'CSV' },
  { format: 'markdown', label: 'Markdown' },
];

export function ExportButtons(props: { url?: string; withEntities?: boolean; disabled?: boolean }) {
  const [error, setError] = useState<string | undefined>();
  const [includeEntities, setIncludeEntities] = useState(false);

  async function run(format: ExportFormat) {
    setError(undefined);
    try {
      const file = await sendToBackground('annotations/export', {
        format,
        ...(props.url !== undefined ? { url: props.url } : {}),
        includeEntities,
      });
      downloadText(file.text, file.filename, file.mimeType);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div class="export">
      <span>Export{props.url !== undefined ? ' this page' : ' all'}:</span>
      {FORMATS.map(({ format, label }) => (
        <button type="button" key={format} data-format={format} disabled={props.disabled} onClick={() => void run(format)}>
          {label}
        </button>
      ))}
      {props.withEntities !== false && (
        <label class="inline">
          <input type="checkbox" checked={includeEntities} onChange={(e) => setIncludeEntities(e.currentTarget.checked)} /> with
          entity mentions
        </label>
      )}
      {error !== undefined && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
