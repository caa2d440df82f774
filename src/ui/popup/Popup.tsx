// The toolbar popup: what Dossier found on the current page, the per-site switch, search, and the
// way to the options page.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageFinding } from '../../shared/messages';
import { NoReceiverError } from '../shared/reply';
import { hostOf } from '../shared/safe-url';
import { sendToBackground, sendToTab } from '../shared/send';
import { tabFromQuery } from '../shared/target-tab';
import { toPageFound, type PageFound } from '../shared/validate';
import { FindingsList } from './FindingsList';
import { KindToggles } from './KindToggles';
import { PageAnnotations } from './PageAnnotations';
import { SearchPanel } from './SearchPanel';
import { FormTakenNotice } from './FormTakenNotice';

type PageState =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabId: number; found: PageFound };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function resolveTab(): Promise<number | undefined> {
  const fromQuery = tabFromQuery(location.search);
  if (fromQuery !== undefined) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * A tab may have no listener yet: the content script runs once the page is idle, which can come
 * after the load event, and a popup opened in that moment said "Dossier does not run on this page"
 * for good on a page where it does. So while the tab is still loading (its status needs no
 * permission) the popup keeps asking, up to LOADING_WAIT_MS; once it is loaded, a little longer
 * (about 1.5 s), after which a page where Dossier never runs (a browser page, a PDF) is unavailable.
 */
const LOADED_RETRIES_MS = [100, 200, 400, 800];
const LOADING_WAIT_MS = 20_000;
const LOADING_POLL_MS = 250;

async function tabIsLoading(tabId: number): Promise<boolean> {
  try {
    return (await browser.tabs.get(tabId)).status === 'loading';
  } catch {
    return false; // the tab went
  }
}

async function loadPage(): Promise<PageState> {
  const tabId = await resolveTab();
  if (tabId === undefined) return { status: 'unavailable' };
  const started = Date.now();
  let retries = 0;
  for (;;) {
    try {
      // The names as soon as they are marked: the claims may wait for the background's judge.
      const found = toPageFound(await sendToTab(tabId, 'page/found', { namesOnly: true }));
      // A page whose content script could not reach the store (IndexedDB unavailable) reports
      // itself "off"; asking the store ourselves turns that into its clear error instead.
      const host = hostOf(found.url);
      if (found.disabled && host !== undefined) await sendToBackground('site/get', { host });
      return { status: 'ready', tabId, found };
    } catch (err) {
      if (!(err instanceof NoReceiverError)) return { status: 'error', message: message(err) };
      const loading = Date.now() - started < LOADING_WAIT_MS && (await tabIsLoading(tabId));
      const wait = loading ? LOADING_POLL_MS : LOADED_RETRIES_MS[retries++];
      if (wait === undefined) return { status: 'unavailable' };
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * "Dossier on this site", on or off: a positive switch reads the same to everyone. While the
 * change is saved the switch stays enabled and focusable (disabling the focused control would
 * drop focus to <body>) and marked busy; a click then is not lost: the last one wins once the
 * save in flight is done.
 */
function SiteSwitch(props: { host: string; disabled: boolean; busy: boolean; onChange(disabled: boolean): void }) {
  return (
    <div class="switch">
      <input id="site-switch" type="checkbox" role="switch" checked={!props.disabled} aria-describedby="site-host"
        aria-busy={props.busy ? 'true' : undefined}
        onChange={(e) => props.onChange(!e.currentTarget.checked)} />
      <label for="site-switch">Dossier on this site</label>
      <span id="site-host" class="muted">{props.host}</span>
    </div>
  );
}

export function Popup() {
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>();
  /** Counts what was shown: a late answer about the claims must not undo a newer state. */
  const shown = useRef(0);
  /** The switch's state the reader last asked for while a save was in flight (applied after it). */
  const wanted = useRef<boolean | undefined>(undefined);
  const saving = useRef(false);

  /** Shows what the page holds, and, while its claims are being judged, asks again for them. */
  function show(tabId: number, found: PageFound) {
    const turn = ++shown.current;
    setPage({ status: 'ready', tabId, found });
    if (!found.claimsPending || found.disabled) return;
    sendToTab(tabId, 'page/found', {}).then(
      (all) => turn === shown.current && show(tabId, toPageFound(all)),
      (err: unknown) => {
        if (turn !== shown.current) return;
        setPage({ status: 'ready', tabId, found: { ...found, claimsPending: false } });
        // A tab gone or navigated away has nothing more to say; anything else is said.
        if (!(err instanceof NoReceiverError)) setActionError(message(err));
      },
    );
  }

  useEffect(() => {
    loadPage().then(
      (state) => (state.status === 'ready' ? show(state.tabId, state.found) : setPage(state)),
      (err: unknown) => setPage({ status: 'error', message: message(err) }),
    );
  }, []);

  async function reveal(tabId: number, f: PageFinding) {
    try {
      await sendToTab(tabId, 'page/reveal', { id: f.id, kind: f.kind });
      window.close();
    } catch (err) {
      setActionError(message(err));
    }
  }

  async function setDisabled(tabId: number, found: PageFound, host: string, disabled: boolean) {
    // Shown at once: the switch must not flip back while the background and the page catch up.
    show(tabId, { ...found, disabled, claimsPending: false });
    if (saving.current) {
      wanted.current = disabled;
      return;
    }
    saving.current = true;
    setBusy(true);
    setActionError(undefined);
    try {
      let saved = await saveSwitch(tabId, host, disabled);
      // Pressed again meanwhile: the last press is what the reader wants.
      for (let next = wanted.current; next !== undefined && next !== saved; next = wanted.current) {
        wanted.current = undefined;
        saved = await saveSwitch(tabId, host, next);
      }
      // The findings change with the switch (none while off): ask the page again.
      const again = toPageFound(await sendToTab(tabId, 'page/found', { namesOnly: true }));
      show(tabId, { ...again, disabled: saved });
    } catch (err) {
      setActionError(message(err));
      show(tabId, found);
    } finally {
      wanted.current = undefined;
      saving.current = false;
      setBusy(false);
    }
  }

  /** Saves the site's switch and tells this tab (the background tells the site's other tabs); the saved state. */
  async function saveSwitch(tabId: number, host: string, disabled: boolean): Promise<boolean> {
    const saved = await sendToBackground('site/set', { host, disabled });
    await sendToTab(tabId, 'page/set-enabled', { enabled: !saved.disabled });
    return saved.disabled;
  }

  /** The review page runs the article extraction; it asks this tab's page for the text. */
  async function addArticle(tabId: number) {
    await browser.tabs.create({ url: browser.runtime.getURL(`review/review.html?tab=${tabId}`) });
    window.close();
  }

  async function openOptions() {
    await browser.runtime.openOptionsPage();
    window.close();
  }

  return (
    <main>
      <header>
        <h1>Dossier</h1>
        <button type="button" class="link" onClick={() => void openOptions()}>Options</button>
      </header>
      <SearchPanel />
      {page.status === 'loading' && <p class="muted" aria-busy="true">Looking at this page…</p>}
      {page.status === 'unavailable' && <p class="empty">Dossier does not run on this page.</p>}
      {page.status === 'error' && <p class="error" role="alert">{page.message}</p>}
      {page.status === 'ready' && (() => {
        const { tabId, found } = page;
        const host = hostOf(found.url);
        return (
          <>
            {host !== undefined && (
              <SiteSwitch host={host} disabled={found.disabled} busy={busy}
                onChange={(d) => void setDisabled(tabId, found, host, d)} />
            )}
            <FormTakenNotice tabId={tabId} />
            {/* The page's actions only while Dossier runs on it. */}
            {found.disabled ? (
              <p class="empty">Dossier is off on this site.</p>
            ) : (
              <>
                <button type="button" class="add-article" onClick={() => void addArticle(tabId).catch((err: unknown) => setActionError(message(err)))}>
                  Add this article to my dossier
                </button>
                <KindToggles />
                <FindingsList findings={found.findings} claimsPending={found.claimsPending} onReveal={(f) => void reveal(tabId, f)} />
                <PageAnnotations tabId={tabId} />
              </>
            )}
          </>
        );
      })()}
      {actionError !== undefined && <p class="error" role="alert">{actionError}</p>}
    </main>
  );
}
