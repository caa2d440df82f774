// Helpers for the extension-*.test.ts browser tests, on top of harness.ts: where a piece of page
// text is on screen, what the card's closed shadow root holds (links, computed colours), and the
// running state of the extension's service worker, all through the DevTools protocol.
import type { CDPSession, Page } from 'playwright-core';
import { attributesOf, findElement, piercedDocument, textOf, walkNodes, withCdp, type CdpNode } from './cdp-dom';

// Kept here for the files that import it from here; it lives in harness.ts.
export { openWithHighlights } from './harness';

export const CARD_HOST = 'dossier-card';

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

/** Runs `body` with the card's shadow root as CDP sees it (pierced), or null when no card. */
function withCardRoot<T>(page: Page, body: (cdp: CDPSession, shadow: CdpNode | null) => Promise<T>): Promise<T> {
  return withCdp(page, async (cdp) => body(cdp, findElement(await piercedDocument(cdp), CARD_HOST)?.shadowRoots?.[0] ?? null));
}

/** Every node in the card's shadow root, in document order. */
function cardNodes(shadow: CdpNode): CdpNode[] {
  return [...walkNodes(shadow)].map(({ node }) => node);
}

/** Every link in the card: its href and its text. */
export function cardLinks(page: Page): Promise<{ href: string; text: string }[]> {
  return withCardRoot(page, async (_cdp, shadow) => {
    if (!shadow) return [];
    return cardNodes(shadow)
      .filter((n) => n.nodeName === 'A')
      .map((n) => ({ href: attributesOf(n).href ?? '', text: textOf(n, '').replace(/\s+/g, ' ').trim() }));
  });
}

/** The computed value of `property` on the first element in the card whose class list has `className`. */
export function cardComputedStyle(page: Page, className: string, property: string): Promise<string | null> {
  return withCardRoot(page, async (cdp, shadow) => {
    if (!shadow) return null;
    const node = cardNodes(shadow).find((n) => (attributesOf(n).class ?? '').split(/\s+/).includes(className));
    if (!node) return null;
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    return computedStyle.find((p) => p.name === property)?.value ?? null;
  });
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

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

/**
 * The role and name of the focused element as the accessibility tree has it. It sees into closed
 * shadow roots, where `document.activeElement` only shows the host.
 */
export function focusedAccessible(page: Page): Promise<{ role: string; name: string } | null> {
  return withCdp(page, async (cdp) => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
    };
    // The document's root is marked focused too, whenever the page has focus: take the deepest.
    const focused = nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1);
    return focused ? { role: String(focused.role?.value ?? ''), name: String(focused.name?.value ?? '') } : null;
  });
}
