// A huge page (issue 14): what is on screen is highlighted before the rest of the page is read,
// the page keeps running its own code while we read the rest, and text added far down later is
// read (only it: appends rescan what changed). No timings: the order of events says it.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`heavy-page.test.ts: ${SKIP_REASON}`);

const WORDS = 'the council met on a grey morning while traders watched the markets and farmers waited for rain in the hills'.split(' ');
/** ~2 MB: 20,000 paragraphs; the first names Vladimir Putin, the last Xi Jinping. */
const PARAGRAPHS = 20_000;
const paragraph = (i: number) => Array.from({ length: 18 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
const HUGE = htmlDocument(
  `<main id="feed">${Array.from({ length: PARAGRAPHS }, (_, i) =>
    i === 0 ? `<p>Vladimir Putin said ${paragraph(i)}.</p>` : i === PARAGRAPHS - 1 ? `<p id="last">Xi Jinping said ${paragraph(i)}.</p>` : `<p>Paragraph ${i}: ${paragraph(i)}.</p>`,
  ).join('\n')}</main>
  <script>
    // The page's own work: a tick every turn it gets, and what was highlighted when our marks came.
    window.ticks = 0;
    (function tick() {
      window.ticks++;
      // When a name was first highlighted, as the page sees it between our slices.
      if (window.firstNameAt === undefined && (CSS.highlights.get('dossier-person')?.size ?? 0) > 0) window.firstNameAt = performance.now();
      setTimeout(tick, 0);
    })();
    window.seen = {};
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.name.startsWith('dossier:')) continue;
        const person = CSS.highlights.get('dossier-person');
        window.seen[entry.name] = { ticks: window.ticks, at: entry.startTime, people: person ? [...person].map((r) => r.toString()) : [] };
      }
    }).observe({ type: 'mark', buffered: true });
  </script>`,
  { title: 'Huge' },
);

interface Seen {
  ticks: number;
  at: number;
  people: string[];
}

describe.skipIf(SKIP_REASON !== null)('a huge page', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/huge.html': HUGE } });

  it('highlights its first screens before reading the rest, and the page runs its own code meanwhile', async () => {
    await ext.inTab('/huge.html', 'heavy-first-screens', async (page) => {
      await page.waitForFunction(() => (window as unknown as { seen: Record<string, unknown> }).seen['dossier:highlighted'] !== undefined, undefined, { timeout: 120_000, polling: 250 });
      const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, Seen> }).seen);
      const first = seen['dossier:first-highlights'];
      const all = seen['dossier:highlighted']!;
      expect(first, 'the first part of the page is highlighted on its own').toBeDefined();
      expect(first!.at).toBeLessThan(all.at);
      // The first name was on screen while the rest of the page was still being read.
      const firstNameAt = await page.evaluate(() => (window as unknown as { firstNameAt?: number }).firstNameAt);
      expect(firstNameAt).toBeDefined();
      expect(firstNameAt!).toBeLessThan(all.at);
      expect(await highlightTexts(page, 'person')).toContain('Vladimir Putin');
      // The page's own timer ran again and again between our first highlights and the end of our
      // reading: we read the rest in slices, and each pause lets the page's queued tasks go first
      // (scheduler.yield would resume us ahead of them: one tick in 600 ms).
      expect(all.ticks - first!.ticks).toBeGreaterThanOrEqual(5);
      // The name at the far end is found too (ranges are registered near the viewport: scroll there).
      await page.evaluate(() => document.getElementById('last')!.scrollIntoView());
      await expect.poll(() => highlightTexts(page, 'person'), { timeout: 30_000 }).toContain('Xi Jinping');
    });
  }, 180_000);

  it('reads text added far down the page, and marks it once it is scrolled to', async () => {
    await ext.inTab('/huge.html', 'heavy-append-far', async (page) => {
      await withScreenshotOnFailure(page, 'heavy-append-far', async () => {
        await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 120_000, polling: 250 });
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.id = 'added';
          p.textContent = 'Later, Volodymyr Zelenskyy spoke from Kyiv.';
          document.getElementById('feed')!.append(p);
          p.scrollIntoView();
        });
        await expect.poll(() => highlightTexts(page, 'person'), { timeout: 30_000 }).toContain('Volodymyr Zelenskyy');
      });
    });
  }, 180_000);
});
