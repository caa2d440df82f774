// The content script under load and in odd situations: a large page scanned in slices, colours on
// a dark page, and a script orphaned by an extension reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_PAGES,
  ROOT,
  SKIP_REASON,
  highlightSizes,
  launchWithExtension,
  serve,
  waitForPage,
  withScreenshotOnFailure,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

if (SKIP_REASON) console.warn(SKIP_REASON);

/** A plain page of `copies` copies of the seed article, one paragraph per line: no page scripts. */
function bigPage(copies: number): string {
  const article = readFileSync(join(ROOT, 'src/data/seed-article.txt'), 'utf8');
  const paragraphs = article
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Big</title><body>${Array.from({ length: copies }, () => `<article>${paragraphs}</article>`).join('\n')}</body>`;
}

describe.skipIf(SKIP_REASON !== null)('content script robustness in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    server = await serve({ dir: FIXTURE_PAGES, pages: { '/big.html': bigPage(150) } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('scans a large page in slices without long tasks of its own', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url('/big.html'));
    await withScreenshotOnFailure(page, 'content-big', async () => {
      const size = await page.evaluate(() => document.body.textContent!.length);
      await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'first highlights', 20_000);
      const loadEnd = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.duration);
      // Wait until the count stops growing: the scan is finished.
      let last = -1;
      for (let i = 0; i < 100; i++) {
        const now = (await highlightSizes(page)).person!;
        if (now === last) break;
        last = now;
        await page.waitForTimeout(250);
      }
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
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
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, `highlights on ${path}`);
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
    const page = await browser.context.newPage();
    await page.goto(server.url('/article.html'));
    await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'highlights');
    await withScreenshotOnFailure(page, 'content-orphan', async () => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await browser.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});
      await page.waitForTimeout(500);
      // The orphan notices at its next piece of work: the page changes.
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping again.' })));
      await waitForPage(page, () => !CSS.highlights.has('dossier-person'), 'highlights removed by the orphan');
      expect(errors).toEqual([]);
    });
    await page.close();
  }, 60_000);
});
