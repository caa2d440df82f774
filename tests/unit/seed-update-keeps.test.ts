// A seed update must not take away what the reader gathered: the sources a seed quote was later
// met in, and the distinct names the user imported with an entity list.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, openStore, type Store } from '../../src/background/store';
import { importEntities } from '../../src/background/store/entities-admin';
import type { DossierDB } from '../../src/background/store';
import type { EntityList } from '../../src/core/types';

const provenance = { outlet: 'Seed News', title: 'Seed story', date: '2024-05-16', url: 'https://seed.example/story', sentence: 'S.' };

function seed(version: string): EntityList {
  return {
    version: 1,
    entities: [{ id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin' }], context: `President of Russia (${version})`, provenance }],
    claims: [],
    quotes: [{ id: 'seed-q', text: 'A new era of partnership.', speaker: 'vladimir-putin', mentions: [], provenance }],
    distinct: [{ text: 'Putin Street', note: `a street (${version})` }],
  };
}

let db: DossierDB;
let store: Store;

beforeEach(async () => {
  db = await openStore({ factory: new IDBFactory() });
  store = createStore(async () => db);
  await store.syncSeed(seed('v1'));
});

describe('a seed update', () => {
  it('keeps the sources a seed quote was met in since', async () => {
    const quote = { text: 'A new era of partnership.', speakerId: 'vladimir-putin', speakerName: 'Putin', sentence: '"A new era of partnership," Putin said.', mentions: [] };
    await store.harvestQuotes({ url: 'https://b.example/news', title: 'Story on b', outlet: 'b News', date: '2024-06-01', quotes: [quote] });
    const before = (await store.getEntityCard('vladimir-putin', 'https://c.example/')).quotesBy[0];
    expect(before?.sourceCount).toBe(2);

    expect((await store.syncSeed(seed('v2'))).action).toBe('merged');
    const card = await store.getEntityCard('vladimir-putin', 'https://c.example/');
    expect(card.entity.context).toContain('v2');
    expect(card.quotesBy).toHaveLength(1);
    expect(card.quotesBy[0]?.sourceCount).toBe(2);
    expect(card.quotesBy[0]?.sources?.map((s) => s.title)).toContain('Story on b');
  });

  it('keeps the distinct names the user imported, and takes the seed\'s new ones', async () => {
    const userList: EntityList = { version: 1, entities: [], claims: [], quotes: [], distinct: [{ text: 'Putin Prize', note: 'an award' }] };
    await importEntities(db, userList, Date.now());
    await store.syncSeed(seed('v2'));
    const { distinct } = await store.getEntityList();
    expect(distinct).toEqual([
      { text: 'Putin Street', note: 'a street (v2)' },
      { text: 'Putin Prize', note: 'an award' },
    ]);
  });
});
