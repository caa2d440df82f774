// A page compiles only the part of the list its words can match (src/core/matching/list-narrower.ts). What
// the reader must never see: a name missed because the page named it only after the first scan,
// or only in a part added later, or only once the quote harvest read the article.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, foundByName, highlightTexts, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const NOTHING = htmlDocument('<main id="feed"><p>The weather in Lisbon was mild on Tuesday.</p></main>', { title: 'Weather' });
const ONE_NAME = htmlDocument('<main id="feed"><p>Vladimir Putin spoke on Tuesday.</p></main>', { title: 'Putin' });

describe.skipIf(SKIP_REASON !== null)('names a page brings after its first scan', () => {
  const ext = useExtensionBrowser({ pages: { '/nothing.html': NOTHING, '/one.html': ONE_NAME } });

  it('highlights names and a claim appended to a page that named nobody of the list', async () => {
    await ext.inTab('/nothing.html', 'narrowing-nothing', async (tab) => {
      const found = () => foundByName(ext.browser.serviceWorker, tab);
      await expect.poll(found, { timeout: 15_000 }).toEqual({});
      await tab.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Xi Jinping welcomed Vladimir Putin in Beijing. Putin arrived in China for a two-day state visit.';
        document.getElementById('feed')!.append(p);
      });
      await expect.poll(found, { timeout: 10_000, interval: 100 }).toMatchObject({ 'Xi Jinping': 1, 'Vladimir Putin': 2, Beijing: 1, China: 1 });
      // The claim is marked once the background has judged the sentence: after the names.
      await expect.poll(() => highlightTexts(tab, 'claim'), { timeout: 10_000, interval: 100 }).toEqual(['Putin arrived in China for a two-day state visit.']);
    });
  }, 60_000);

  it('highlights a new person, and a bare surname the new text identifies, on a page that named one', async () => {
    await ext.inTab('/one.html', 'narrowing-more', async (tab) => {
      const found = () => foundByName(ext.browser.serviceWorker, tab);
      await expect.poll(found, { timeout: 15_000 }).toEqual({ 'Vladimir Putin': 1 });
      // "Xi" alone counts only once the page names Xi Jinping: both arrive in separate blocks.
      await tab.evaluate(() => {
        const feed = document.getElementById('feed')!;
        for (const text of ['Later, Xi said the talks went well.', 'Chinese President Xi Jinping hosted the visit.']) {
          const p = document.createElement('p');
          p.textContent = text;
          feed.append(p);
        }
      });
      await expect.poll(found, { timeout: 10_000, interval: 100 }).toEqual({ 'Vladimir Putin': 1, 'Xi Jinping': 2 });
      await withScreenshotOnFailure(tab, 'narrowing-more-texts', async () => {
        const texts = await tab.evaluate(() => [...(CSS.highlights.get('dossier-person') ?? [])].map((r) => (r as Range).toString()).sort());
        expect(texts).toEqual(['Vladimir Putin', 'Xi', 'Xi Jinping']);
      });
    });
  }, 60_000);
});
