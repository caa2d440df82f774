// Names far from the viewport hold no DOM Range (src/content/marks/lazy-range.ts): every live Range is
// one more that each DOM change of the page must update, and a live page that grows made 150 per
// append. Counted here as a page's script cannot: the Range objects in the content script's world
// (CDP's queryObjects). And the edge the lazy range brings: the page edits a name's text node
// before its Range is made; once scrolled to, the highlight covers the name, not shifted text.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentScriptWorld, withCdp } from './cdp-dom';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, foundByName, highlightTexts, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const PARAGRAPHS = 2000;
const page = htmlDocument(
  `<main>${Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">${i}. Vladimir Putin met Xi Jinping in Beijing.</p>`).join('')}</main>`,
  { title: 'Long' },
);

/** How many Range objects live in the content script's world of `tab`. */
async function rangesInContentScript(tab: Page): Promise<number> {
  return withCdp(tab, async (cdp) => {
    const contextId = await contentScriptWorld(cdp);
    const proto = await cdp.send('Runtime.evaluate', { expression: 'Range.prototype', contextId });
    const found = (await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! })) as { objects: { objectId: string } };
    const count = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
    return Number(count.result.value);
  });
}

/** The same page with an editor (a comment box) far down, right after paragraph 1500. */
const withEditor = page.replace('<p id="p1501">', '<div id="editor" contenteditable="true"></div><p id="p1501">');

describe.skipIf(SKIP_REASON !== null)('names far from the viewport', () => {
  const ext = useExtensionBrowser({ pages: { '/long.html': page, '/editor.html': withEditor } });

  it('hold no live Range until they come near the viewport, and are painted right once they do', async () => {
    const tab = await ext.openWithHighlights('/long.html');
    await withScreenshotOnFailure(tab, 'lazy-ranges', async () => {
      const found = () => foundByName(ext.browser.serviceWorker, tab);
      await expect.poll(found, { timeout: 30_000, interval: 200 }).toEqual({ 'Vladimir Putin': PARAGRAPHS, 'Xi Jinping': PARAGRAPHS, Beijing: PARAGRAPHS });
      // 6,000 names; those painted near the top (a few screens of paragraphs) have their Range.
      const ranges = await rangesInContentScript(tab);
      expect(ranges).toBeLessThan(PARAGRAPHS / 2);
      // Far down, the page puts words before the names in their text node, then the reader
      // scrolls there: the Range made then covers the names where they are now.
      await tab.evaluate(() => {
        const p = document.getElementById('p1500')!;
        (p.firstChild as Text).insertData(0, 'Breaking news from the summit: ');
        p.scrollIntoView();
      });
      await expect
        .poll(async () => (await highlightTexts(tab, 'person')).filter((t) => t !== 'Vladimir Putin' && t !== 'Xi Jinping'), { timeout: 10_000 })
        .toEqual([]);
      await expect.poll(() => tab.evaluate(() => {
        const names = [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => r.startContainer.parentElement?.id === 'p1500');
        return names.map((r) => (r as Range).toString()).sort();
      }), { timeout: 10_000 }).toEqual(['Beijing', 'Vladimir Putin', 'Xi Jinping']);
    });
    await tab.close();
  }, 90_000);

  it('are dropped, as a live Range would be, when the page moves their text into an editor', async () => {
    const tab = await ext.openWithHighlights('/editor.html');
    await withScreenshotOnFailure(tab, 'lazy-ranges-editor', async () => {
      const found = () => foundByName(ext.browser.serviceWorker, tab);
      await expect.poll(found, { timeout: 30_000, interval: 200 }).toEqual({ 'Vladimir Putin': PARAGRAPHS, 'Xi Jinping': PARAGRAPHS, Beijing: PARAGRAPHS });
      // Far down, so its names have no Range yet: the page moves paragraph 1500's text node into
      // the editor (a live Range there would have collapsed), then the reader scrolls there.
      await tab.evaluate(() => {
        const p = document.getElementById('p1500')!;
        const editor = document.getElementById('editor')!;
        editor.append(p.firstChild!);
        editor.scrollIntoView({ block: 'center' });
      });
      // What is being written is never read: one paragraph's names fewer.
      await expect.poll(found, { timeout: 10_000, interval: 200 }).toEqual({ 'Vladimir Putin': PARAGRAPHS - 1, 'Xi Jinping': PARAGRAPHS - 1, Beijing: PARAGRAPHS - 1 });
      const painted = () =>
        tab.evaluate(() => {
          const editor = document.getElementById('editor')!;
          const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]) as Range[];
          return { nextDoor: ranges.filter((r) => r.startContainer.parentElement?.id === 'p1501').length, inEditor: ranges.filter((r) => editor.contains(r.startContainer)).length };
        });
      // The paragraph beside the editor is painted (the painting has reached there), the editor not.
      await expect.poll(async () => (await painted()).nextDoor, { timeout: 10_000 }).toBe(3);
      expect((await painted()).inEditor).toBe(0);
    });
    await tab.close();
  }, 90_000);
});
