// The service worker (Chrome) / event page (Firefox). The browser stops it after 30 s idle, so
// every listener is registered at top level and the only state is a lazily opened database,
// which any event reopens from a cold start.
import browser, { type Runtime } from 'webextension-polyfill';
import { SEED } from '../data/seed';
import { forwardCommand } from './commands';
import { createMenus, onMenuClicked } from './menus';
import { onAnnotateMenuClicked } from './annotate-menu';
import { createRouter } from './routes/router';
import { CLAIM_MODEL_PATH, setClaimModelSource } from './claim-judge';
import { setSuffixRulesSource } from '../core/web/site';
import { createDossierDatabase, createStore, type DossierDB } from './store';
import { sessionListCopy } from './store/list-cache/session-copy';
import { syncSeed } from './store/seed-sync';
import { installSync } from './sync/install';
import { handleRestorePort } from './restore-port';
import { tellTabsSitesChanged } from './broadcasts/sites-changed';
import { createDossierAnnouncer } from './broadcasts/dossier-changed';
import { createFirstStagePublisher } from './first-stage/publisher';
import { FIRST_STAGE_KEY, readFirstStageRecord } from '../shared/first-stage-record';
import { tellEveryTab } from './broadcasts/every-tab';
import { createDraftKeeper } from './drafts/draft-keeper';
import { draftDatabase, withFallback } from './drafts/draft-database';
import { handleDraftPort } from './drafts/draft-port';
import { setDraftServices } from './drafts/draft-routes';
import { clearFormTaken, tellFormTaken } from './drafts/form-taken-badge';

/** The bundled seed's hash, computed by build.mjs (undefined where no build defined it: hashed at open). */
declare const __DOSSIER_SEED_HASH__: string | undefined;
const BUILT_SEED_HASH = typeof __DOSSIER_SEED_HASH__ === 'string' ? __DOSSIER_SEED_HASH__ : undefined;

/**
 * Opens the store (whichever database a restore last switched to) and brings the seed up to date
 * once per open: a cold start after an update that missed onInstalled still gets the new seed. A
 * failure is not cached, so the next message retries instead of the worker repeating one error.
 */
const database = createDossierDatabase({
  prepare: async (db) => {
    // A new seed (an update of Dossier) changes the list outside the store's writes.
    if ((await syncSeed(db, SEED, BUILT_SEED_HASH)).action !== 'unchanged') store.forgetCachedLists();
  },
});
const getDb = (): Promise<DossierDB> => database.get();

// Open pages follow a change of the list or the colours without a reload.
const announcer = createDossierAnnouncer(
  () => store.getShownVersion(),
  () => tellEveryTab('page/dossier-changed', {}),
);
const store = createStore(getDb, database.replace, {
  dossierWritten: () => {
    announcer.written();
    firstStage.schedule();
  },
  // The list read again because it changed behind the store's back (its counts): the record may be stale.
  listChanged: () => firstStage.schedule(),
}, sessionListCopy(browser.storage.session));
// Every page's first read (the list's anchor filter), kept in storage.local: see shared/first-stage-record.ts.
const firstStage = createFirstStagePublisher(FIRST_STAGE_KEY, () => store.getFirstStageRecord(), browser.storage.local);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local') firstStage.storageChanged(changes);
});
void firstStage.ensure((stored) => readFirstStageRecord(stored) !== null);
/** Messages after which the record may differ: the diagnostics switch, and whether any annotation is kept. */
const RECORD_CHANGES: ReadonlySet<unknown> = new Set(['settings/diagnostics/set', 'annotations/save', 'annotations/delete', 'annotations/import']);
const router = createRouter(store, browser.runtime.getURL(''), browser.runtime.id);
// Read when a page's site is first needed (a harvest, a sighting), not at each wake: see core/web/site.ts.
setSuffixRulesSource(async () => (await fetch(browser.runtime.getURL('models/public-suffixes.txt'))).text());
// The claim model, fetched from the package the first time a page has claim candidates.
setClaimModelSource(
  async () => (await fetch(browser.runtime.getURL(CLAIM_MODEL_PATH))).json(),
  async (file) => new Uint8Array(await (await fetch(browser.runtime.getURL(`models/${file}`))).arrayBuffer()),
);
// Off until the user turns it on in the options page; then a pass follows local writes.
const sync = installSync(
  getDb,
  () => store.forgetCachedLists(),
  (hosts) => hosts.forEach((host) => void tellTabsSitesChanged(host)),
  () => firstStage.schedule(),
);

browser.runtime.onInstalled.addListener(() => {
  createMenus().catch((error: unknown) => console.error('Dossier: could not create its menu items', error));
  getDb().catch((error: unknown) => console.error('Dossier: could not set up its database', error));
});

// Returns undefined (not a Promise) for messages that are not ours, leaving them to other listeners.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  router.handle(message, sender)?.then((reply) => {
    const { type, payload } = message as { type?: unknown; payload?: { host?: unknown } };
    sync.afterMessage(type, reply.ok);
    if (reply.ok && RECORD_CHANGES.has(type)) firstStage.schedule();
    if (type === 'site/set' && reply.ok && typeof payload?.host === 'string') void tellTabsSitesChanged(payload.host);
    return reply;
  }),
);

// The note form's drafts, out of the page's reach (drafts/): the frame's port, the router's clear.
// Both places are out of content scripts' reach (unlike storage.local), so a draft never enters a
// web page's process, even a compromised one. A draft outlives a browser restart in the drafts'
// own database; a private window's stays in storage.session, never on disk, until the browser quits.
const sessionDrafts = { get: (key: string) => browser.storage.session.get(key), set: (items: Record<string, unknown>) => browser.storage.session.set(items) };
const draftKeeper = createDraftKeeper(withFallback(draftDatabase(), sessionDrafts, (error) => console.warn('Dossier: note drafts kept until the browser quits only', error)));
const privateDraftKeeper = createDraftKeeper(sessionDrafts);
// Drafts are on disk now: a draft abandoned 14 days ago goes when the worker starts, not only
// when the next one is written.
void draftKeeper.prune().catch(() => undefined);
setDraftServices({ keeper: draftKeeper, privateKeeper: privateDraftKeeper, tellFormTaken });
browser.runtime.onConnect.addListener((port) =>
  handleDraftPort(port, {
    keeper: draftKeeper,
    privateKeeper: privateDraftKeeper,
    extensionOrigin: browser.runtime.getURL(''),
    extensionId: browser.runtime.id,
    onOpened: (tabId) => {
      if (tabId !== undefined) void clearFormTaken(tabId).catch(() => undefined);
    },
  }),
);

// The options page's restore: it fills a fresh database itself and asks here only for the switch.
browser.runtime.onConnect.addListener((port) =>
  handleRestorePort(port, {
    database,
    extensionOrigin: browser.runtime.getURL(''),
    extensionId: browser.runtime.id,
    onRestored: () => {
      store.forgetCachedLists();
      // The restored dossier has its own list of sites where Dossier is off.
      void tellTabsSitesChanged();
      sync.afterMessage('backup/restore', true);
    },
  }),
);

// Optional: Firefox for Android has no context menus; both features are in the popup too.
browser.contextMenus?.onClicked.addListener((info, tab) => {
  onMenuClicked(info, tab).catch((error: unknown) => console.error('Dossier: could not open the review page', error));
  onAnnotateMenuClicked(info, tab).catch((error: unknown) => console.error('Dossier: could not start an annotation', error));
});

browser.commands.onCommand.addListener((command: string) => {
  void forwardCommand(command);
});
