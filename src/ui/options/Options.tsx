// The options page: the entity list, annotations, switched-off sites, reading history, colours,
// backup/restore, diagnostics.
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { AnnotationsSection } from './AnnotationsSection';
import { BackupSection } from './BackupSection';
import { ColoursSection } from './ColoursSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { EntitiesSection } from './EntitiesSection';
import { SectionIndex } from './SectionIndex';
import { ShortcutsSection } from './ShortcutsSection';
import { HistorySection } from './HistorySection';
import { SitesSection } from './SitesSection';
import { SyncSection } from './SyncSection';

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

export function Options() {
  const v = version();
  // A restore replaces the dossier: every section reads it again.
  const [restored, setRestored] = useState(0);
  return (
    <main>
      <header>
        <h1>Dossier</h1>
        {v !== '' && <p class="muted">Version {v}</p>}
        <SectionIndex />
      </header>
      <EntitiesSection key={`entities-${restored}`} />
      <AnnotationsSection key={`annotations-${restored}`} />
      <SitesSection key={`sites-${restored}`} />
      <HistorySection key={`history-${restored}`} />
      <ColoursSection key={`colours-${restored}`} />
      <ShortcutsSection />
      <BackupSection onRestored={() => setRestored((n) => n + 1)} />
      <SyncSection />
      <DiagnosticsSection key={`diagnostics-${restored}`} />
      <section aria-labelledby="about">
        <h2 id="about">About and privacy</h2>
        <p>
          Dossier highlights the people, organisations, places and claims you follow on news pages, and opens a
          card of context for each when you click a highlight.
        </p>
        <p>
          <strong>Nothing leaves your browser.</strong> Your dossier, the pages where you met a name and your
          settings are kept in this browser’s own storage; “Reading history” above forgets the pages. Unless you turn on Sync, Dossier sends nothing to any server; it has no account and
          no analytics.
        </p>
        <p>
          To switch Dossier off on a site, open the Dossier button in the toolbar on that site and turn off
          “Dossier on this site”.
        </p>
      </section>
    </main>
  );
}
