// Helpers for the extension-*.test.ts browser tests, on top of harness.ts: where a piece of page
// text is on screen, what the card's frame holds (links, computed colours, focus), and the running
// state of the extension's service worker (through the DevTools protocol).
import type { CDPSession, Page } from 'playwright-core';
import { withCdp } from './cdp-dom';
import { dossierFrame } from './frame-helpers';
import { extensionUrl, type ExtensionBrowser } from './harness';

// Kept here for the files that import it from here; it lives in harness.ts.
export { openWithHighlights } from './harness';

export interface TextBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The middle of the box. */
  x: number;
  y: number;
}

/**
 * Runs in the page (Playwright's evaluate, or the Firefox tests' BiDi one): the viewport box of the
 * first occurrence of `wanted` inside the element matching `sel`. Self-contained, as both send it
 * to the page as source text.
 */
export function textBoxInPage([sel, wanted]: readonly [string, string]): TextBox {
  const el = document.querySelector(sel);
  if (!el) throw new Error(`no element ${sel}`);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  throw new Error(`no "${wanted}" in ${sel}`);
}

/** The viewport box of the first occurrence of `text` inside the element matching `selector`. */
export function boxOfText(page: Page, selector: string, text: string): Promise<TextBox> {
  return page.evaluate(textBoxInPage, [selector, text] as const);
}

/** Every link in the card (inside its frame): its href and its text. */
export async function cardLinks(page: Page): Promise<{ href: string; text: string }[]> {
  const frame = (await dossierFrame(page, 'card'));
  if (!frame) return [];
  return frame.evaluate(() =>
    [...document.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: (a.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

/** The computed value of `property` on the first element in the card whose class list has `className`. */
export async function cardComputedStyle(page: Page, className: string, property: string): Promise<string | null> {
  const frame = (await dossierFrame(page, 'card'));
  if (!frame) return null;
  return frame
    .evaluate(([name, prop]) => {
      const el = document.getElementsByClassName(name)[0];
      return el ? getComputedStyle(el).getPropertyValue(prop) : null;
    }, [className, property] as const)
    .catch(() => null);
}

export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping' | 'unknown';

/**
 * Watches the extension's service worker through the page's ServiceWorker domain, and stops it
 * the way Chromium does after 30 s idle (ServiceWorker.stopAllWorkers, Chromium 156).
 */
export class WorkerWatch {
  private status: WorkerStatus = 'unknown';
  /** Every status reported, in order (a start after a stop shows as a later 'running'). */
  readonly history: WorkerStatus[] = [];

  private constructor(
    private readonly cdp: CDPSession,
    private readonly scriptPrefix: string,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: WorkerStatus }[] }) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith(this.scriptPrefix)) continue;
        if (version.runningStatus !== this.status) this.history.push(version.runningStatus);
        this.status = version.runningStatus;
      }
    });
  }

  static async attach(page: Page, extensionId: string): Promise<WorkerWatch> {
    const cdp = await page.context().newCDPSession(page);
    const watch = new WorkerWatch(cdp, `chrome-extension://${extensionId}/`);
    await cdp.send('ServiceWorker.enable');
    return watch;
  }

  get current(): WorkerStatus {
    return this.status;
  }

  async stopAll(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
  }

  async waitFor(status: WorkerStatus, timeout = 10_000): Promise<void> {
    const until = Date.now() + timeout;
    while (this.status !== status) {
      if (Date.now() > until) throw new Error(`service worker still "${this.status}", wanted "${status}" (seen: ${this.history.join(' → ')})`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /**
   * Stops the worker until it stays stopped for `quietMs` (at most `tries` stops), and says whether
   * it did. A stop is counted when it is reported, even if the page's last one-off requests (its
   * sightings, claims to judge, harvest) start the worker again before we look: under load those
   * arrive late, and a test that wants a stopped worker tries again rather than fail.
   */
  async stopUntilQuiet(quietMs = 500, tries = 6): Promise<boolean> {
    for (let attempt = 0; attempt < tries; attempt++) {
      const mark = this.history.length;
      await this.stopAll();
      const until = Date.now() + 10_000;
      while (!this.history.slice(mark).includes('stopped') && Date.now() < until) await new Promise((done) => setTimeout(done, 50));
      await new Promise((done) => setTimeout(done, quietMs));
      if (this.status === 'stopped') return true;
      // Woken again: let it start and take the event that woke it before the next stop, as
      // Chromium stops only an idle worker. Stopped while starting, it starts again for the same
      // event: here one late request restarted it 9 times in 8 s of stops 500 ms apart.
      const started = Date.now() + 5_000;
      while (this.status !== 'running' && Date.now() < started) await new Promise((done) => setTimeout(done, 50));
      await new Promise((done) => setTimeout(done, 1_000));
    }
    return false;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

/**
 * The role and name of the focused element inside the card's frame (where focus goes when the
 * card opens), or null when focus is not there.
 */
export async function focusedAccessible(page: Page): Promise<{ role: string; name: string } | null> {
  const frame = (await dossierFrame(page, 'card'));
  if (!frame) return null;
  return frame
    .evaluate(() => {
      const el = document.activeElement;
      if (!document.hasFocus() || !el || el === document.body) return null;
      const role = el.getAttribute('role') ?? (el.localName === 'button' ? 'button' : el.localName === 'a' ? 'link' : el.localName);
      return { role, name: el.getAttribute('aria-label') ?? (el.textContent ?? '').trim() };
    })
    .catch(() => null);
}

/**
 * The options page in a new tab, once its entity list has loaded. Its questions (delete, restore,
 * "leave the page?") are answered yes, as a reader going ahead would.
 */
export async function openOptionsPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(extensionUrl(browser, 'options/options.html'));
  await page.getByTestId('entity-count').waitFor({ timeout: 15_000 });
  return page;
}

/**
 * Runs in the page: the background colour our ::highlight rule gives the `index`-th range of the
 * registered highlight `name`, read on the element holding its text ("rgba(0, 0, 0, 0)" where no
 * rule reaches it, although the registry holds the range); null where there is no such range.
 */
export function highlightPaintInPage([name, index]: readonly [string, number]): string | null {
  const range = [...(CSS.highlights.get(name) ?? [])][index] as Range | undefined;
  if (!range) return null;
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  return element ? getComputedStyle(element, `::highlight(${name})`).backgroundColor : null;
}
