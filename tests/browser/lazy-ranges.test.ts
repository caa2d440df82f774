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

describe.skipIf(SKIP_REASON !== null)('names far from the viewport', () => {
  const ext = useExtensionBrowser({ pages: { '/long.html': page } });

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
});
