// A page's start and the card at scale, on a real store (fake-indexeddb): page/init answers the
// site switch, the lean list and the colours in one reply; the lean list carries no quotes,
// contexts or provenance; it is kept in memory yet never stale after an edit, an import, an
// article add or a write that bypassed the store; the card sends a page of the newest quotes with
// totals, and card/quotes pages through the rest.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMatchListCache } from '../../src/background/store/list-cache/memory';
import { createRouter } from '../../src/background/routes/router';
import type { DossierDB, Store } from '../../src/background/store';
import { CARD_QUOTES_PAGE } from '../../src/background/store/queries';
import type { Entity, EntityList, Quote } from '../../src/core/types';
import type { EntityCardData, MatchList, PageInit, QuoteView, Reply } from '../../src/shared/messages';
import { withQuoteWriter } from '../../src/background/store/quote-writer';
import { ListNarrower } from '../../src/core/matching/list-narrower';
import { asEntityList } from '../../src/content/scan/match-list';
import { content, contentAt, ID, openStoreRouter, options, ORIGIN, type StoreRouter } from './store-router';

const NOW = Date.parse('2024-06-01T12:00:00Z');

const source = (date = '2024-01-01') => ({ outlet: 'Example News', title: `Story ${date}`, date, url: `https://news.example/${date}`, sentence: 'S.' });
const person = (id: string, name: string): Entity => ({ id, name, kind: 'person', aliases: [{ text: name.split(' ')[1]!, needsContext: true }], context: 'Politician', provenance: source() });
const day = (i: number) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

function seed(): EntityList {
  const quotes: Quote[] = [];
  // Tom Hale speaks 45 quotes and is mentioned in 30 more; one of his own quotes names himself.
  for (let i = 0; i < 45; i++) quotes.push({ id: `by-${i}`, text: `Hale said ${i}.`, speaker: 'tom-hale', mentions: i === 0 ? ['tom-hale'] : ['lea-muller'], provenance: source(day(i)) });
  for (let i = 0; i < 30; i++) quotes.push({ id: `about-${i}`, text: `About Hale ${i}.`, speaker: 'lea-muller', mentions: ['tom-hale'], provenance: source(day(i * 5)) });
  return {
    version: 1,
    entities: [person('tom-hale', 'Tom Hale'), person('lea-muller', 'Léa Müller')],
    claims: [{ id: 'truce', statement: 'Hale and Müller agreed a truce.', entities: ['tom-hale', 'lea-muller'], cues: [['truce']], provenance: source() }],
    quotes,
    distinct: [{ text: 'Hale Foundation', note: 'A charity' }],
  };
}

let db: DossierDB;
let store: Store;
let send: StoreRouter['send'];
let ok: StoreRouter['ok'];

beforeEach(async () => {
  ({ db, store, send, ok } = await openStoreRouter({ now: NOW, sender: content }));
  await store.syncSeed(seed());
});
const ids = (list: MatchList | undefined) => (list?.entities ?? []).map((e) => e.id).sort();

