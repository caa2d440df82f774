// The sites where the user switched Dossier off (from the popup), with a way to switch it back on,
// and, per site, whether that switch is shared with the user's other devices through sync (only
// the sites ticked here sync; the switch is this browser's own otherwise).
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../shared/send';

export function SitesSection() {
  const [hosts, setHosts] = useState<string[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const [shared, setShared] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    sendToBackground('sites/list', {})
      .then((reply) => setHosts(reply.hosts))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
    sendToBackground('sync/shared-sites', {})
      .then((reply) => setShared(new Set(reply.hosts)))
      .catch(() => setShared(new Set())); // A build without sync: nothing to share.
  }, [version]);

  async function share(host: string, on: boolean) {
    try {
      await sendToBackground('sync/share-site', { host, shared: on });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function enable(host: string) {
    try {
      await sendToBackground('site/set', { host, disabled: false });
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="sites">
      <h2 id="sites">Sites where Dossier is off</h2>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      {hosts?.length === 0 && <p class="muted">None. Switch Dossier off on a site from the toolbar button while you are on it.</p>}
      <ul class="site-list">
        {hosts?.map((host) => (
          <li key={host} data-host={host}>
            {host} <button type="button" class="link" onClick={() => void enable(host)}>Switch back on</button>{' '}
            <label class="site-share">
              <input type="checkbox" aria-label={`Same on my other devices (sync): ${host}`} checked={shared.has(host)} onChange={(e) => void share(host, e.currentTarget.checked)} /> Same on my other devices (sync)
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
