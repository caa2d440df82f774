// The content script under load and in odd situations: a large page scanned in slices, colours on
// a dark page, and a script orphaned by an extension reload.
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, reloadExtension, waitForHighlights, waitForPage, withScreenshotOnFailure } from './harness';
import { collectPageErrors, installLongTaskProbe, longTasks, settledCount } from './page-probes';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

/** A plain page of `copies` copies of the seed article, one paragraph per line: no page scripts. */
function bigPage(copies: number): string {
  const paragraphs = seedArticleParagraphs();
  return htmlDocument(Array.from({ length: copies }, () => `<article>${paragraphs}</article>`).join('\n'), { title: 'Big' });
}

describe.skipIf(SKIP_REASON !== null)('content script robustness in Chromium', () => {
  const ext = useExtensionBrowser({ fixtures: true, pages: () => ({ '/big.html': bigPage(150) }) });

  it('scans a large page in slices without long tasks of its own', async () => {
    const page = await ext.browser.context.newPage();
    await installLongTaskProbe(page);
    await page.goto(ext.url('/big.html'));
    await withScreenshotOnFailure(page, 'content-big', async () => {
      const size = await page.evaluate(() => document.body.textContent!.length);
      await waitForHighlights(page, 'first highlights', { timeout: 20_000 });
      const loadEnd = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration);
      // Wait until the count stops growing: the scan is finished.
      const last = await settledCount(page, 'person', 250, 25_000);
      const tasks = await longTasks(page);
      const ours = tasks.filter((t) => t.start > loadEnd);
      console.log(`big page: ${(size / 1e6).toFixed(2)} M chars, ${last} person highlights; long tasks after load: ${JSON.stringify(ours.map((t) => Math.round(t.duration)))}`);
      expect(last).toBeGreaterThan(150 * 20);
      // The first slice pays the page's first style and layout (checkVisibility); after it none.
      expect(ours.slice(1).filter((t) => t.duration > 50)).toEqual([]);
    });
    await page.close();
  }, 120_000);

  it('tints without changing the text colour, on a light and on a dark page', async () => {
    for (const path of ['/article.html', '/dark.html']) {
      const page = await ext.openWithHighlights(path, 10_000);
      const look = await page.evaluate(() => {
        const el = document.getElementById('claim')!;
        const style = getComputedStyle(el, '::highlight(dossier-person)');
        return { background: style.backgroundColor, decoration: style.textDecorationLine, color: style.color, pageColor: getComputedStyle(el).color };
      });
      expect(look.background).toMatch(/^rgba\(.*, 0\.\d+\)$/); // see-through, so the page's background shows
      expect(look.decoration).toBe('underline');
      expect(look.color).toBe(look.pageColor); // light text stays light on the dark page
      await page.close();
    }
  }, 60_000);

  it('stops quietly and removes its highlights when the extension is reloaded', async () => {
    const page = await ext.openWithHighlights('/article.html', 10_000);
    await withScreenshotOnFailure(page, 'content-orphan', async () => {
      const errors = collectPageErrors(page);
      await reloadExtension(ext.browser);
      await page.waitForTimeout(500);
      // The orphan notices at its next piece of work: the page changes.
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping again.' })));
      await waitForPage(page, () => !CSS.highlights.has('dossier-person'), 'highlights removed by the orphan');
      expect(errors).toEqual([]);
    });
    await page.close();
  }, 60_000);
});
