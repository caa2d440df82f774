// Shared helpers for real-browser tests: Debian's Chromium with the built extension, a tiny
// static server on 127.0.0.1, the extension's service worker, and a look inside the card's CLOSED
// shadow root through the DevTools protocol (the shipped build keeps it closed). Test files set
// all of this up with useExtensionBrowser (use-extension-browser.ts); the benchmarks use it bare.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { extensionArgs, quietProfileArgs } from '../../src/cli/start/chromium';
import { attributesOf, findElement, findNode, piercedDocument, textOf, withCdp } from './cdp-dom';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, 'dist/chrome');
export const HAS_BUILD = existsSync(join(EXTENSION_DIR, 'manifest.json'));
export const FIXTURE_PAGES = join(ROOT, 'tests/fixtures/pages');
/** Why tests that need only Chromium (no built extension) are skipped, or null. */
export const CHROMIUM_SKIP_REASON = HAS_CHROMIUM ? null : `browser tests skipped: ${CHROMIUM_PATH} is absent`;
/** Why browser tests are skipped, or null when they can run. */
export const SKIP_REASON = CHROMIUM_SKIP_REASON
  ? CHROMIUM_SKIP_REASON
  : !HAS_BUILD
    ? 'browser tests skipped: dist/chrome is not built (run `node build.mjs`)'
    : null;

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * Chromium with the extension in a fresh profile, removed on close; or in `profile`, kept on close,
 * so a second launch on it is the reader's browser started again.
 */
export async function launchWithExtension(extensionDir = EXTENSION_DIR, extraArgs: readonly string[] = [], profile?: string): Promise<ExtensionBrowser> {
  const userDataDir = profile ?? mkdtempSync(join(tmpdir(), 'dossier-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The same profile flags as `npm start`; no GPU in the test machines.
    args: [...extensionArgs(extensionDir), '--disable-gpu', ...extraArgs],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (profile === undefined) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Turns on the options page's diagnostics switch, as its message does: pages loaded from then on
 * carry our timings (dossier:start, dossier:highlighted, dossier:harvested…) on their timeline.
 * Off by default, because the page's own scripts can read them.
 */
export async function turnOnDiagnostics(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options/options.html'));
  const reply = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'settings/diagnostics/set',
      payload: { on: true },
    }),
  );
  if (JSON.stringify(reply) !== JSON.stringify({ ok: true, value: { on: true } })) throw new Error(`diagnostics not turned on: ${JSON.stringify(reply)}`);
  // Pages read the switch from the first stage's record (storage.local), which the background
  // rewrites a moment after the reply: a page opened before then would write no timings.
  await page.waitForFunction(
    async () =>
      ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { diagnostics?: boolean } | undefined>> } } } }).chrome.storage.local.get('firstStage')).firstStage?.diagnostics === true),
    undefined,
    { timeout: 10_000, polling: 50 },
  );
  await page.close();
}

/** Chromium without the extension: for baselines and for components mounted in a plain page. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...quietProfileArgs(), '--disable-gpu'] });
}

/** The URL of one of the extension's pages (`popup/popup.html`…), told with `?tab=` which tab it serves. */
export function extensionUrl(browser: ExtensionBrowser, path: string, tabId?: number): string {
  return `chrome-extension://${browser.extensionId}/${path}${tabId === undefined ? '' : `?tab=${tabId}`}`;
}

/** Reloads the extension, as an update does: the content scripts already in tabs become orphans. */
export async function reloadExtension(browser: ExtensionBrowser): Promise<void> {
  // The worker goes away mid-call, so the evaluation itself may fail.
  await browser.serviceWorker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);
}

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a folder and/or in-memory pages (path → body) on 127.0.0.1 at a random port, with
 * `headers` added to every page. In-memory pages win over files of the same path.
 */
export async function serve(source: { dir?: string | undefined; pages?: Record<string, string>; headers?: Record<string, string> | undefined }): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = source.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { ...source.headers, 'content-type': TYPES[extname(path)] ?? TYPES['.html']! });
      res.end(page);
      return;
    }
    if (source.dir) {
      const file = normalize(join(source.dir, path));
      if (file.startsWith(source.dir) && existsSync(file)) {
        try {
          const body = readFileSync(file);
          res.writeHead(200, { ...source.headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
          return;
        } catch {
          // a folder: fall through to 404
        }
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Sizes of our four highlights as the page's registry sees them (shared with the content script). */
export function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    for (const kind of ['person', 'organisation', 'place', 'claim']) sizes[kind] = CSS.highlights.get(`dossier-${kind}`)?.size ?? 0;
    return sizes;
  });
}

/** The text of every range of one highlight, in insertion order. */
export function highlightTexts(page: Page, kind: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? [...highlight].map((r) => (r instanceof Range ? r.toString() : '')) : [];
  }, `dossier-${kind}`);
}

