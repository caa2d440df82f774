// Issue 11, item 4: a harvested quote's source is the page's host as the browser reports it, taken
// by the background from the sender; what the page calls itself (og:site_name) is kept only as its
// claim. One page adds each quote once and a bounded number of quotes over all its visits; quotes
// gathered before this rule are rewritten the same way by the v6 upgrade.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, UPGRADE_STEPS, type DossierDB, type Store } from '../../src/background/store';
import { PAGE_QUOTES_MAX } from '../../src/background/store/harvest';
import type { EntityCardData, HarvestedQuote, QuoteView } from '../../src/shared/messages';
import { sourcesOfQuote } from '../../src/ui/shared/quote-sources';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';
import { byPutin, provenance, putinList } from './putin-dossier';

const PLANTED = 'We will withdraw every soldier from every front by the end of the month';
const EVIL = 'https://evil.example/world/putin-interview';
/** What the content script sends from a page on evil.example that calls itself Reuters and claims Reuters' address. */
const spoofed = (quotes: HarvestedQuote[]) => ({ url: 'https://www.reuters.com/world/putin', title: 'Putin interview', outlet: 'Reuters', date: '2024-06-02', quotes });

let db: DossierDB;
let store: Store;
let send: StoreRouter['send'];

async function putinQuotes(): Promise<QuoteView[]> {
  const card = await send('card/entity', { entityId: 'vladimir-putin', url: 'https://other.example/' }, contentAt('https://other.example/'));
  if (!card?.ok) throw new Error(JSON.stringify(card));
  return (card.value as EntityCardData).quotesBy;
}

beforeEach(async () => {
  ({ db, store, send } = await openStoreRouter({ now: Date.parse('2024-06-03T00:00:00Z') }));
  await store.syncSeed(putinList);
});

describe('the source of a harvested quote', () => {
  it("is the sender's host; og:site_name 'Reuters' is only evil.example's claim, on the card of another site", async () => {
    expect(await send('quotes/harvest', spoofed([byPutin(PLANTED)]), contentAt(EVIL))).toMatchObject({ ok: true, value: { added: 1 } });
    const planted = (await putinQuotes()).find((q) => q.text === PLANTED)!;
    expect(planted.sources).toEqual([{ url: EVIL, title: 'Putin interview', outlet: 'evil.example', date: '2024-06-02', siteName: 'Reuters' }]);
    expect(planted.provenance).toMatchObject({ url: EVIL, outlet: 'evil.example' });
    expect(planted.provenance).not.toHaveProperty('siteName');
    // What the card prints after "— Vladimir Putin, ".
    const [shown] = sourcesOfQuote(planted);
    expect(shown!.outlet).toBe('evil.example, which calls itself “Reuters”');
    expect(JSON.stringify(await putinQuotes())).not.toContain('reuters.com');
  });

  it('names no claim where the page only repeats its host', async () => {
    await send('quotes/harvest', { ...spoofed([byPutin(PLANTED)]), outlet: 'Evil' }, contentAt('https://www.evil.example/a'));
    const planted = (await putinQuotes()).find((q) => q.text === PLANTED)!;
    expect(planted.sources![0]).toEqual({ url: 'https://www.evil.example/a', title: 'Putin interview', outlet: 'evil.example', date: '2024-06-02' });
    expect(sourcesOfQuote(planted)[0]!.outlet).toBe('evil.example');
  });

  it('is refused from a page the browser does not report as http(s)', async () => {
    expect(await send('quotes/harvest', spoofed([byPutin(PLANTED)]), contentAt('file:///tmp/page.html'))).toMatchObject({ ok: true, value: { added: 0, merged: 0 } });
    expect((await putinQuotes()).some((q) => q.text === PLANTED)).toBe(false);
  });
});

describe('what one page may add', () => {
  it('adds each quote once, however often the page repeats it or is visited', async () => {
    const twice = spoofed([byPutin(PLANTED), byPutin(PLANTED), byPutin(`${PLANTED}.`)]);
    expect(await send('quotes/harvest', twice, contentAt(EVIL))).toMatchObject({ ok: true, value: { added: 1, merged: 0 } });
    expect(await send('quotes/harvest', twice, contentAt(EVIL))).toMatchObject({ ok: true, value: { added: 0, merged: 0 } });
    expect((await putinQuotes()).filter((q) => q.text.startsWith(PLANTED))).toHaveLength(1);
  });

  it(`adds at most ${PAGE_QUOTES_MAX} quotes over all its visits, new words on every load or not`, async () => {
    // One visit a day: the site's own daily bound per person (site-quota.ts, SITE_QUOTES_PER_DAY)
    // stays out of the way, so the page's bound is what stops it.
    let day = Date.parse('2024-06-03T12:00:00Z');
    const daily = await openStoreRouter({ now: () => day });
    await daily.store.syncSeed(putinList);
    let added = 0;
    for (let visit = 0; visit < 5; visit++, day += 86_400_000) {
      const quotes = Array.from({ length: 100 }, (_, i) => byPutin(`Fresh words number ${visit * 100 + i} for the planted feed`));
      const reply = await daily.send('quotes/harvest', spoofed(quotes), contentAt(EVIL));
      if (!reply?.ok) throw new Error(JSON.stringify(reply));
      added += (reply.value as { added: number }).added;
    }
    expect(added).toBe(PAGE_QUOTES_MAX);
    expect(await daily.db.count('quotes')).toBe(PAGE_QUOTES_MAX);
  });
});

describe('the v6 upgrade', () => {
  it("rewrites quotes met before: the page's host as outlet, its old name as its claim; seed quotes stay", async () => {
    const factory = new IDBFactory();
    const old = await openStore({ factory, steps: UPGRADE_STEPS.slice(0, 5) });
    const source = { url: EVIL, title: 'Putin interview', outlet: 'Reuters', date: '2024-06-02' };
    const tx = old.transaction('quotes', 'readwrite');
    await tx.store.put({ id: 'q-planted', text: PLANTED, speaker: 'vladimir-putin', mentions: [], provenance: { ...source, sentence: 'S.' }, origin: 'user', sources: [source] } as never);
    await tx.store.put({ id: 'seed-q', text: 'A new era.', speaker: 'vladimir-putin', mentions: [], provenance, origin: 'seed', sources: [provenance] } as never);
    await tx.done;
    old.close();

    const upgraded = await openStore({ factory });
    expect(upgraded.version).toBe(UPGRADE_STEPS.length);
    const planted = await upgraded.get('quotes', 'q-planted');
    expect(planted?.sources).toEqual([{ ...source, outlet: 'evil.example', siteName: 'Reuters' }]);
    expect(planted?.provenance.outlet).toBe('evil.example');
    expect((await upgraded.get('quotes', 'seed-q'))?.provenance.outlet).toBe('Seed News');
    upgraded.close();
  });
});
