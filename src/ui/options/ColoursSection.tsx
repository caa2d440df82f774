// Highlight colours per kind. Pages pick them up when they are next loaded (the content script
// reads them with the list); "Reset" goes back to the built-in palette.
import { useEffect, useState } from 'preact/hooks';
import type { HighlightColours } from '../../shared/dossier-messages';
import { KIND_ORDER, KIND_PALETTE } from '../shared/palette';
import { sendToBackground } from '../shared/send';

export function ColoursSection() {
  const [colours, setColours] = useState<HighlightColours>({});
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();

  useEffect(() => {
    sendToBackground('settings/colours', {})
      .then((reply) => setColours(reply.colours))
      .catch((err: unknown) => setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) }));
  }, []);

  async function save(next: HighlightColours) {
    try {
      const reply = await sendToBackground('settings/colours/set', { colours: next });
      setColours(reply.colours);
      setStatus({ kind: 'ok', text: 'Saved. Pages use the new colours when they are next loaded.' });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <section aria-labelledby="colours">
      <h2 id="colours">Highlight colours</h2>
      <div class="colours">
        {KIND_ORDER.map((kind) => (
          <label class="inline" key={kind}>
            <input type="color" aria-label={`${KIND_PALETTE[kind].label} colour`} value={colours[kind] ?? KIND_PALETTE[kind].background}
              onChange={(e) => void save({ ...colours, [kind]: e.currentTarget.value })} />
            {KIND_PALETTE[kind].plural}
          </label>
        ))}
        <button type="button" onClick={() => void save({})}>Reset</button>
      </div>
      {status?.kind === 'error' && <p class="error" role="alert">{status.text}</p>}
      {status?.kind === 'ok' && <p class="muted" role="status">{status.text}</p>}
    </section>
  );
}