describe('page/init: one round trip before the first highlight', () => {
  it('carries the lean list and the colours, and nothing the matcher does not read', async () => {
    await ok('settings/colours/set', { colours: { person: '#112233' } }, options);
    const init = await ok<PageInit>('page/init', { host: 'news.example' });
    expect(init.disabled).toBe(false);
    expect(init.colours).toEqual({ person: '#112233' });
    expect(ids(init.list)).toEqual(['lea-muller', 'tom-hale']);
    expect(Object.keys(init.list!.entities[0]!).sort()).toEqual(['aliases', 'id', 'kind', 'name']);
    expect(Object.keys(init.list!.claims[0]!).sort()).toEqual(['cues', 'entities', 'id', 'statement']);
    expect(init.list!.distinct).toEqual([{ text: 'Hale Foundation', note: 'A charity' }]);
    expect(init.list).not.toHaveProperty('quotes');
    // The anchors come along, computed once by the background, and fit the list they came with.
    expect(init.list!.index?.anchors).toEqual(expect.arrayContaining(['hale', 'muller', 'truce']));
    expect(ListNarrower.fromIndex(asEntityList(init.list!), init.list!.index)).not.toBeNull();
    // 75 quotes stored, none sent: the reply stays small whatever the dossier holds.
    expect(JSON.stringify(init).length).toBeLessThan(1000);
  });

  it('says the site is off, without the list, where the user switched Dossier off', async () => {
    await ok('site/set', { host: 'news.example', disabled: true }, options);
    const init = await ok<PageInit>('page/init', { host: 'News.Example' });
    expect(init).toEqual({ disabled: true, colours: {} });
    expect((await ok<PageInit>('page/init', { host: 'other.example' }, contentAt('https://other.example/story'))).list).toBeDefined();
  });

  it("refuses a page's question about another site: where Dossier is off is the reader's history", async () => {
    await ok('site/set', { host: 'secret.example', disabled: true }, options);
    for (const type of ['page/init', 'page/filter', 'site/get'])
      expect(await send(type, { host: 'secret.example' })).toMatchObject({ ok: false, error: 'A page may only ask about its own site.' });
    // Its own site (any case), and any site from an extension page (the popup, the options page).
    expect(await ok('site/get', { host: 'NEWS.example' })).toEqual({ disabled: false });
    expect(await ok('site/get', { host: 'secret.example' }, options)).toEqual({ disabled: true });
    expect(await ok('site/get', { host: 'secret.example' }, contentAt('https://secret.example/a'))).toEqual({ disabled: true });
  });

  it('tells the page to write its timings only while the options page has diagnostics on', async () => {
    expect(await ok<PageInit>('page/init', { host: 'news.example' })).not.toHaveProperty('diagnostics');
    expect(await ok('settings/diagnostics', {}, options)).toEqual({ on: false });
    expect(await ok('settings/diagnostics/set', { on: true }, options)).toEqual({ on: true });
    expect(await ok('settings/diagnostics', {}, options)).toEqual({ on: true });
    expect(await ok<PageInit>('page/init', { host: 'news.example' })).toMatchObject({ diagnostics: true });
    await ok('site/set', { host: 'news.example', disabled: true }, options);
    expect(await ok<PageInit>('page/init', { host: 'news.example' })).toEqual({ disabled: true, colours: {}, diagnostics: true });
    await ok('settings/diagnostics/set', { on: false }, options);
    expect(await ok<PageInit>('page/init', { host: 'other.example' }, contentAt('https://other.example/story'))).not.toHaveProperty('diagnostics');
  });

  it('lets only an extension page switch diagnostics, with a boolean', async () => {
    // A page's content script could otherwise turn on what exposes Dossier to every page.
    expect(await send('settings/diagnostics/set', { on: true })).toMatchObject({ ok: false, error: expect.stringMatching(/may not be sent by a content script/) });
    expect(await send('settings/diagnostics', {})).toMatchObject({ ok: false, error: expect.stringMatching(/may not be sent by a content script/) });
    expect(await send('settings/diagnostics/set', { on: 'yes' }, options)).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.on must be/) });
    expect(await ok('settings/diagnostics', {}, options)).toEqual({ on: false });
  });

  it('refuses a malformed host', async () => {
    expect(await send('page/init', { host: 'a/<b>' })).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.host/) });
  });
});

describe('the lean list is kept in memory and never stale', () => {
  it('shows an entity saved on the options page on the next page load', async () => {
    expect(ids(await ok<MatchList>('list/match', {}))).toEqual(['lea-muller', 'tom-hale']);
    await ok('entities/save', { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [], context: 'Mathematician' } }, options);
    expect(ids(await ok<MatchList>('list/match', {}))).toEqual(['ada-lovelace', 'lea-muller', 'tom-hale']);
  });

  it('shows an alias edit (same number of entities) on the next page load', async () => {
    await ok('list/match', {});
    await ok('entities/save', { entity: { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [{ text: 'Senator Hale' }], context: 'Senator' } }, options);
    const hale = (await ok<PageInit>('page/init', { host: 'news.example' })).list!.entities.find((e) => e.id === 'tom-hale');
    expect(hale?.aliases.map((a) => a.text)).toEqual(['Senator Hale']);
  });

  it('shows a deletion and an article add on the next page load', async () => {
    await ok('list/match', {});
    await ok('entities/delete', { id: 'lea-muller' }, options);
    expect(ids(await ok<MatchList>('list/match', {}))).toEqual(['tom-hale']);
    await store.addList({ version: 1, entities: [person('ann-ode', 'Ann Ode')], claims: [], quotes: [], distinct: [] }, NOW);
    expect(ids(await ok<MatchList>('list/match', {}))).toEqual(['ann-ode', 'tom-hale']);
  });

  it('sees an entity written straight into the database, past the store', async () => {
    await ok('list/match', {});
    await db.put('entities', { ...person('max-born', 'Max Born'), origin: 'user', keys: ['max born'] });
    expect(ids(await ok<MatchList>('list/match', {}))).toEqual(['lea-muller', 'max-born', 'tom-hale']);
  });

  it('reads the records once while nothing changes, and again after an invalidation', async () => {
    let reads = 0;
    const list: MatchList = { entities: [], claims: [], distinct: [] };
    const cache = createMatchListCache(
      async () => {
        reads++;
        return { list, fingerprint: '0|0' };
      },
      async () => '0|0',
    );
    await cache.get(db);
    await cache.get(db);
    await cache.get(db);
    expect(reads).toBe(1);
    cache.invalidate();
    await cache.get(db);
    expect(reads).toBe(2);
  });

  it('reads the records once for the pages and frames that ask together on a cold start', async () => {
    let reads = 0;
    let release: () => void = () => {};
    const opened = new Promise<void>((resolve) => (release = resolve));
    const cache = createMatchListCache(
      async () => {
        reads++;
        await opened;
        return { list: { entities: [], claims: [], distinct: [] }, fingerprint: '0|0' };
      },
      async () => '0|0',
    );
    const asked = [cache.get(db), cache.get(db), cache.filter(db), cache.get(db)];
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const [first, ...rest] = await Promise.all(asked.slice(0, 2).concat(asked.slice(3)) as Promise<MatchList>[]);
    await asked[2];
    expect(reads).toBe(1);
    for (const list of rest) expect(list).toBe(first);
  });

  it('does not keep a list read while a write was going on', async () => {
    let reads = 0;
    let release: () => void = () => {};
    const cache = createMatchListCache(
      async () => {
        reads++;
        if (reads === 1) await new Promise<void>((resolve) => (release = resolve));
        return { list: { entities: [], claims: [], distinct: [] }, fingerprint: '0|0' };
      },
      async () => '0|0',
    );
    const first = cache.get(db);
    await Promise.resolve();
    cache.invalidate(); // a write finished while the first read was under way
    release();
    await first;
    await cache.get(db);
    expect(reads).toBe(2);
  });
});

