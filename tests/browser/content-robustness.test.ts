// The content script under load and in odd situations: a large page scanned in slices, colours on
// a dark page, and a script orphaned by an extension reload.
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, reloadExtension, waitForHighlights, waitForPage, withScreenshotOnFailure } from './harness';
import { collectPageErrors, installLongTaskProbe, longTasks, settledFound } from './page-probes';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

/** A plain page of `copies` copies of the seed article, one paragraph per line: no page scripts. */
function bigPage(copies: number): string {
  const paragraphs = seedArticleParagraphs();
  return htmlDocument(Array.from({ length: copies }, () => `<article>${paragraphs}</article>`).join('\n'), { title: 'Big' });
}

describe.skipIf(SKIP_REASON !== null)('content script robustness in Chromium', () => {
  const ext = useExtensionBrowser({ diagnostics: true, fixtures: true, pages: () => ({ '/big.html': bigPage(150) }) });

  it('scans a large page in slices: the page keeps rendering frames while we scan', async () => {
    const page = await ext.browser.context.newPage();
    await installLongTaskProbe(page);
    // Every frame the page gets to render: a scan done in one task would leave no frame inside it,
    // and two frames need at least three tasks.
    await page.addInitScript(() => {
      const w = window as unknown as { frames_: number[] };
      w.frames_ = [];
      const tick = (t: number) => {
        w.frames_.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(ext.url('/big.html'));
    await withScreenshotOnFailure(page, 'content-big', async () => {
      const size = await page.evaluate(() => document.body.textContent!.length);
      await waitForHighlights(page, 'first highlights', { timeout: 20_000 });
      // Wait until the count stops growing: the scan is finished.
      const last = await settledFound(ext.browser.serviceWorker, page, 'person', 250, 25_000);
      const scan = await page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const start = at('dossier:start');
        const end = at('dossier:highlighted');
        const frames = (window as unknown as { frames_: number[] }).frames_.filter((t) => t > start && t < end).length;
        return { start, end, frames };
      });
      const tasks = await longTasks(page);
      // Wall times are printed, not asserted: speed belongs to `npm run bench` (our longest task there).
      console.log(
        `big page: ${(size / 1e6).toFixed(2)} M chars, ${last} person marks; scan ${Math.round(scan.end - scan.start)} ms ` +
          `with ${scan.frames} frames rendered in between; long tasks: ${JSON.stringify(tasks.map((t) => Math.round(t.duration)))}`,
      );
      expect(last).toBeGreaterThan(150 * 20);
      expect(scan.end).toBeGreaterThan(scan.start);
      expect(scan.frames).toBeGreaterThanOrEqual(2);
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