/** Waits until the page shows at least `min` highlights of `kind`, or fails with `what`. */
export async function waitForHighlights(page: Pick<Page, 'waitForFunction'>, what: string, { kind = 'person', min = 1, timeout = 10_000 } = {}): Promise<void> {
  try {
    await page.waitForFunction(([name, least]) => (CSS.highlights.get(name)?.size ?? 0) >= least, [`dossier-${kind}`, min] as const, {
      timeout,
      polling: 50,
    });
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

/**
 * Waits until some registered highlight holds a range reading `text`, whatever its name: for tests
 * with the Diagnostics switch off, where Dossier's names are random per page (page-names.ts).
 */
export async function waitForHighlightOf(page: Page, text: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction((wanted) => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString() === wanted)), text, { timeout, polling: 50 });
  } catch {
    throw new Error(`timed out waiting for a highlight of "${text}"`);
  }
}

/** Opens `url` in a new tab and waits for the first person highlight. */
export async function openWithHighlights(browser: ExtensionBrowser, url: string, timeout = 15_000): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForHighlights(page, `highlights on ${url}`, { timeout });
  return page;
}

/** Waits until `check` returns true on the page (polling), or fails with `what`. */
export async function waitForPage(page: Page, fn: () => boolean, what: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(fn, undefined, { timeout, polling: 50 });
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

export interface ShadowContent {
  /** The text of the shadow tree (style elements left out), whitespace collapsed. */
  text: string;
  /** Attributes of the first [role=dialog] inside, if any. */
  dialog: Record<string, string> | null;
}

/**
 * Reads the shadow root (open or closed) of the first element named `hostTag`, through CDP's
 * DOM.getDocument with pierce. Null when there is no such element.
 */
export function readShadowRoot(page: Page, hostTag: string): Promise<ShadowContent | null> {
  return withCdp(page, async (cdp) => {
    const shadow = findElement(await piercedDocument(cdp), hostTag)?.shadowRoots?.[0];
    if (!shadow) return null;
    const dialogNode = findNode(shadow, (n) => attributesOf(n).role === 'dialog');
    return { text: textOf(shadow).replace(/\s+/g, ' ').trim(), dialog: dialogNode ? attributesOf(dialogNode) : null };
  });
}

/** Runs `body`; on failure saves a full-page screenshot to test-results/<name>.png and rethrows. */
export async function withScreenshotOnFailure<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await saveScreenshot(page, name);
    throw error;
  }
}

/** Saves a full-page screenshot to test-results/<name>.png; never fails the test itself. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`), fullPage: true }).catch(() => {});
}

/** The slice of the `chrome` API the service-worker helpers use. */
interface ChromeTabs {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}
declare const chrome: ChromeTabs;

/**
 * The id of the tab showing `page`, found by the service worker (for tabs.sendMessage). The
 * extension has no "tabs" permission, so tab URLs are hidden from it: the page is brought to the
 * front and the active tab is taken.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await worker.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id ?? -1));
  if (ids.length !== 1 || ids[0]! < 0) throw new Error(`expected one active tab, found ${ids.length}`);
  return ids[0]!;
}

/** Sends a ContentMessages envelope to a tab's top frame from the service worker, as the popup or commands would. */
export function sendToTab(worker: Worker, tabId: number, message: { type: string; payload: unknown }): Promise<unknown> {
  return worker.evaluate(([id, msg]) => chrome.tabs.sendMessage(id, msg, { frameId: 0 }), [tabId, message] as const);
}

/**
 * Every mark on the page, counted by kind, as the popup's "N on this page" sees them (page/found).
 * Highlights register only the marks near the viewport, so CSS.highlights sizes count what is
 * painted, not what was found: tests that mean "all names found" ask this instead.
 */
export async function foundCounts(worker: Worker, page: Page): Promise<Record<string, number>> {
  const tabId = await tabIdOf(worker, page);
  const reply = (await sendToTab(worker, tabId, { type: 'page/found', payload: {} })) as
    | { ok: true; value: { findings: { kind: string; count: number }[] } }
    | { ok: false }
    | undefined;
  if (!reply?.ok) throw new Error(`page/found failed: ${JSON.stringify(reply)}`);
  const counts: Record<string, number> = { person: 0, organisation: 0, place: 0, claim: 0 };
  for (const finding of reply.value.findings) counts[finding.kind] = (counts[finding.kind] ?? 0) + finding.count;
  return counts;
}

/** Every mark on the page by display name (the popup's findings), e.g. { 'Vladimir Putin': 2001 }. */
export async function foundByName(worker: Worker, page: Page): Promise<Record<string, number>> {
  const tabId = await tabIdOf(worker, page);
  const reply = (await sendToTab(worker, tabId, { type: 'page/found', payload: {} })) as
    | { ok: true; value: { findings: { name: string; count: number }[] } }
    | undefined;
  if (!reply?.ok) throw new Error(`page/found failed: ${JSON.stringify(reply)}`);
  return Object.fromEntries(reply.value.findings.map((f) => [f.name, f.count]));
}

/**
 * Scrolls the window from top to bottom a viewport at a time and runs `probe` (a page function
 * returning strings) once the marks there are painted; returns every result. Highlights register
 * only marks near the viewport, so a check over the painted ranges of a long page needs this.
 */
export async function acrossThePage(page: Page, probe: () => string[]): Promise<string[]> {
  const found: string[] = [];
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = await page.evaluate(() => window.innerHeight);
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // The intersection report comes with the next frame, the registration right after it.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
    found.push(...(await page.evaluate(probe)));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return found;
}
