// Red-team, session 11: a page's declared date is its claim. A page on evil.example declares
// itself published on 1 January 2099 (article:published_time) and quotes Vladimir Putin. Cards
// list quotes newest source first (the bySpeakerLatest index), so a date in the future would keep
// the planted quote at the top of Putin's card on every site, above everything the reader meets
// later, for as long as the dossier lives. The background takes a date no later than the day it
// receives the harvest (one day of grace for time zones): the card cites the day it was met.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-quote-date.test.ts: ${SKIP_REASON}`);

const PLANTED = 'Our forces will leave every occupied town before the winter comes';
const EVIL = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Putin speaks</title>
<meta property="article:published_time" content="2099-01-01T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2099-01-01"}</script>
</head><body><article>
<h1>Putin speaks</h1>
<p>Russian President Vladimir Putin used a televised address on Monday to speak about the war, in remarks that officials in several capitals said they were still studying closely on Tuesday morning.</p>
<p>“${PLANTED},” Putin said, speaking from the Kremlin to an audience of officials and military commanders gathered for the occasion.</p>
<p>The speech came as European ministers met in Brussels to discuss a further package of measures targeting Russian banks, energy exports and the companies that supply the country’s defence industry with parts.</p>
<p>Analysts said the address was aimed as much at a domestic audience as at foreign capitals, and that little in it was new.</p>
</article><p><time datetime="2099-01-01">1 January 2099</time></p></body></html>`;
const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets react</title></head><body><article>
<h1>Markets react</h1><p>Shares in Moscow rose on Tuesday after Vladimir Putin ended his visit, with traders betting on new energy contracts.</p>
</article></body></html>`;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const shown = (d: Date): string => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;

describe.skipIf(SKIP_REASON !== null)('a page that dates itself in the future', () => {
  const ext = useExtensionBrowser({ hosts: ['evil.example', 'news.test'], pages: { '/world/putin': EVIL, '/markets': ELSEWHERE } });

  it('is cited with the day it was met, not 1 January 2099', async () => {
    const evil = await ext.browser.context.newPage();
    await evil.goto(ext.urlOn('evil.example', '/world/putin'));
    await waitForPage(evil, () => performance.getEntriesByName('dossier:harvested').length > 0, 'the quote harvest on evil.example', 30_000);
    await evil.close();

    const page: Page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('news.test', '/markets'));
    await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Putin highlighted on news.test', 20_000);
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain(PLANTED);
    const card = (await readCard(page))!.text;
    await page.close();

    expect(card).not.toMatch(/2099/);
    // The day the background received it (or the next, had midnight passed meanwhile).
    const line = card.slice(card.indexOf(PLANTED), card.indexOf(PLANTED) + PLANTED.length + 120);
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 86_400_000);
    expect([shown(today), shown(tomorrow)].some((day) => line.includes(day)), line).toBe(true);
  }, 120_000);
});
