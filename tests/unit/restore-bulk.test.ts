// A big restore (thousands of records per store, so the puts go out in several chunks without a
// promise each: bulk-put.ts) is still all or nothing: a full disk at a write in the first chunk,
// at a chunk's edge or in a later chunk leaves the old dossier exactly as it was, with no
// unhandled rejection; and a restore that goes through leaves every record and every quote
// counter right.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, openStore, type DossierDB, type Store } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import type { Backup } from '../../src/background/store/backup-validate';
import type { EntityList } from '../../src/core/types';
import { NOW, person, provenance, withManyRecords } from './big-backup';
import { failWritesAfter, restoreWrites, type FailureMode } from './disk-full';

const PEOPLE = ['tom', 'tom-hale', 'lea', 'ana'].map(person);
const SEED: EntityList = { version: 1, entities: PEOPLE, claims: [], quotes: [{ id: 'old-quote', text: 'Old words.', speaker: 'tom', mentions: ['lea'], provenance }], distinct: [] };

const QUOTES = 2_600;
const SIGHTINGS = 4_500;

async function profile(): Promise<{ db: DossierDB; store: Store }> {
  const db = await openStore({ factory: new IDBFactory() });
  const store = createStore(async () => db);
  await store.syncSeed(SEED);
  await store.recordSightings('https://news.example/old', 'Old', { tom: 2 }, NOW);
  return { db, store };
}

/** A backup of the seed's entities with thousands of quotes and sightings. */
async function bigBackup(db: DossierDB): Promise<Backup> {
  return withManyRecords(await readBackup(db, NOW), PEOPLE.map((p) => p.id), { quotes: QUOTES, sightings: SIGHTINGS });
}

async function everything(db: DossierDB) {
  const { exported: _exported, ...rest } = await readBackup(db, NOW);
  return { ...rest, quoteCounts: await db.getAll('quoteCounts') };
}

/** The totals each entity's card must show, from the quotes alone. */
function totalsOf(quotes: readonly { speaker: string; mentions: readonly string[] }[]): Record<string, { by: number; about: number }> {
  const totals: Record<string, { by: number; about: number }> = {};
  const of = (id: string) => (totals[id] ??= { by: 0, about: 0 });
  for (const q of quotes) {
    of(q.speaker).by++;
    for (const id of new Set(q.mentions)) if (id !== q.speaker) of(id).about++;
  }
  return totals;
}

afterEach(restoreWrites);

describe('a restore of thousands of records', () => {
  it('writes every record, and the quote counters agree with the quotes', async () => {
    const source = await profile();
    const backup = await bigBackup(source.db);
    const target = await profile();
    const counts = await target.store.admin.restoreBackup(backup);
    expect(counts).toMatchObject({ quotes: QUOTES, sightings: SIGHTINGS });
    const after = await everything(target.db);
    expect(after.quotes.map((q) => q.id).sort()).toEqual(backup.quotes.map((q) => q.id).sort());
    expect(after.sightings).toHaveLength(SIGHTINGS);
    expect(after.quotes.some((q) => q.id === 'old-quote')).toBe(false);
    const stored = Object.fromEntries(after.quoteCounts.filter((c) => c.by !== 0 || c.about !== 0).map((c) => [c.id, { by: c.by, about: c.about }]));
    expect(stored).toEqual(totalsOf(backup.quotes));
    // The card reads the same totals.
    expect((await target.store.getEntityCard('tom', 'https://news.example/now')).quotesByTotal).toBe(totalsOf(backup.quotes).tom!.by);
  });

  // Quotes go first (a few hundred writes of entities, settings and counters aside), then the
  // sightings: the first chunk of quotes, a chunk's edge, a later chunk, and deep in the sightings.
  for (const how of ['throw', 'abort'] as FailureMode[]) {
    for (const at of [10, 1_999, 2_000, 2_001, 2_550, 4_100, 6_900]) {
      it(`a full disk at write ${at} (${how}) leaves the old dossier as it was`, async () => {
        const source = await profile();
        const backup = await bigBackup(source.db);
        const target = await profile();
        const before = await everything(target.db);
        const fault = failWritesAfter(at, how);
        const outcome = await target.store.admin.restoreBackup(backup).then(
          () => 'restored',
          (error: unknown) => error,
        );
        restoreWrites();
        expect(fault.failedOn()).toBeDefined();
        expect(String((outcome as { message?: string }).message)).toMatch(/storage for extensions is full/);
        expect(await everything(target.db)).toEqual(before);
      });
    }
  }
});
