// The keyboard commands as the browser has them bound now (the user may have changed them, and a
// browser may leave a suggested key unbound when another extension or the browser holds it), with
// the way to the browser's own page for changing them: extensions cannot set a key themselves.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; commands: Command[] };

/** Firefox has runtime.getBrowserInfo; Chromium does not. */
const isFirefox = (): boolean => typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  // Chromium: the page exists in every profile; only an extension can open a chrome:// URL.
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function ShortcutsSection() {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) =>
        setState({
          status: 'ready',
          commands: all
            .filter((c) => typeof c.name === 'string' && c.name !== '_execute_action')
            .map((c) => ({ name: c.name ?? '', description: c.description ?? c.name ?? '', shortcut: c.shortcut ?? '' })),
        }),
      )
      .catch((err: unknown) => setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }));
  }, []);

  return (
    <section aria-labelledby="shortcuts">
      <h2 id="shortcuts">Keyboard shortcuts</h2>
      {state.status === 'error' && <p class="error" role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <table class="shortcuts">
          <thead>
            <tr><th scope="col">Action</th><th scope="col">Shortcut</th></tr>
          </thead>
          <tbody>
            {state.commands.map((c) => (
              <tr key={c.name} data-command={c.name}>
                <td>{c.description}</td>
                <td>{c.shortcut !== '' ? <kbd>{c.shortcut}</kbd> : <span class="muted">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {isFirefox()
          ? 'Change them in Firefox: about:addons, the gear menu, “Manage Extension Shortcuts”. '
          : 'Change them on the browser’s shortcut page (chrome://extensions/shortcuts). '}
        <button type="button" class="link" onClick={() => void openShortcutSettings().catch(() => undefined)}>
          Open the shortcut settings
        </button>
      </p>
    </section>
  );
}
