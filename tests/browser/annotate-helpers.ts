// Helpers for the annotation tests: select page text as a reader would (then a key release, which
// is how keyboard selection ends), and press buttons of the annotation UI with the mouse: the
// toolbar's inside its CLOSED shadow root (found through the DevTools protocol), the form's and the
// bubble's inside the note frame (an extension page, reached as a Playwright frame).
import type { Page } from 'playwright-core';
import { attributesOf, findNode, piercedDocument, walkNodes, withCdp } from './cdp-dom';
import { dossierFrame, waitForFrame, whenTakingClicks } from './frame-helpers';
import { highlightTexts, waitForHighlights } from './harness';

// Kept here for the files that import it from here; it lives in extension-copy.ts.
export { buildExtensionCopy } from './extension-copy';

/**
 * Clicks the element of the annotation UI with attribute `name`=`value`: in the note frame when it
 * is open and has one, else in the page's closed shadow roots (the toolbar).
 */
export async function clickInAnnotateUi(page: Page, name: string, value: string): Promise<void> {
  const selector = `[${name}="${value}"]`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = (await dossierFrame(page, 'note'));
    if (frame && (await frame.locator(selector).count().catch(() => 0)) > 0) {
      await whenTakingClicks(frame);
      await frame.locator(selector).first().click();
      return;
    }
    if (await clickInShadowRoots(page, name, value)) return;
    if (Date.now() > deadline) throw new Error(`no [${name}="${value}"] in the annotation UI`);
    await page.waitForTimeout(100);
  }
}

/** Clicks the first element with `name`=`value` inside a shadow root of the page; false if none. */
function clickInShadowRoots(page: Page, name: string, value: string): Promise<boolean> {
  return withCdp(page, async (cdp) => {
    const roots = [...walkNodes(await piercedDocument(cdp))].flatMap(({ node }) => node.shadowRoots ?? []);
    const target = roots.map((root) => findNode(root, (n) => attributesOf(n)[name] === value)).find((n) => n !== null);
    if (!target) return false;
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1! + x3!) / 2, (y1! + y3!) / 2);
    return true;
  });
}

/** Selects `text` inside the element matching `selector` and ends with a key release. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([sel, wanted]) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in one text node of ${sel}`);
    },
    [selector, text] as const,
  );
  await page.keyboard.press('Shift');
}

/** Texts of the ranges of one annotation colour's highlight. */
export function noteTexts(page: Page, colour = 'yellow'): Promise<string[]> {
  return highlightTexts(page, `note-${colour}`);
}

/** Polls `read` until `ok` holds for its value, or fails saying what was last seen. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Annotates `text` in `selector` through the toolbar and form, with a note and tags. */
export async function annotate(page: Page, selector: string, text: string, note: string, tags: string): Promise<void> {
  await selectText(page, selector, text);
  await clickInAnnotateUi(page, 'data-action', 'annotate');
  await clickInAnnotateUi(page, 'data-field', 'note');
  await page.keyboard.type(note);
  await clickInAnnotateUi(page, 'data-field', 'tags');
  await page.keyboard.type(tags);
  await clickInAnnotateUi(page, 'data-action', 'save');
}

/** The note form open on `passage` (inside `selector`), the reader's caret in its note field. */
export async function openNoteForm(page: Page, selector: string, passage: string): Promise<void> {
  await waitForHighlights(page, 'highlights');
  await selectText(page, selector, passage);
  await clickInAnnotateUi(page, 'data-action', 'annotate');
  await waitForFrame(page, 'note');
  await clickInAnnotateUi(page, 'data-field', 'note');
}
