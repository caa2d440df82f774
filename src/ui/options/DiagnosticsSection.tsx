// The diagnostics switch. On, every page's content script writes its timings (start, highlighted,
// each slice of the scan, the quote harvest) on that page's performance timeline, where the
// benchmarks read them. Any script on the page can read them too, so it is off by default and
// the page says so.
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../shared/send';

export function DiagnosticsSection() {
  const [on, setOn] = useState<boolean | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    sendToBackground('settings/diagnostics', {})
      .then((reply) => setOn(reply.on))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);

  async function save(next: boolean) {
    try {
      setOn((await sendToBackground('settings/diagnostics/set', { on: next })).on);
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="diagnostics">
      <h2 id="diagnostics">Diagnostics</h2>
      <label class="inline">
        <input type="checkbox" checked={on === true} disabled={on === undefined} onChange={(e) => void save(e.currentTarget.checked)} />
        Record Dossier’s timings on the pages you open
      </label>
      <p class="muted">
        For performance reports only. The timings sit where the page's own scripts can read them, so while this is
        on, a site can tell that you use Dossier. It applies to pages loaded from now on, and a backup does not carry it.
      </p>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
