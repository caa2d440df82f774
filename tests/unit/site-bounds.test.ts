// A site is its registrable domain, and what one site may write is bounded per day. A page that
// changes its address at will, or lives on as many subdomains as it likes (a.evil.example,
// b.evil.example…), was a new source and a new page at each address: it read as "in 3 sources",
// took a new share of "Seen elsewhere", and added up to PAGE_QUOTES_MAX quotes of its own writing at
// every address, enough to bury a person's card.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DossierDB, Store } from '../../src/background/store';
import { SITE_QUOTES_PER_DAY } from '../../src/background/store/site-quota';
import { SITE_PAGES_PER_DAY } from '../../src/background/store/sightings/write-visit';
import { loadSiteOf } from '../../src/core/web/site';
import type { EntityList } from '../../src/core/types';
import type { EntityCardData, HarvestedQuote } from '../../src/shared/messages';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';
import { byPutin, provenance, putinList } from './putin-dossier';

const DAY = 86_400_000;
const T0 = Date.parse('2024-06-03T10:00:00Z');
const list: EntityList = {
  ...putinList,
  entities: [...putinList.entities, { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: [{ text: 'Xi' }], context: 'President of China', provenance }],
};
const aboutPutin = (text: string): HarvestedQuote => ({ text, speakerName: 'An analyst', sentence: `"${text}," an analyst said of Putin.`, mentions: ['vladimir-putin'] });
const page = (quotes: HarvestedQuote[]) => ({ url: 'https://www.reuters.com/claimed', title: 'Putin story', outlet: 'Reuters', date: '2024-06-03', quotes });

let db: DossierDB;
let store: Store;
let now = T0;
let ok: StoreRouter['ok'];

const harvest = (url: string, quotes: HarvestedQuote[]) => ok<{ added: number; merged: number }>('quotes/harvest', page(quotes), contentAt(url));
const card = (id: string) => ok<EntityCardData>('card/entity', { entityId: id, url: 'https://reader.example/' }, contentAt('https://reader.example/'));

beforeEach(async () => {
  now = T0;
  ({ db, store, ok } = await openStoreRouter({ now: () => now }));
  await store.syncSeed(list);
});

