// Sync, off by default: the user enters a CouchDB server, a database, a user and a passphrase;
// only then is the host permission for that server asked for (on this click), and only then does
// anything leave the browser, end-to-end encrypted. When on: the status ("Last synced 2 minutes
// ago", "Sign-in refused by the server"), notes changed on two devices at once with both
// versions to pick from, and who last changed each note. The password and passphrase go to the
// background once and are never shown again.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { SyncAuthorship, SyncConflict, SyncStatus } from '../../shared/sync-messages';
import { sendToBackground } from '../shared/send';
import { ago, originPattern, statusLine } from './sync-time';

const REFRESH_MS = 5000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | undefined>();
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  const [authors, setAuthors] = useState<SyncAuthorship[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [form, setForm] = useState({ server: 'https://', database: 'dossier', username: '', password: '', passphrase: '', history: false });

  async function refresh() {
    try {
      const next = await sendToBackground('sync/status', {});
      setStatus(next);
      setNow(Date.now());
      if (next.on) {
        setConflicts((await sendToBackground('sync/conflicts', {})).conflicts);
        setAuthors((await sendToBackground('sync/authors', {})).notes);
      } else {
        setConflicts([]);
        setAuthors([]);
      }
    } catch (err) {
      setError(message(err));
    }
  }

  useEffect(() => {
    // One refresh at a time: while a long pass keeps the background busy, an answer can take
    // longer than the interval, and overlapping questions piled up in the worker's memory.
    let inFlight = false;
    const tick = () => {
      if (inFlight) return;
      inFlight = true;
      void refresh().finally(() => {
        inFlight = false;
      });
    };
    tick();
    const timer = setInterval(tick, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  async function turnOn(event: Event) {
    event.preventDefault();
    setError(undefined);
    let pattern: string;
    try {
      pattern = originPattern(form.server);
    } catch {
      setError('The server address must be a full address such as https://couch.example.org/');
      return;
    }
    // Asked on this click (a user gesture), for this server only, and never at install.
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins: [pattern] });
    } catch (err) {
      setError(message(err));
      return;
    }
    if (!granted) {
      setError(`Dossier needs your permission to reach ${pattern.replace('/*', '')} to sync. Nothing was sent.`);
      return;
    }
    setBusy(true);
    try {
      setStatus(await sendToBackground('sync/configure', form));
      setForm((f) => ({ ...f, password: '', passphrase: '' }));
      await refresh();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  async function run(action: 'sync/now' | 'sync/disable') {
    setBusy(true);
    setError(undefined);
    try {
      setStatus(await sendToBackground(action, {}));
      await refresh();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  async function keep(conflict: SyncConflict, rev: string) {
    try {
      await sendToBackground('sync/resolve', { id: conflict.id, rev });
      await refresh();
    } catch (err) {
      setError(message(err));
    }
  }

  const field = (name: 'server' | 'database' | 'username' | 'password' | 'passphrase', label: string, type: 'text' | 'url' | 'password' = 'text', hint?: string) => (
    <label class="sync-field">
      {label}
      <input
        // One input per field; preact's typings want the type literal per element.
        type={type as 'text'}
        name={name}
        required={name !== 'password'}
        autocomplete={type === 'password' ? 'new-password' : 'off'}
        value={form[name]}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setForm((f) => ({ ...f, [name]: value }));
        }}
      />
      {hint !== undefined && <span class="muted">{hint}</span>}
    </label>
  );

  return (
    <section aria-labelledby="sync" data-testid="sync-section">
      <h2 id="sync">Sync</h2>
      {status !== undefined && (
        <p role="status" data-testid="sync-status">
          {statusLine(status, now)}
        </p>
      )}
      {status?.problem && (
        <p class="error" role="alert" data-testid="sync-problem">
          {status.problem.message}
        </p>
      )}
      {error !== undefined && (
        <p class="error" role="alert" data-testid="sync-error">
          {error}
        </p>
      )}
      {status && !status.on && (
        <form class="sync-form" onSubmit={(e) => void turnOn(e)}>
          <p class="muted">
            Sync your dossier between your browsers, or share it with a team, through a CouchDB server you or your
            newsroom run. Everything is encrypted in this browser with your passphrase before it leaves: the server
            sees neither your notes nor the names you follow. Use the same passphrase on every device.
          </p>
          {field('server', 'Server address', 'url', 'For example https://couch.example.org/')}
          {field('database', 'Database')}
          {field('username', 'User name')}
          {field('password', 'Password', 'password')}
          {field('passphrase', 'Passphrase', 'password', 'At least 8 characters. If you forget it, the synced copy cannot be read; your dossier here stays.')}
          <label class="inline">
            <input type="checkbox" checked={form.history} onChange={(e) => setForm((f) => ({ ...f, history: e.currentTarget.checked }))} />
            Also sync “Seen elsewhere” (the pages where you met a name)
          </label>
          <div class="form-buttons">
            <button type="submit" disabled={busy}>
              Turn sync on
            </button>
          </div>
        </form>
      )}
      {status?.on && (
        <div class="sync-on">
          <p class="muted">
            Syncing with database “{status.database}” on {status.server} as {status.username}
            {status.history ? ', with “Seen elsewhere”' : ''}.
          </p>
          <div class="form-buttons">
            <button type="button" disabled={busy} onClick={() => void run('sync/now')}>
              Sync now
            </button>
            <button type="button" disabled={busy} onClick={() => void run('sync/disable')}>
              Turn sync off
            </button>
          </div>
          {conflicts.length > 0 && (
            <div data-testid="sync-conflicts">
              <h3>Notes changed on two devices</h3>
              <p class="muted">Both versions are kept. The first is shown on your pages until you pick one.</p>
              <ul class="sync-conflicts">
                {conflicts.map((c) => (
                  <li key={c.id} data-annotation={c.annotationId}>
                    <p>
                      <strong>{c.title || c.url}</strong> {c.quote !== '' && <q>{c.quote}</q>}
                    </p>
                    <ul>
                      {c.versions.map((v) => (
                        <li key={v.rev} class="sync-version" data-testid="sync-version">
                          <span class="note">{v.note === '' ? '(no note)' : v.note}</span>{' '}
                          <span class="muted">
                            {v.by}, {ago(v.at, now)}
                            {v.shown ? ' (shown now)' : ''}
                          </span>{' '}
                          <button type="button" class="link" onClick={() => void keep(c, v.rev)}>
                            Keep this version
                          </button>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {authors.length > 0 && (
            <details data-testid="sync-authors">
              <summary>Who last changed your notes</summary>
              <ul class="sync-authors">
                {authors.map((a) => (
                  <li key={a.annotationId} data-annotation={a.annotationId}>
                    <span class="note">{a.note === '' ? a.title : a.note}</span> <span class="muted">— {a.by}, {ago(a.at, now)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
