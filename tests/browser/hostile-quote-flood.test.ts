// Session 17: a site that plants quotes under as many addresses as it likes. Each address (a new
// subdomain, a new query) was a new page with its own PAGE_QUOTES_MAX, so evil.example could put
// any number of "quotes" of its own writing on top of a person's card, and the same words on two of
// its subdomains read as "in 2 sources". Now a site is its registrable domain: it adds at most
// SITE_QUOTES_PER_DAY new quotes per person a day, and one source per quote.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { SITE_QUOTES_PER_DAY } from '../../src/background/store/site-quota';

if (SKIP_REASON) console.warn(`hostile-quote-flood.test.ts: ${SKIP_REASON}`);

const PER_PAGE = 12;
const ADDRESSES = ['s1.evil.example', 's2.evil.example', 'evil.example'];
const SHARED = 'Every front will be quiet by the end of the month, and every soldier will come home';
const REAL = 'Our partnership with China has reached an unprecedentedly high level';

const floodPage = (n: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Putin speaks ${n}</title><meta property="og:site_name" content="Reuters"></head><body><article>
<h1>Putin speaks, part ${n}</h1>
<p>Russian President Vladimir Putin used a televised address on Monday to speak about the war, in remarks officials in several capitals were still studying on Tuesday.</p>
${Array.from({ length: PER_PAGE }, (_, i) => `<p>“Planted line ${n}-${i}: we will cut every supply route long before the summer is over,” Putin said, speaking from the Kremlin to officials gathered for the occasion.</p>`).join('\n')}
<p>“${SHARED},” Putin said at the end of the address.</p>
</article></body></html>`;
const realPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin in Beijing</title></head><body><article>
<h1>Putin in Beijing</h1>
<p>Russian President Vladimir Putin arrived in Beijing on Thursday for a two-day state visit, his first trip abroad since he was sworn in for a fifth term.</p>
<p>“${REAL},” Putin said after talks with Chinese President Xi Jinping, in remarks carried by state television in both countries.</p>
<p>“${SHARED},” Putin added, repeating a line he had used earlier in the week.</p>
</article></body></html>`;

const pages: Record<string, string> = { '/news/putin-beijing': realPage };
ADDRESSES.forEach((_, n) => (pages[`/flood/${n}`] = floodPage(n)));

/** "By Vladimir Putin" on the card: the quotes shown and the "N more quotes" line, as one number. */
function quotesByPutin(card: string): number {
  const section = card.split('By Vladimir Putin')[1]?.split('Mentioning Vladimir Putin')[0] ?? '';
  const shown = section.split('— Vladimir Putin').length - 1;
  const more = Number(/([\d,]+) more quotes?/.exec(section)?.[1]?.replace(',', '') ?? 0);
  return shown + more;
}

describe.skipIf(SKIP_REASON !== null)('a site that plants quotes under many addresses', () => {
  const ext = useExtensionBrowser({ hosts: ['*.evil.example', 'evil.example', 'news.test'], pages });

  async function harvested(url: string): Promise<void> {
    const page = await ext.browser.context.newPage();
    await page.goto(url);
    await waitForPage(page, () => performance.getEntriesByName('dossier:harvested').length > 0, `the quote harvest on ${url}`, 30_000);
    await page.close();
  }

  async function putinCard(): Promise<string> {
    const page: Page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('news.test', '/news/putin-beijing'));
    await waitForPage(page, () => performance.getEntriesByName('dossier:harvested').length > 0, 'the harvest on news.test', 30_000);
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain('By Vladimir Putin');
    const text = (await readCard(page))!.text;
    await page.close();
    return text;
  }

  it(`adds at most ${SITE_QUOTES_PER_DAY} of its quotes to a person's card in a day, and its subdomains are one source`, async () => {
    // The card before the flood: the seed's quotes and the reader's real article.
    const before = quotesByPutin(await putinCard());
    expect(before).toBeGreaterThan(0);

    for (let n = 0; n < ADDRESSES.length; n++) await harvested(ext.urlOn(ADDRESSES[n]!, `/flood/${n}?edition=${n}`));
    const after = await putinCard();
    // 3 pages of 13 new quotes would be 38 (39 with the shared line): the site gets its bound, and
    // not one more (the shared line is the real article's too, so it adds a source, not a quote).
    expect(quotesByPutin(after) - before).toBe(SITE_QUOTES_PER_DAY);
    expect(after).toContain(REAL);
    // The shared words: news.test and the first subdomain of evil.example, not its other two.
    expect(after).toMatch(/in 2 sources/);
    expect(after).not.toMatch(/in [3-9] sources/);
  }, 180_000);
});
