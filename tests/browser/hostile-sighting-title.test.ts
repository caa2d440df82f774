// Red-team, session 11: a page's title is its claim. A page on evil.example titled
// "reuters.com | Putin resigns" names Vladimir Putin; the reader's "Seen elsewhere" on Putin's card,
// on every other site, listed it by that title alone, as if the reader had read it on Reuters (the
// address only on hover). The card now names each page's host beside its title, as the browser
// reported it: evil.example.
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { waitForSighting } from './stored-sightings';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-sighting-title.test.ts: ${SKIP_REASON}`);

const SPOOF = 'reuters.com | Putin resigns';
const EVIL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${SPOOF}</title></head>
<body><p>Vladimir Putin is said to have met his ministers on Sunday evening.</p></body></html>`;
const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets react</title></head><body>
<p>Shares in Moscow rose on Tuesday after Vladimir Putin ended his visit.</p></body></html>`;

describe.skipIf(SKIP_REASON !== null)('a page titled as another site', () => {
  const ext = useExtensionBrowser({ hosts: ['evil.example', 'news.test'], pages: { '/world': EVIL, '/markets': ELSEWHERE } });

  it('is listed under "Seen elsewhere" with its own host, evil.example', async () => {
    const evil = await ext.browser.context.newPage();
    await evil.goto(ext.urlOn('evil.example', '/world'));
    await waitForPage(evil, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Putin highlighted on evil.example', 20_000);
    await waitForSighting(ext.browser.serviceWorker, ext.urlOn('evil.example', '/world')); // sent once the first scan is over
    await evil.close();

    const page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('news.test', '/markets'));
    await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Putin highlighted on news.test', 20_000);
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain(SPOOF);
    const card = (await readCard(page))!.text;
    await page.close();

    const seen = card.slice(card.indexOf('Seen elsewhere'));
    const entry = seen.slice(seen.indexOf(SPOOF));
    expect(entry.slice(SPOOF.length, SPOOF.length + 40)).toContain('evil.example');
  }, 90_000);
});
