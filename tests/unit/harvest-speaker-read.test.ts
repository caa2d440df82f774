// A page's harvest finds the stored quote each of its quotes repeats (same speaker, same words) by
// reading the speaker's quotes once, not once per quote: a page with five quotes by a head of state
// holding 2,000 read 10,000 records, in a write transaction that held up the next page's start and
// every card meanwhile (issue 14, BENCHMARKS part 4). What it merges and adds stays the same.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBIndex as FakeIndex } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, openStore } from '../../src/background/store';
import { harvestQuotes } from '../../src/background/store/harvest';
import type { EntityList } from '../../src/core/types';
import type { HarvestedQuote } from '../../src/shared/messages';

const provenance = { outlet: 'Seed News', title: 'Seed story', date: '2024-05-16', url: 'https://seed.example/story', sentence: 'S.' };
const person = (id: string, name: string) => ({ id, name, kind: 'person' as const, aliases: [], context: 'Test', provenance });
const list: EntityList = {
  version: 1,
  entities: [person('putin', 'Vladimir Putin'), person('xi', 'Xi Jinping')],
  claims: [],
  quotes: [
    { id: 'seed-1', text: 'No limits.', speaker: 'putin', mentions: ['xi'], provenance },
    { id: 'seed-2', text: 'An old friend.', speaker: 'putin', mentions: [], provenance },
  ],
  distinct: [],
};
const said = (speakerId: string, speakerName: string, text: string): HarvestedQuote => ({ text, speakerId, speakerName, sentence: `"${text}"`, mentions: [] });
const page = (url: string, quotes: HarvestedQuote[]) => ({ url, title: 'Talks', outlet: 'example.test', date: '2024-06-02', quotes });

afterEach(() => vi.restoreAllMocks());

describe("a page's harvest", () => {
  it("reads each speaker's quotes once, and merges and adds as before", async () => {
    const db = await openStore({ factory: new IDBFactory() });
    const store = createStore(async () => db);
    await store.syncSeed(list);
    const getAll = vi.spyOn(FakeIndex.prototype, 'getAll');
    const result = await harvestQuotes(
      db,
      page('https://example.test/talks', [
        said('putin', 'Vladimir Putin', 'No limits!'),
        said('putin', 'Vladimir Putin', 'We will talk.'),
        said('putin', 'Vladimir Putin', 'Trade will grow.'),
        said('xi', 'Xi Jinping', 'A new era.'),
        said('putin', 'Vladimir Putin', 'An old friend.'),
      ]),
    );
    const bySpeaker = getAll.mock.contexts.filter((index) => (index as IDBIndex).name === 'bySpeaker');
    expect(bySpeaker).toHaveLength(2);
    // "No limits!" and "An old friend." repeat seed quotes (words compared without case or punctuation).
    expect(result).toEqual({ added: 3, merged: 2 });
    const card = await store.getEntityCard('putin', 'https://elsewhere.test/');
    expect(card.quotesByTotal).toBe(4);
    expect(card.quotesBy.find((q) => q.id === 'seed-1')?.sourceCount).toBe(2);
    // The next visit of another site's page meets its quotes as stored by this one (a page of the same site adds no source).
    expect(await harvestQuotes(db, page('https://other.test/again', [said('putin', 'Vladimir Putin', 'We will talk.'), said('putin', 'Vladimir Putin', 'No limits.')]))).toEqual({ added: 0, merged: 2 });
    expect((await store.getEntityCard('putin', 'https://elsewhere.test/')).quotesByTotal).toBe(4);
    db.close();
  });

  it('merges the same words twice in one added list into one quote', async () => {
    const db = await openStore({ factory: new IDBFactory() });
    const store = createStore(async () => db);
    await store.syncSeed(list);
    const twice = { id: 'imported', text: 'Peace is near.', speaker: 'putin', mentions: [], provenance: { ...provenance, url: 'https://a.test/1' } };
    await store.addList({ ...list, quotes: [twice, { ...twice, id: 'imported-again', provenance: { ...provenance, url: 'https://a.test/2' } }] }, Date.now());
    const card = await store.getEntityCard('putin', 'https://elsewhere.test/');
    expect(card.quotesBy.filter((q) => q.text === 'Peace is near.').map((q) => q.sourceCount)).toEqual([2]);
    expect(card.quotesByTotal).toBe(3);
    db.close();
  });
});
