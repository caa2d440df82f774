// Helpers for the hostile-page tests. A hostile page rewrites the prototypes and globals of its own
// JavaScript world, which is also the world page.evaluate runs in; so these helpers read the page
// from a fresh isolated world made through CDP, as the content script sees it, and look inside
// the card's frame as a Playwright frame.
import type { Page } from 'playwright-core';
import { withCdp } from './cdp-dom';
import { dossierFrame } from './frame-helpers';

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

/** Evaluates `expression` in a new isolated world of the page's top frame (or of the frame whose URL matches). */
export function evaluateClean<T>(page: Page, expression: string, frameUrl?: RegExp): Promise<T> {
  return withCdp(page, async (cdp) => {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const frames: FrameTree[] = [];
    const collect = (tree: FrameTree): void => {
      frames.push(tree);
      for (const child of tree.childFrames ?? []) collect(child);
    };
    collect(frameTree);
    const frame = frameUrl ? frames.find((f) => frameUrl.test(f.frame.url)) : frameTree;
    if (!frame) throw new Error(`no frame matching ${String(frameUrl)}`);
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frame.frame.id,
      worldName: 'dossier-test',
    })) as { executionContextId: number };
    const reply = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (reply.exceptionDetails) {
      throw new Error(`clean-world evaluation failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    }
    return reply.result.value as T;
  });
}

/** The text of every range of every Dossier highlight, by kind, read from a clean world. */
export function cleanHighlightTexts(page: Page, frameUrl?: RegExp): Promise<Record<string, string[]>> {
  return evaluateClean(
    page,
    `(() => {
      const out = {};
      for (const kind of ['person', 'organisation', 'place', 'claim']) {
        const h = CSS.highlights.get('dossier-' + kind);
        out[kind] = h ? [...h].map((r) => r.toString()) : [];
      }
      return out;
    })()`,
    frameUrl,
  );
}

/** Viewport centre of the first occurrence of `text` in the page, measured from a clean world. */
export function cleanPointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return evaluateClean(
    page,
    `(() => {
      const wanted = ${JSON.stringify(text)};
      const walker = Document.prototype.createTreeWalker.call(document, document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error('no ' + wanted + ' on the page');
    })()`,
  );
}

/** Polls a clean-world condition until it holds. */
export async function waitClean(page: Page, expression: string, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await evaluateClean<boolean>(page, `Boolean(${expression})`).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

export interface CardLook {
  /** Text of the card (styles left out). */
  text: string;
  /** Computed style of the element holding `probe` text, inside the card. */
  probe: { fontSize: string; color: string; backgroundColor: string; display: string; visibility: string } | null;
  /** Elements inside the card by tag name: an <img> or <script> there means markup got through. */
  tags: string[];
  /** href of every link inside the card. */
  hrefs: string[];
  /** Whether the page's own world sees the shadow root (it must not: the root is closed). */
  pageSeesShadowRoot: boolean;
}

/**
 * Looks inside the card's frame (an extension page: the test reaches it as a Playwright frame, the
 * page cannot): its text, tags, links and the computed style of the element holding `probe`; and
 * asks the page's own world whether it sees a shadow root on any element Dossier added.
 */
export async function inspectCard(page: Page, probe: string): Promise<CardLook | null> {
  const frame = (await dossierFrame(page, 'card'));
  if (!frame) return null;
  const inside = await frame
    .evaluate((wanted) => {
      // The card (the frame page's own <script> is not the card's content).
      const card = document.querySelector('[role=dialog]') ?? document.body;
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      let holder: Element | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.localName === 'style' || n.parentElement?.localName === 'script') continue;
        texts.push(n.nodeValue ?? '');
        if (!holder && (n.nodeValue ?? '').includes(wanted)) holder = n.parentElement;
      }
      const s = holder ? getComputedStyle(holder) : null;
      return {
        text: texts.join(' ').replace(/\s+/g, ' ').trim(),
        probe: s ? { fontSize: s.fontSize, color: s.color, backgroundColor: s.backgroundColor, display: s.display, visibility: s.visibility } : null,
        tags: [...card.querySelectorAll('*')].map((e) => e.localName),
        hrefs: [...card.querySelectorAll('[href]')].map((e) => e.getAttribute('href') ?? ''),
      };
    }, probe)
    .catch(() => null);
  if (!inside) return null;
  const seen = await withCdp(page, async (cdp) => {
    // The page's main world (Runtime.evaluate's default context): what a page script would see.
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: "[...document.documentElement.children].some((e) => e.localName !== 'head' && e.localName !== 'body' && e.shadowRoot !== null)",
      returnByValue: true,
    })) as { result: { value: boolean } };
    return result.value;
  });
  return { ...inside, pageSeesShadowRoot: seen };
}

/** Writes records into the extension's own database, from one of its pages (raw IndexedDB). */
export async function writeRecords(page: Page, records: { store: string; value: unknown }[]): Promise<void> {
  await page.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dossier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...new Set(items.map((i) => i.store))], 'readwrite');
      for (const item of items) tx.objectStore(item.store).put(item.value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}
