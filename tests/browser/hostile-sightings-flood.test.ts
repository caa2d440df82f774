// Red-team, session 11: a page can change its address at will (history.pushState) or load its next
// page every second, and each address was a new "Seen elsewhere" entry on the card of everyone it
// names, under a title of its choosing. One open tab of evil.example pushed the reader's real
// history off the card (20 entries) within a minute, and grew the store (and sync) without end.
// One site now adds at most SITE_PAGES_PER_DAY new pages per person a day: the page the reader
// read before the flood is still on the card.
import { describe, expect, it } from 'vitest';
import { readCard } from './frame-helpers';
import { SKIP_REASON, waitForPage } from './harness';
import { waitForSighting } from './stored-sightings';
import { useExtensionBrowser } from './use-extension-browser';
import { SITE_PAGES_PER_DAY } from '../../src/background/store/sightings/write-visit';

if (SKIP_REASON) console.warn(`hostile-sightings-flood.test.ts: ${SKIP_REASON}`);

const LOADS = 24;
/**
 * Each page names Putin, then loads the next as soon as Dossier is done with it: its timeline's
 * last mark (the Diagnostics switch is on here), then a moment for the sighting Dossier sends
 * right after that mark. A fixed second a page made this file wait 24 s; now the flood is as fast
 * as Dossier, and the card below must show exactly SITE_PAGES_PER_DAY of its pages (fewer would
 * mean the flood never reached the cap).
 */
const evilPage = (n: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reuters | Putin story ${n}</title></head>
<body><p>Vladimir Putin is said to have met his ministers (${n}).</p>
<script>${
  n < LOADS
    ? `(function next() {
  if (performance.getEntriesByName('dossier:claims-judged').length > 0) setTimeout(() => location.assign('/w/${n + 1}'), 200);
  else setTimeout(next, 50);
})();`
    : ''
}</script></body></html>`;
const REAL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The reader's real article</title></head>
<body><p>Vladimir Putin arrived in Beijing on Thursday.</p></body></html>`;
const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets react</title></head><body>
<p>Shares in Moscow rose on Tuesday after Vladimir Putin ended his visit.</p></body></html>`;

const pages: Record<string, string> = { '/real': REAL, '/markets': ELSEWHERE };
for (let n = 1; n <= LOADS; n++) pages[`/w/${n}`] = evilPage(n);

describe.skipIf(SKIP_REASON !== null)('a page that keeps changing its address', () => {
  const ext = useExtensionBrowser({ hosts: ['evil.example', 'news.test'], pages });
  const highlighted = () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0;

  it(`adds at most ${SITE_PAGES_PER_DAY} of its pages to "Seen elsewhere", which keeps the reader's own`, async () => {
    const real = await ext.browser.context.newPage();
    await real.goto(ext.urlOn('news.test', '/real'));
    await waitForPage(real, highlighted, 'Putin highlighted on the real page', 20_000);
    await waitForSighting(ext.browser.serviceWorker, ext.urlOn('news.test', '/real')); // sent once the first scan is over
    await real.close();

    const evil = await ext.browser.context.newPage();
    await evil.goto(ext.urlOn('evil.example', '/w/1'));
    await evil.waitForURL(`**/w/${LOADS}`, { timeout: 90_000 });
    await waitForPage(evil, highlighted, 'Putin highlighted on the last evil page', 20_000);
    // Its sighting (over the cap: refused) is sent right after this mark.
    await waitForPage(evil, () => performance.getEntriesByName('dossier:claims-judged').length > 0, 'the last evil page judged', 20_000);
    await evil.waitForTimeout(200);
    await evil.close();

    const page = await ext.browser.context.newPage();
    await page.goto(ext.urlOn('news.test', '/markets'));
    await waitForPage(page, highlighted, 'Putin highlighted on news.test', 20_000);
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain('Seen elsewhere');
    const seen = (await readCard(page))!.text.split('Seen elsewhere')[1] ?? '';
    await page.close();
    expect(seen).toContain("The reader's real article");
    // Exactly the cap: fewer would mean the flood never reached it, and the test proved nothing.
    expect(seen.split('Reuters | Putin story').length - 1).toBe(SITE_PAGES_PER_DAY);
  }, 150_000);
});
