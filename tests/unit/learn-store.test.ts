// "Learn as you read" in the store, on fake-indexeddb: harvested quotes are deduplicated across
// sites (one quote, several sources) and across visits, the card lists them newest first with
// their sources, and an added article's entities join the list without duplicating known names.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, openStore, UPGRADE_STEPS, type DossierDB, type Store } from '../../src/background/store';
import type { EntityList } from '../../src/core/types';
import type { HarvestedQuote } from '../../src/shared/messages';

const provenance = (date: string) => ({ outlet: 'Seed News', title: 'Seed story', date, url: 'https://seed.example/story', sentence: 'S.' });

function seed(): EntityList {
  return {
    version: 1,
    entities: [
      { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin' }], context: 'President of Russia', provenance: provenance('2024-05-16') },
      { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: [{ text: 'Xi', exactCase: true }], context: 'President of China', provenance: provenance('2024-05-16') },
    ],
    claims: [],
    quotes: [{ id: 'seed-q', text: 'A new era of partnership.', speaker: 'vladimir-putin', mentions: [], provenance: provenance('2024-05-16') }],
    distinct: [],
  };
}

const page = (name: string, date: string) => ({ url: `https://${name}.example/news`, title: `Story on ${name}`, outlet: `${name} News`, date });
const byPutin = (text: string): HarvestedQuote => ({ text, speakerId: 'vladimir-putin', speakerName: 'Putin', sentence: `"${text}" Putin said.`, mentions: [] });

let db: DossierDB;
let store: Store;

beforeEach(async () => {
  db = await openStore({ factory: new IDBFactory() });
  store = createStore(async () => db);
  await store.syncSeed(seed());
});

describe('harvested quotes', () => {
  it('stores a quote by a known speaker once, however often the page is visited', async () => {
    expect(await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [byPutin('We are ready for talks.')] })).toEqual({ added: 1, merged: 0 });
    expect(await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [byPutin('We are ready for talks.')] })).toEqual({ added: 0, merged: 0 });
    const card = await store.getEntityCard('vladimir-putin', 'https://elsewhere.example/');
    const harvested = card.quotesBy.filter((q) => q.text === 'We are ready for talks.');
    expect(harvested).toHaveLength(1);
    expect(harvested[0]!.sources).toEqual([{ url: 'https://a.example/news', title: 'Story on a', outlet: 'a News', date: '2024-06-01' }]);
    expect(harvested[0]!.sourceCount).toBe(1);
  });

  it('makes the same words by the same speaker on a second site one quote with two sources, newest first', async () => {
    await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [byPutin('We are ready for talks.')] });
    // Another site sets the marks differently and keeps the comma inside the quote.
    const second = await store.harvestQuotes({ ...page('b', '2024-06-03'), quotes: [byPutin('We are  ready for talks,')] });
    expect(second).toEqual({ added: 0, merged: 1 });
    const card = await store.getEntityCard('vladimir-putin', 'https://c.example/');
    const quote = card.quotesBy.find((q) => q.text === 'We are ready for talks.')!;
    expect(quote.sourceCount).toBe(2);
    expect(quote.sources!.map((s) => s.title)).toEqual(['Story on b', 'Story on a']);
    // Newest first: the harvested quote (met 3 June) comes before the seed quote (16 May).
    expect(card.quotesBy.map((q) => q.id)[0]).toBe(quote.id);
    expect(card.quotesBy.map((q) => q.id)).toContain('seed-q');
  });

  it('counts one source per site: more pages of the same host add none', async () => {
    const on = (path: string, date: string) => ({ url: `https://www.evil.example/${path}`, title: `Evil ${path}`, outlet: 'evil.example', date });
    expect(await store.harvestQuotes({ ...on('1', '2024-06-01'), quotes: [byPutin('We are ready for talks.')] })).toEqual({ added: 1, merged: 0 });
    for (const path of ['2', '3?x=1', '4']) {
      expect(await store.harvestQuotes({ ...on(path, '2024-06-02'), quotes: [byPutin('We are ready for talks.')] })).toEqual({ added: 0, merged: 0 });
    }
    expect(await store.harvestQuotes({ ...page('b', '2024-06-03'), quotes: [byPutin('We are ready for talks.')] })).toEqual({ added: 0, merged: 1 });
    const quote = (await store.getEntityCard('vladimir-putin', 'https://c.example/')).quotesBy.find((q) => q.text === 'We are ready for talks.')!;
    expect(quote.sourceCount).toBe(2);
    expect(quote.sources!.map((s) => s.title)).toEqual(['Story on b', 'Evil 1']);
  });

  it('adds a second source to a seed quote instead of copying it', async () => {
    expect(await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [byPutin('A new era of partnership')] })).toEqual({ added: 0, merged: 1 });
    const card = await store.getEntityCard('vladimir-putin', 'https://c.example/');
    expect(card.quotesBy).toHaveLength(1);
    expect(card.quotesBy[0]!.sourceCount).toBe(2);
  });

  it('keeps quotes about a known entity by an unknown speaker, under the speaker’s name', async () => {
    const about: HarvestedQuote = { text: 'Putin is isolated.', speakerName: 'Jane Analyst', sentence: '"Putin is isolated," said Jane Analyst.', mentions: ['vladimir-putin'] };
    await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [about] });
    const card = await store.getEntityCard('vladimir-putin', 'https://c.example/');
    expect(card.quotesAbout.map((q) => [q.text, q.speakerName])).toEqual([['Putin is isolated.', 'Jane Analyst']]);
  });

  it('drops quotes that concern nobody in the dossier, and unknown ids sent by a page', async () => {
    const stranger: HarvestedQuote = { text: 'Nice weather.', speakerName: 'Bob', sentence: 'S.', mentions: ['no-such-entity'] };
    const forged: HarvestedQuote = { text: 'Forged.', speakerId: 'no-such-entity', speakerName: 'X', sentence: 'S.', mentions: [] };
    expect(await store.harvestQuotes({ ...page('a', '2024-06-01'), quotes: [stranger, forged] })).toEqual({ added: 0, merged: 0 });
    expect((await store.getEntityList()).quotes).toHaveLength(1);
  });
});

