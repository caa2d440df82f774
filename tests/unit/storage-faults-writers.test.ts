// The disk fills up in the middle of the three writers a user triggers by hand: importing an
// annotation file, "add this article to my dossier", and the quotes harvested from a page. Each
// must fail with a clear StoreError('quota') and leave every store exactly as it was (a merge into
// a known record is a write too: it must be rolled back as well as the new records).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, openStore, StoreError, type DossierDB, type Store } from '../../src/background/store';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import type { EntityList } from '../../src/core/types';
import { SEED } from '../../src/data/seed';
import type { HarvestedQuote } from '../../src/shared/messages';
import { failWritesAfter, restoreWrites } from './disk-full';

afterEach(restoreWrites);

const STORES = ['entities', 'claims', 'quotes', 'quoteCounts', 'sources', 'sightings', 'annotations', 'settings'] as const;

/** Every record of every store: any half-written or half-merged record shows up as a difference. */
async function snapshot(db: DossierDB): Promise<Record<string, unknown[]>> {
  const all = await Promise.all(STORES.map((name) => db.getAll(name)));
  return Object.fromEntries(STORES.map((name, i) => [name, all[i]!]));
}

async function quotaFailure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => new Error('expected the write to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe('quota');
  expect((error as StoreError).message).toMatch(/storage for extensions is full/);
  return error as StoreError;
}

/** Lets any transaction still finishing settle: a half commit would show up after this. */
const settle = () => new Promise((done) => setTimeout(done, 50));

let db: DossierDB;
let store: Store;

beforeEach(async () => {
  db = await openStore({ factory: new IDBFactory() });
  store = createStore(async () => db);
  await store.syncSeed(SEED);
});

// ---------------------------------------------------------------------------------------------
// Annotation import

const PAGE = 'https://news.example/story';
const TEXT = 'Russia launched a new offensive in the Kharkiv region. Xi Jinping welcomed Putin in Beijing.';

function annotation(i: number, modified = '2024-05-16T10:00:00.000Z'): Annotation {
  const exact = ['a new offensive', 'Kharkiv', 'Xi Jinping', 'Beijing'][i % 4]!;
  const start = TEXT.indexOf(exact);
  const a = createAnnotation({ pageUrl: `${PAGE}/${i}`, title: `Story ${i}`, text: TEXT, start, end: start + exact.length, id: `urn:uuid:import-${i}`, now: new Date('2024-05-16T10:00:00Z'), tags: ['war'], note: `note ${i}` });
  return { ...a, modified };
}

describe('quota exceeded in the middle of an annotation import', () => {
  for (const how of ['throw', 'abort'] as const) {
    it(`fails with a quota error and keeps neither new nor updated annotations (${how})`, async () => {
      // One annotation already stored; the file updates it (newer) and adds 20 more.
      await store.annotations.save(annotation(0), Date.parse('2024-05-16T10:00:00Z'));
      const before = await snapshot(db);
      const file = [annotation(0, '2024-06-01T00:00:00.000Z'), ...Array.from({ length: 20 }, (_, i) => annotation(i + 1))];
      const { writes } = failWritesAfter(8, how);
      await quotaFailure(store.annotations.import(file));
      expect(writes()).toBeGreaterThan(8); // the fault did happen midway, after 8 records were written
      await settle();
      restoreWrites();
      expect(await snapshot(db)).toEqual(before);
      // With room again, the same file goes in whole.
      expect(await store.annotations.import(file)).toEqual({ added: 20, updated: 1, identical: 0, older: 0 });
      expect(await db.count('annotations')).toBe(21);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// "Add this article to my dossier"

const provenance = { outlet: 'Other News', title: 'Another story', date: '2024-06-02', url: 'https://other.example/story', sentence: 'S.' };

/** An article's reviewed list: names the seed knows (merged as aliases) and new ones. */
function article(): EntityList {
  const known = SEED.entities.find((e) => e.kind === 'person')!;
  const newPeople = Array.from({ length: 12 }, (_, i) => ({
    id: `new-person-${i}`,
    name: `Newname Person${i}`,
    kind: 'person' as const,
    aliases: [{ text: `Person${i}` }],
    context: `Someone new ${i}`,
    provenance,
  }));
  return {
    version: 1,
    entities: [{ ...known, id: 'review-known', aliases: [{ text: `${known.name} Junior-alias` }], provenance }, ...newPeople],
    claims: [{ id: 'new-claim', statement: 'Newname Person0 said something checkable.', entities: ['new-person-0'], cues: [['checkable']], provenance }],
    quotes: [{ id: 'new-quote', text: 'We will see.', speaker: 'new-person-1', mentions: [], provenance }],
    distinct: [],
  };
}

describe('quota exceeded in the middle of "add this article"', () => {
  for (const how of ['throw', 'abort'] as const) {
    it(`fails with a quota error and adds, merges and links nothing (${how})`, async () => {
      const before = await snapshot(db);
      const { writes } = failWritesAfter(6, how);
      await quotaFailure(store.addList(article(), Date.parse('2024-06-02T00:00:00Z')));
      expect(writes()).toBeGreaterThan(6);
      await settle();
      restoreWrites();
      // The known entity did not keep its new alias, no new person, claim, quote or source stayed.
      expect(await snapshot(db)).toEqual(before);
      const result = await store.addList(article(), Date.parse('2024-06-02T00:00:00Z'));
      expect(result).toMatchObject({ added: 12, merged: 1, claims: 1, quotes: 1 });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Quote harvest

describe('quota exceeded in the middle of a quote harvest', () => {
  const people = SEED.entities.filter((e) => e.kind === 'person').slice(0, 3);
  const quotes: HarvestedQuote[] = Array.from({ length: 15 }, (_, i) => {
    const speaker = people[i % people.length]!;
    return { text: `Harvested words number ${i}.`, speakerId: speaker.id, speakerName: speaker.name, sentence: `"Harvested words number ${i}," ${speaker.name} said.`, mentions: [] };
  });
  const page = { url: 'https://harvest.example/news', title: 'Harvested story', outlet: 'Harvest News', date: '2024-06-03' };

  for (const how of ['throw', 'abort'] as const) {
    it(`fails with a quota error and keeps none of the page's quotes or its source (${how})`, async () => {
      const before = await snapshot(db);
      const { writes } = failWritesAfter(5, how);
      await quotaFailure(store.harvestQuotes({ ...page, quotes }));
      expect(writes()).toBeGreaterThan(5);
      await settle();
      restoreWrites();
      expect(await snapshot(db)).toEqual(before);
      expect(await store.harvestQuotes({ ...page, quotes })).toEqual({ added: 15, merged: 0 });
    });
  }
});
