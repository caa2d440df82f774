// The entity and annotation imports write their thousands of records together (bulk-put-marked.ts)
// rather than one awaited put at a time, and stay what they were: every record carries its sync
// mark (an import is the user's edit and must reach other devices), and a full disk at any write,
// in a later chunk too, leaves every store and every mark exactly as before.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, openStore, type DossierDB, type Store } from '../../src/background/store';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import type { Entity, EntityList } from '../../src/core/types';
import { failWritesAfter, restoreWrites, type FailureMode } from './disk-full';

afterEach(restoreWrites);

const STORES = ['entities', 'claims', 'quotes', 'quoteCounts', 'sources', 'annotations', 'settings', 'syncMarks'] as const;
const provenance = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: 'https://news.example/s', sentence: 'S.' };
const person = (id: string): Entity => ({ id, name: `Person ${id}`, kind: 'person', aliases: [], context: 'Politician', provenance });
const ENTITIES = 2_600;
const ANNOTATIONS = 2_300;

async function snapshot(db: DossierDB): Promise<Record<string, unknown[]>> {
  const all = await Promise.all(STORES.map((name) => db.getAll(name)));
  const keys = await db.getAllKeys('syncMarks');
  return { ...Object.fromEntries(STORES.map((name, i) => [name, all[i]!])), markKeys: keys };
}

async function dossier(): Promise<{ db: DossierDB; store: Store }> {
  const db = await openStore({ factory: new IDBFactory() });
  const store = createStore(async () => db);
  await store.syncSeed({ version: 1, entities: [person('p0')], claims: [], quotes: [], distinct: [] });
  await db.clear('syncMarks');
  return { db, store };
}

const list = (): EntityList => ({
  version: 1,
  entities: Array.from({ length: ENTITIES }, (_, i) => person(`p${i}`)),
  claims: [{ id: 'c1', statement: 'P1 said so.', entities: ['p1'], cues: [['so']], provenance }],
  quotes: Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, text: `Words ${i}.`, speaker: `p${i % 3}`, mentions: [`p${(i % 3) + 1}`], provenance })),
  distinct: [],
});

const TEXT = 'Russia launched a new offensive in the Kharkiv region.';
function annotation(i: number): Annotation {
  const start = TEXT.indexOf('Kharkiv');
  return createAnnotation({ pageUrl: `https://news.example/${i}`, title: `Story ${i}`, text: TEXT, start, end: start + 7, id: `urn:uuid:bulk-${i}`, now: new Date('2024-05-16T10:00:00Z'), tags: [], note: `note ${i}` });
}

/** Runs `importing` with the disk full from write `at`: it must fail saying so, and change nothing. */
async function expectFullDiskChangesNothing(db: Parameters<typeof snapshot>[0], at: number, how: FailureMode, importing: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(db);
  const fault = failWritesAfter(at, how);
  const outcome = await importing().then(
    () => 'imported',
    (error: unknown) => error,
  );
  restoreWrites();
  expect(fault.failedOn()).toBeDefined();
  expect(String((outcome as { message?: string }).message)).toMatch(/storage for extensions is full/);
  expect(await snapshot(db)).toEqual(before);
}

describe('bulk imports', () => {
  it('an entity import writes every record with its mark, and counts the entities it replaced', async () => {
    const { db, store } = await dossier();
    const summary = await store.admin.importEntities(list(), Date.parse('2024-06-01T00:00:00Z'));
    expect(summary).toMatchObject({ replaced: 1 });
    expect(await db.count('entities')).toBe(ENTITIES);
    const marks = new Set(await db.getAllKeys('syncMarks'));
    for (const i of [0, 1, 1_999, 2_000, ENTITIES - 1]) {
      expect(marks.has(`e:p${i}`)).toBe(true);
      expect(marks.has(`r:p${i}`)).toBe(true);
    }
    expect(marks.has('c:c1')).toBe(true);
    expect(marks.has('q:q29')).toBe(true);
    expect((await db.get('quoteCounts', 'p0'))?.by).toBe(10);
  });

  it('an annotation import writes every note with its mark', async () => {
    const { db, store } = await dossier();
    const file = Array.from({ length: ANNOTATIONS }, (_, i) => annotation(i));
    expect(await store.annotations.import(file)).toMatchObject({ added: ANNOTATIONS });
    const marks = new Set(await db.getAllKeys('syncMarks'));
    expect(file.every((a) => marks.has(`a:${a.id}`))).toBe(true);
    expect(await db.count('annotations')).toBe(ANNOTATIONS);
  });

  for (const how of ['throw', 'abort'] as FailureMode[]) {
    for (const at of [3, 2_001, 2_700, 5_000]) {
      it(`a full disk at write ${at} of an entity import (${how}) leaves every store and mark as it was`, async () => {
        const { db, store } = await dossier();
        await expectFullDiskChangesNothing(db, at, how, () => store.admin.importEntities(list(), 1));
      });
    }
    for (const at of [3, 2_100, 4_000]) {
      it(`a full disk at write ${at} of an annotation import (${how}) leaves every store and mark as it was`, async () => {
        const { db, store } = await dossier();
        await store.annotations.import([annotation(0)]);
        await expectFullDiskChangesNothing(db, at, how, () => store.annotations.import(Array.from({ length: ANNOTATIONS }, (_, i) => annotation(i + 1))));
      });
    }
  }
});
