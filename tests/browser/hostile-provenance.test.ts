// Issue 11, item 4: provenance from the browser, not the page. A page on evil.example that calls
// itself Reuters (og:site_name, a byline) plants a quote of Vladimir Putin, twice. The card of
// Vladimir Putin on another site must not cite it as "Vladimir Putin, Reuters": the source is the
// host the browser reports, evil.example, and "Reuters" is shown only as that page's own claim.
// The page adds the quote once, however often it repeats it or is visited.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-provenance.test.ts: ${SKIP_REASON}`);

const PLANTED = 'We will withdraw every soldier from every front by the end of the month';
const EVIL = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Putin announces withdrawal</title>
<meta property="og:site_name" content="Reuters">
<meta name="author" content="Reuters staff">
<meta property="article:published_time" content="2024-06-04T08:00:00Z">
</head><body><article>
<h1>Putin announces withdrawal</h1>
<p class="byline">By Reuters staff</p>
<p>Russian President Vladimir Putin used a televised address on Monday to speak about the war, in remarks that officials in several capitals said they were still studying closely on Tuesday morning.</p>
<p>“${PLANTED},” Putin said, speaking from the Kremlin to an audience of officials and military commanders gathered for the occasion.</p>
<p>The speech came as European ministers met in Brussels to discuss a further package of measures targeting Russian banks, energy exports and the companies that supply the country’s defence industry with parts.</p>
<p>Repeating himself later in the address, Putin said: “${PLANTED}.” Analysts said the address was aimed as much at a domestic audience as at foreign capitals.</p>
</article></body></html>`;
const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets react</title></head><body><article>
<h1>Markets react</h1><p>Shares in Moscow rose on Tuesday after Vladimir Putin ended his visit, with traders betting on new energy contracts.</p>
</article></body></html>`;

describe.skipIf(SKIP_REASON !== null)('a page that calls itself Reuters', () => {
  const ext = useExtensionBrowser({
    hosts: ['evil.example', 'news.test'],
    pages: { '/world/putin': EVIL, '/world/putin-2': EVIL, '/world/putin-3': EVIL, '/markets': ELSEWHERE },
  });

  async function visitEvil(path = '/world/putin'): Promise<void> {
    const page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('evil.example', path));
    await waitForPage(page, () => performance.getEntriesByName('dossier:harvested').length > 0, 'the quote harvest on evil.example', 30_000);
    await page.close();
  }

  async function putinCardElsewhere(): Promise<string> {
    const page: Page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('news.test', '/markets'));
    await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Putin highlighted on news.test', 20_000);
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain(PLANTED);
    const text = (await readCard(page))!.text;
    await page.close();
    return text;
  }

  it('is cited as evil.example, with "Reuters" only as its claim, and adds the quote once', async () => {
    await visitEvil();
    const card = await putinCardElsewhere();
    expect(card).toContain('evil.example, which calls itself “Reuters”');
    // "Reuters" appears nowhere else: not as the source after the speaker, not as an outlet.
    expect(card.replaceAll('which calls itself “Reuters”', '')).not.toMatch(/Reuters/);
    expect(card.split(PLANTED).length - 1).toBe(1);

    // A second visit adds nothing.
    await visitEvil();
    const again = await putinCardElsewhere();
    expect(again.split(PLANTED).length - 1).toBe(1);
    expect(again).not.toMatch(/in 2 sources/);
  }, 120_000);

  // Red-team, session 11: the same site under other addresses is still one source. Three pages of
  // evil.example read as "in 3 sources", and 50 of them filled the quote's sources (QUOTE_SOURCES_MAX)
  // so that no outlet met later could be added.
  it('counts more pages of evil.example carrying the quote as no further source', async () => {
    await visitEvil('/world/putin-2');
    await visitEvil('/world/putin-3?edition=uk');
    const card = await putinCardElsewhere();
    expect(card.split(PLANTED).length - 1).toBe(1);
    expect(card).not.toMatch(/in \d+ sources/);
  }, 120_000);
});