describe('a page’s site', () => {
  it('is its registrable domain by the public suffix list, private section included', async () => {
    const siteOf = await loadSiteOf();
    expect(siteOf('https://a.evil.example/x')).toBe('evil.example');
    expect(siteOf('https://b.c.evil.example/y?z')).toBe('evil.example');
    expect(siteOf('https://news.bbc.co.uk/1')).toBe('bbc.co.uk');
    expect(siteOf('https://www.bbc.co.uk/2')).toBe('bbc.co.uk');
    // Two owners under one suffix a company hands out: two sites.
    expect(siteOf('https://alice.github.io/')).toBe('alice.github.io');
    expect(siteOf('https://bob.github.io/')).toBe('bob.github.io');
    expect(siteOf('https://alice.blogspot.com/')).not.toBe(siteOf('https://bob.blogspot.com/'));
    // No registrable domain: the host is its own site.
    expect(siteOf('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(siteOf('http://localhost/a')).toBe('localhost');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('one source per site', () => {
  it('counts the same quote on another subdomain of the site as no further source; another site adds one', async () => {
    const words = 'We will withdraw every soldier from every front by the end of the month';
    expect(await harvest('https://a.evil.example/story', [byPutin(words)])).toEqual({ added: 1, merged: 0 });
    expect(await harvest('https://b.evil.example/story', [byPutin(words)])).toEqual({ added: 0, merged: 0 });
    expect(await harvest('https://www.evil.example/other', [byPutin(words)])).toEqual({ added: 0, merged: 0 });
    expect(await harvest('https://news.example/story', [byPutin(words)])).toEqual({ added: 0, merged: 1 });
    const quote = (await card('vladimir-putin')).quotesBy.find((q) => q.text === words)!;
    expect(quote.sources!.map((s) => s.outlet).sort()).toEqual(['a.evil.example', 'news.example']);
  });
});

describe('new quotes one site adds per person and day', () => {
  it(`stops at ${SITE_QUOTES_PER_DAY} however many addresses and subdomains the site uses, for the quotes by a person and those naming them`, async () => {
    let added = 0;
    for (let n = 0; n < 6; n++) {
      const url = n % 2 === 0 ? `https://evil.example/w/${n}?fresh=${n}` : `https://s${n}.evil.example/w/${n}`;
      const quotes = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? byPutin : aboutPutin)(`Planted words number ${n * 10 + i} of the feed`));
      added += (await harvest(url, quotes)).added;
    }
    expect(added).toBe(SITE_QUOTES_PER_DAY);
    const shown = await card('vladimir-putin');
    expect((shown.quotesByTotal ?? -1) + (shown.quotesAboutTotal ?? -1)).toBe(SITE_QUOTES_PER_DAY);
  });

  it('leaves other sites, other people and the next day their own room', async () => {
    const flood = (prefix: string, make: (t: string) => HarvestedQuote) => Array.from({ length: SITE_QUOTES_PER_DAY + 5 }, (_, i) => make(`${prefix} words number ${i}`));
    expect((await harvest('https://evil.example/1', flood('Evil', byPutin))).added).toBe(SITE_QUOTES_PER_DAY);
    expect((await harvest('https://evil.example/2', flood('More evil', byPutin))).added).toBe(0);
    // Another site, the same day.
    expect((await harvest('https://news.example/1', flood('News', byPutin))).added).toBe(SITE_QUOTES_PER_DAY);
    // Another person, the same site and day.
    const byXi = (text: string): HarvestedQuote => ({ text, speakerId: 'xi-jinping', speakerName: 'Xi Jinping', sentence: `"${text}," Xi said.`, mentions: [] });
    expect((await harvest('https://evil.example/3', [byXi('A new era for both our nations')])).added).toBe(1);
    // A quote that would also go on a full card is not kept for the other one either.
    const both: HarvestedQuote = { ...byXi('Our friend Putin agrees with every word'), mentions: ['vladimir-putin'] };
    expect((await harvest('https://evil.example/4', [both])).added).toBe(0);
    // The next day.
    now = T0 + DAY;
    expect((await harvest('https://evil.example/5', flood('Next day', byPutin))).added).toBe(SITE_QUOTES_PER_DAY);
  });

  it('keeps only today’s counters', async () => {
    await harvest('https://evil.example/1', [byPutin('Words of the first day')]);
    await harvest('https://news.example/1', [byPutin('Other words of the first day')]);
    now = T0 + 2 * DAY;
    await harvest('https://evil.example/2', [byPutin('Words of the third day')]);
    const keys = await db.getAllKeys('siteQuotes');
    expect(keys).toEqual(['2024-06-05|evil.example|vladimir-putin']);
  });

  it('forgets an entity’s counters with the entity (they name the sites read about it)', async () => {
    const byXi = (text: string): HarvestedQuote => ({ text, speakerId: 'xi-jinping', speakerName: 'Xi Jinping', sentence: `"${text}," Xi said.`, mentions: [] });
    await harvest('https://evil.example/1', [byPutin('Words of the day'), byXi('Other words of the day')]);
    expect(await store.admin.deleteEntity('vladimir-putin', now)).toBe(true);
    expect(await db.getAllKeys('siteQuotes')).toEqual(['2024-06-03|evil.example|xi-jinping']);
  });
});

describe('pages of one site in "Seen elsewhere"', () => {
  it(`holds its subdomains to the site's ${SITE_PAGES_PER_DAY} pages per person and day`, async () => {
    let recorded = 0;
    for (let i = 0; i < 25; i++) recorded += (await store.recordSightings(`https://s${i}.evil.example/w`, `Story ${i}`, { 'vladimir-putin': 1 }, T0 + i * 1000)).recorded;
    expect(recorded).toBe(SITE_PAGES_PER_DAY);
    expect((await store.recordSightings('https://news.example/real', 'The real one', { 'vladimir-putin': 1 }, T0 + 60_000)).recorded).toBe(1);
    const seen = (await card('vladimir-putin')).sightings;
    expect(seen.filter((s) => s.url.includes('evil.example'))).toHaveLength(SITE_PAGES_PER_DAY);
  });
});
