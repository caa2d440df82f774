// The options page shell. Entity management, annotations and backup come in later issues; the
// list of switched-off sites waits for a `sites/list` message (see the issue note).
import browser from 'webextension-polyfill';
import { AnnotationsSection } from './AnnotationsSection';

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function Options() {
  const v = version();
  return (
    <main>
      <header>
        <h1>Dossier</h1>
        {v !== '' && <p class="muted">Version {v}</p>}
      </header>
      <AnnotationsSection />
      <section aria-labelledby="about">
        <h2 id="about">About and privacy</h2>
        <p>
          Dossier highlights the people, organisations, places and claims you follow on news pages, and opens a
          card of context for each when you click a highlight.
        </p>
        <p>
          <strong>Nothing leaves your browser.</strong> Your dossier, the pages where you met a name and your
          settings are kept in this browser's own storage. Dossier sends nothing to any server, has no account and
          no analytics.
        </p>
        <p>
          To switch Dossier off on a site, open the Dossier button in the toolbar on that site and turn on
          “Off on …”.
        </p>
      </section>
    </main>
  );
}
