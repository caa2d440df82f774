// The set-up every real-browser test file shares, in one call inside its describe block: Chromium
// with the extension in a fresh profile, a server for the file's pages on 127.0.0.1, both started
// in beforeAll and closed in afterAll. Hooks a file adds after this call run after its start and
// before its end (vitest runs before-hooks in order and after-hooks in reverse).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildExtensionCopy, removeExtensionCopy } from './extension-copy';
import { fixtureVariants } from './fixtures';
import {
  EXTENSION_DIR,
  FIXTURE_PAGES,
  extensionUrl,
  launchWithExtension,
  openWithHighlights,
  sendToTab,
  serve,
  tabIdOf,
  turnOnDiagnostics,
  withScreenshotOnFailure,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { collectPageErrors } from './page-probes';

export interface ExtensionBrowserSetup {
  /** Serve tests/fixtures/pages, with its in-memory variants (/dark.html). */
  fixtures?: boolean;
  /** In-memory pages (path → body); a function is called in beforeAll, when files may be read. */
  pages?: Record<string, string> | (() => Record<string, string>);
  /** Response headers added to every page served (e.g. a CSP). */
  headers?: Record<string, string>;
  /** Launch a private build of the extension (see extension-copy.ts) instead of dist/chrome. */
  ownBuild?: boolean;
  /**
   * The diagnostics switch, ON unless false: pages then carry our timings (dossier:*) for the test
   * to wait on, and Dossier uses its readable names (dossier-person, <dossier-card>…) instead of
   * random ones per page (src/content/highlight/page-names.ts), which most tests look for. Tests of what a
   * page sees by default (diagnostics.test.ts, hostile-page-names.test.ts…) turn it off.
   */
  diagnostics?: boolean;
  /** Host names served by the page server as well as 127.0.0.1 (Chromium maps them to it), e.g. ['news.test', 'evil.news.test']. */
  hosts?: readonly string[];
}

export interface TabOptions {
  prepare?: (page: Page) => Promise<void>;
  waitUntil?: 'load' | 'domcontentloaded';
  /** Navigation timeout (ms). */
  timeout?: number;
}

export interface ExtensionSession {
  readonly browser: ExtensionBrowser;
  readonly server: StaticServer;
  /** The unpacked extension the browser runs: dist/chrome or the private build. */
  readonly extensionDir: string;
  /** The server's URL for `path`. */
  url(path: string): string;
  /** The server's URL for `path` under another of its host names (`setup.hosts`: news.test, evil.example…). */
  urlOn(host: string, path: string): string;
  /** A new tab showing `path` of the server (loaded as far as `waitUntil`). */
  open(path: string, waitUntil?: 'load' | 'domcontentloaded'): Promise<Page>;
  /** A new tab showing `path` of the server under the host name `host`. */
  openOn(host: string, path: string): Promise<Page>;
  /** A new tab showing `path`, once Dossier has highlighted a person on it. */
  openWithHighlights(path: string, timeout?: number): Promise<Page>;
  /** A new tab showing one of the extension's pages (`popup/popup.html`…), told which tab it serves. */
  openExtensionPage(path: string, tabId?: number): Promise<Page>;
  /**
   * Opens `path` in a new tab (after `prepare`, for init scripts), runs `body` with the page and
   * the uncaught errors it has thrown so far, saves a screenshot named `name` if `body` fails, and
   * closes the tab.
   */
  inTab(path: string, name: string, body: (page: Page, errors: string[]) => Promise<void>, options?: TabOptions): Promise<void>;
  /** The id of the tab showing `page`, as the extension knows it. */
  tabIdOf(page: Page): Promise<number>;
  /** Sends a ContentMessages envelope to a tab from the service worker, as the popup or commands would. */
  sendToTab(tabId: number, message: { type: string; payload: unknown }): Promise<unknown>;
}

export function useExtensionBrowser(setup: ExtensionBrowserSetup = {}): ExtensionSession {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  let ownDir: string | undefined;

  beforeAll(async () => {
    if (setup.ownBuild) ownDir = await buildExtensionCopy();
    const pages = typeof setup.pages === 'function' ? setup.pages() : setup.pages;
    server = await serve({
      dir: setup.fixtures ? FIXTURE_PAGES : undefined,
      pages: { ...(setup.fixtures ? fixtureVariants() : {}), ...pages },
      headers: setup.headers,
    });
    const hostRules = (setup.hosts ?? []).map((host) => `MAP ${host} 127.0.0.1`).join(', ');
    browser = await launchWithExtension(ownDir ?? EXTENSION_DIR, hostRules ? [`--host-resolver-rules=${hostRules}`] : []);
    if (setup.diagnostics !== false) await turnOnDiagnostics(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (ownDir) removeExtensionCopy(ownDir);
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test or a later hook`);
    return value;
  };

  const session: ExtensionSession = {
    get browser() {
      return ready(browser, 'the browser');
    },
    get server() {
      return ready(server, 'the page server');
    },
    get extensionDir() {
      return ownDir ?? EXTENSION_DIR;
    },
    url: (path) => session.server.url(path),
    urlOn: (host, path) => `http://${host}:${new URL(session.server.origin).port}${path}`,
    async openOn(host, path) {
      const page = await session.browser.context.newPage();
      await page.goto(session.urlOn(host, path));
      return page;
    },
    async open(path, waitUntil = 'load') {
      const page = await session.browser.context.newPage();
      await page.goto(session.url(path), { waitUntil });
      return page;
    },
    openWithHighlights: (path, timeout) => openWithHighlights(session.browser, session.url(path), timeout),
    async openExtensionPage(path, tabId) {
      const page = await session.browser.context.newPage();
      await page.goto(extensionUrl(session.browser, path, tabId));
      return page;
    },
    async inTab(path, name, body, { prepare, waitUntil = 'load', timeout } = {}) {
      const page = await session.browser.context.newPage();
      const errors = collectPageErrors(page);
      await prepare?.(page);
      await page.goto(session.url(path), { waitUntil, ...(timeout === undefined ? {} : { timeout }) });
      await withScreenshotOnFailure(page, name, () => body(page, errors));
      await page.close();
    },
    tabIdOf: (page) => tabIdOf(session.browser.serviceWorker, page),
    sendToTab: (tabId, message) => sendToTab(session.browser.serviceWorker, tabId, message),
  };
  return session;
}
