// Red-team, session 11: "Add this article" took the outlet and the date a page declares. A page on
// evil.example that calls itself Reuters (og:site_name) and dates itself 1 January 2099 was shown
// for review as "Reuters · … · 2099-01-01", and the entities the reader kept were cited on their
// cards, on every site, as "Reuters, 1 January 2099". The review page now names the host the
// content script read the article from, and the page's name only as its claim; a date later than
// tomorrow is the day the reader added it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-review-outlet.test.ts: ${SKIP_REASON}`);

const EVIL = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>The first programmer, remembered</title>
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2099-01-01T10:00:00Z">
</head><body><article>
<h1>The first programmer, remembered</h1>
<p>Ada Lovelace, the English mathematician, wrote what many historians regard as the first computer program, a method for calculating Bernoulli numbers on a machine that was never completed in her lifetime.</p>
<p>She worked with Charles Babbage, the inventor of the Analytical Engine, who called her “the Enchantress of Numbers” in a letter written in London in 1843, according to the archive that holds it.</p>
<p>The notes were published in 1843 and largely forgotten for a century, until researchers rediscovered them while the first electronic computers were being built after the Second World War.</p>
</article></body></html>`;
const NEXT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Computing history month</title></head>
<body><p id="ada">A new exhibition about Ada Lovelace opens on Friday.</p></body></html>`;

describe.skipIf(SKIP_REASON !== null)('a page that calls itself Reuters, added to the dossier', () => {
  const ext = useExtensionBrowser({ hosts: ['evil.example', 'news.test'], pages: { '/science': EVIL, '/next': NEXT } });

  it('is reviewed and cited as evil.example, with "Reuters" only as its claim and no date in 2099', async () => {
    const article = await ext.browser.context.newPage();
    await article.goto(ext.urlOn('evil.example', '/science'));
    await article.waitForTimeout(500);
    const review: Page = await ext.openExtensionPage('review/review.html', await ext.tabIdOf(article));
    await review.getByRole('checkbox', { name: 'Keep Ada Lovelace' }).waitFor({ timeout: 20_000 });
    const header = await review.locator('main > p.muted').first().innerText();
    expect(header).toContain('evil.example, which calls itself “Reuters”');
    expect(header).not.toMatch(/2099/);
    await review.getByRole('button', { name: 'Add to my dossier' }).click();
    await expect.poll(() => review.getByRole('status').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/Added to your dossier/);
    await review.close();
    await article.close();

    const next = await ext.browser.context.newPage();
    await next.goto(ext.urlOn('news.test', '/next'));
    await waitForPage(next, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Ada Lovelace highlighted on news.test', 20_000);
    await ext.sendToTab(await ext.tabIdOf(next), { type: 'page/reveal', payload: { id: 'ada-lovelace', kind: 'person' } });
    await expect.poll(async () => (await readCard(next))?.text ?? '', { timeout: 15_000 }).toContain('evil.example');
    const card = (await readCard(next))!.text;
    await next.close();
    expect(card).not.toMatch(/Reuters/);
    expect(card).not.toMatch(/2099/);
  }, 120_000);
});