describe('the card sends a page of the newest quotes, and the rest on demand', () => {
  it('sends the newest quotes by and about the entity, with the totals', async () => {
    const card = await ok<EntityCardData>('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    expect(card.quotesBy).toHaveLength(CARD_QUOTES_PAGE);
    expect(card.quotesByTotal).toBe(45);
    // The quote by Hale that names Hale is his, not about him.
    expect(card.quotesAboutTotal).toBe(30);
    expect(card.quotesAbout).toHaveLength(CARD_QUOTES_PAGE);
    const dates = card.quotesBy.map((q) => q.provenance.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const newestStored = seed().quotes.filter((q) => q.speaker === 'tom-hale').map((q) => q.provenance.date).sort().reverse();
    expect(dates).toEqual(newestStored.slice(0, CARD_QUOTES_PAGE));
    expect(card.quotesAbout[0]?.speakerName).toBe('Léa Müller');
  });

  it('pages through every quote with card/quotes, newest first, none twice', async () => {
    const card = await ok<EntityCardData>('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    const all: QuoteView[] = [...card.quotesBy];
    for (let offset = all.length; offset < 45; ) {
      const page = await ok<{ quotes: QuoteView[]; total: number }>('card/quotes', { entityId: 'tom-hale', which: 'by', offset });
      expect(page.total).toBe(45);
      expect(page.quotes.length).toBeGreaterThan(0);
      all.push(...page.quotes);
      offset += page.quotes.length;
    }
    expect(new Set(all.map((q) => q.id)).size).toBe(45);
    const dates = all.map((q) => q.provenance.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const about = await ok<{ quotes: QuoteView[]; total: number }>('card/quotes', { entityId: 'tom-hale', which: 'about', offset: 20 });
    expect(about).toMatchObject({ total: 30 });
    expect(about.quotes).toHaveLength(10);
    expect(about.quotes.every((q) => q.speaker !== 'tom-hale')).toBe(true);
  });

  it('lists a quote harvested after the card was first opened at the top of the next card', async () => {
    await ok('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    // Harvested the day after its date: a page's date later than tomorrow is filed as the day met (met-day.ts).
    const nextDay = createRouter(store, ORIGIN, ID, () => Date.parse('2025-03-02T12:00:00Z'));
    const reply = (await nextDay.handle(
      { type: 'quotes/harvest', payload: { url: 'https://news.example/late', title: 'Late', outlet: 'Example News', date: '2025-03-01', quotes: [{ text: 'Newest words.', speakerId: 'tom-hale', speakerName: 'Tom Hale', sentence: 'Newest words, said Hale.', mentions: [] }] } },
      content,
    )) as Reply<unknown>;
    expect(reply.ok).toBe(true);
    const card = await ok<EntityCardData>('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    expect(card.quotesBy[0]?.text).toBe('Newest words.');
    expect(card.quotesByTotal).toBe(46);
  });

  // Nothing is kept in memory between cards: a writer past the store (the bench's fill) that goes
  // through the store's quote writer (card keys and counters) is listed and counted at once.
  it('lists a quote written straight into the database, past the store, through the quote writer', async () => {
    await ok('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
    await withQuoteWriter(tx, (writer) => writer.put({ id: 'direct', text: 'Direct.', speaker: 'lea-muller', mentions: ['tom-hale'], provenance: source('2030-01-01'), origin: 'user' }));
    await tx.done;
    const card = await ok<EntityCardData>('card/entity', { entityId: 'tom-hale', url: 'https://news.example/story' });
    expect(card.quotesAbout[0]?.id).toBe('direct');
    expect(card.quotesAboutTotal).toBe(31);
  });

  it('refuses a card/quotes request that is not by/about or has a negative offset', async () => {
    expect(await send('card/quotes', { entityId: 'tom-hale', which: 'all', offset: 0 })).toMatchObject({ ok: false });
    expect(await send('card/quotes', { entityId: 'tom-hale', which: 'by', offset: -1 })).toMatchObject({ ok: false });
  });
});