describe('adding a reviewed article', () => {
  const article = (date = '2024-07-01') => ({ outlet: 'Tech Daily', title: 'Engines', date, url: 'https://tech.example/engines', sentence: 'Ada Lovelace wrote notes.' });

  it('stores new entities as the user’s own, and known names as aliases of the entity already there', async () => {
    const list: EntityList = {
      version: 1,
      entities: [
        { id: 'ada-lovelace', name: 'Ada Lovelace', kind: 'person', aliases: [{ text: 'Lovelace' }], context: 'Mathematician', provenance: article() },
        { id: 'putin', name: 'Putin', kind: 'person', aliases: [{ text: 'Vladimir Vladimirovich Putin' }], context: '', provenance: article() },
      ],
      claims: [],
      quotes: [{ id: 'q1', text: 'The engine weaves algebraic patterns.', speaker: 'ada-lovelace', mentions: ['putin'], provenance: article() }],
      distinct: [],
    };
    expect(await store.addList(list, 1000)).toEqual({ added: 1, merged: 1, claims: 0, quotes: 1 });
    const stored = await store.getEntityList();
    expect(stored.entities.map((e) => e.id).sort()).toEqual(['ada-lovelace', 'vladimir-putin', 'xi-jinping']);
    const putin = stored.entities.find((e) => e.id === 'vladimir-putin')!;
    expect(putin.aliases.map((a) => a.text)).toEqual(['Putin', 'Vladimir Vladimirovich Putin']);
    expect(putin.context).toBe('President of Russia');
    // The quote's mention was remapped onto the entity that was already known.
    const card = await store.getEntityCard('vladimir-putin', 'https://c.example/');
    expect(card.quotesAbout.map((q) => q.speakerName)).toEqual(['Ada Lovelace']);
    // A seed update must not overwrite the merged entity: it now carries the user's edit.
    const record = await db.get('entities', 'vladimir-putin');
    expect(record?.editedAt).toBe(1000);
    expect((await db.get('entities', 'ada-lovelace'))?.origin).toBe('user');
  });

  it('does not overwrite a different entity that happens to have the same id', async () => {
    const list: EntityList = {
      version: 1,
      entities: [{ id: 'xi-jinping', name: 'Xi Jinping Road', kind: 'place', aliases: [], context: '', provenance: article() }],
      claims: [],
      quotes: [],
      distinct: [],
    };
    await store.addList(list, 1);
    expect((await db.get('entities', 'xi-jinping'))?.kind).toBe('person');
    expect((await db.get('entities', 'xi-jinping-2'))?.name).toBe('Xi Jinping Road');
  });
});

describe('upgrade to quote sources', () => {
  it('gives quotes of a version-2 database their provenance as their one source', async () => {
    const factory = new IDBFactory();
    const v2 = await openStore({ factory, steps: UPGRADE_STEPS.slice(0, 2) });
    await v2.put('quotes', { id: 'old', text: 'Old words.', speaker: 'x', mentions: [], provenance: provenance('2020-01-01'), origin: 'seed' });
    v2.close();
    const v3 = await openStore({ factory });
    expect((await v3.get('quotes', 'old'))?.sources).toEqual([{ outlet: 'Seed News', title: 'Seed story', date: '2020-01-01', url: 'https://seed.example/story' }]);
    v3.close();
  });
});
