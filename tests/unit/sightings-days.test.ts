// Sightings kept as one record per entity and day (store v8, src/background/store/sightings/):
// what a reader sees is what the flat store (one record per entity and page) showed — the card's
// "Seen elsewhere", a backup — while the store holds a few records instead of one per page. And
// the upgrade regroups a v7 store without losing a sighting.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createStore, openStore, UPGRADE_STEPS, type DossierDB, type Store } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import { parseBackup } from '../../src/background/store/backup-validate';
import type { SightingRecord } from '../../src/background/store/schema';
import { DAY_MS, flattenSightings, groupSightings, PAGES_PER_RECORD } from '../../src/background/store/sightings/day-records';
import { SITE_PAGES_PER_DAY } from '../../src/background/store/sightings/write-visit';
import { unmarked } from '../../src/background/store/sync-marks';
import type { Entity, EntityList } from '../../src/core/types';

const provenance = { outlet: 'Example News', title: 'A story', date: '2024-05-01', sentence: 'S.' };
const person = (id: string): Entity => ({ id, name: `Person ${id.replace(/\W/g, ' ')}`, kind: 'person', aliases: [], context: 'Politician', provenance });
// Ids a user may choose, one a prefix of another: no entity's range may hold another's records.
const IDS = ['lea', 'lea-2', '__proto__', 'a\u0000b'];
const SEED: EntityList = { version: 1, entities: IDS.map(person), claims: [], quotes: [], distinct: [] };
const T0 = Date.parse('2024-06-01T08:00:00Z');
const HOUR = 3_600_000;

async function fresh(factory = new IDBFactory()): Promise<{ db: DossierDB; store: Store }> {
  const db = await openStore({ factory });
  const store = createStore(async () => db);
  await store.syncSeed(SEED);
  return { db, store };
}

const visit = (store: Store, url: string, ids: Record<string, number>, time: number, title = `Title of ${url}`) => store.recordSightings(url, title, ids, time);

describe('day records: grouping and flattening', () => {
  it('groups flat sightings by entity and day, bounded per record, and flattens back to the same list', () => {
    const flat: SightingRecord[] = [];
    for (let i = 0; i < PAGES_PER_RECORD + 5; i++) flat.push({ entityId: 'lea', url: `https://a.example/${i}`, title: `A ${i}`, time: T0 + i, count: 1 });
    flat.push({ entityId: 'lea', url: 'https://b.example/', title: 'B', time: T0 + DAY_MS, count: 2 });
    flat.push({ entityId: 'lea-2', url: 'https://a.example/0', title: 'A 0', time: T0, count: 3 });
    const records = groupSightings(flat);
    expect(records.map((r) => [r.entityId, r.day, r.part, r.pages.length])).toEqual([
      ['lea', Math.floor(T0 / DAY_MS), 0, PAGES_PER_RECORD],
      ['lea', Math.floor(T0 / DAY_MS), 1, 5],
      ['lea', Math.floor(T0 / DAY_MS) + 1, 0, 1],
      ['lea-2', Math.floor(T0 / DAY_MS), 0, 1],
    ]);
    // Each record's time is its newest page's (the byTime index).
    expect(records[1]!.time).toBe(T0 + PAGES_PER_RECORD + 4);
    const sorted = [...flat].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    expect(flattenSightings(records)).toEqual(sorted);
  });

  it('flattens a page seen on two days to its newest visit, once', () => {
    const records = groupSightings([{ entityId: 'lea', url: 'https://a.example/', title: 'Old', time: T0, count: 1 }]);
    records.push(...groupSightings([{ entityId: 'lea', url: 'https://a.example/', title: 'New', time: T0 + 3 * DAY_MS, count: 4 }]));
    expect(flattenSightings(records)).toEqual([{ entityId: 'lea', url: 'https://a.example/', title: 'New', time: T0 + 3 * DAY_MS, count: 4 }]);
  });
});

describe('the writer: one record per entity and day', () => {
  it('puts a day of visits into one record per entity, a revisit overwriting its page', async () => {
    const { db, store } = await fresh();
    await visit(store, 'https://a.example/1', { lea: 2, 'lea-2': 1 }, T0);
    await visit(store, 'https://a.example/2#part', { lea: 1 }, T0 + HOUR);
    await visit(store, 'https://a.example/1', { lea: 5 }, T0 + 2 * HOUR, 'Updated');
    const records = await db.getAll('sightings');
    expect(records).toHaveLength(2);
    const lea = records.find((r) => r.entityId === 'lea')!;
    expect(lea.time).toBe(T0 + 2 * HOUR);
    expect(lea.pages).toEqual([
      { url: 'https://a.example/1', title: 'Updated', time: T0 + 2 * HOUR, count: 5 },
      { url: 'https://a.example/2', title: 'Title of https://a.example/2#part', time: T0 + HOUR, count: 1 },
    ]);
  });

  it('starts a new record on a new day, and a second part past the bound, dropping nothing', async () => {
    const { db, store } = await fresh();
    // Pages of as many sites: one site adds at most SITE_PAGES_PER_DAY a day (next test).
    for (let i = 0; i <= PAGES_PER_RECORD; i++) await visit(store, `https://a${i}.example/`, { lea: 1 }, T0 + i);
    await visit(store, 'https://a0.example/', { lea: 9 }, T0 + DAY_MS);
    const keys = await db.getAllKeys('sightings');
    const day = Math.floor(T0 / DAY_MS);
    expect(keys).toEqual([
      ['lea', day, 0],
      ['lea', day, 1],
      ['lea', day + 1, 0],
    ]);
    const backup = await readBackup(db, T0);
    expect(backup.sightings).toHaveLength(PAGES_PER_RECORD + 1);
    expect(backup.sightings.find((s) => s.url === 'https://a0.example/')).toMatchObject({ time: T0 + DAY_MS, count: 9 });
  });

  it('adds at most SITE_PAGES_PER_DAY new pages of one site a day; its pages met again still update, other sites still add', async () => {
    const { store } = await fresh();
    // A page that changes its own address every few seconds (history.pushState), or reloads itself.
    for (let i = 0; i < 25; i++) {
      expect(await visit(store, `https://www.evil.example/w/${i}`, { lea: 1 }, T0 + i * 2000, `Reuters story ${i}`)).toEqual({ recorded: i < SITE_PAGES_PER_DAY ? 1 : 0 });
    }
    expect(await visit(store, 'https://www.evil.example/w/0', { lea: 7 }, T0 + HOUR)).toEqual({ recorded: 1 });
    expect(await visit(store, 'https://news.example/real', { lea: 1 }, T0 + 2 * HOUR)).toEqual({ recorded: 1 });
    const seen = (await store.getEntityCard('lea', 'https://x.example/')).sightings;
    expect(seen.filter((s) => s.url.includes('evil.example'))).toHaveLength(SITE_PAGES_PER_DAY);
    expect(seen[0]?.url).toBe('https://news.example/real');
    // The next day the site may add pages again.
    expect(await visit(store, 'https://evil.example/w/99', { lea: 1 }, T0 + DAY_MS)).toEqual({ recorded: 1 });
  });
});

describe("the card's Seen elsewhere", () => {
  it('lists the newest pages but this one, each once, up to 20, newest first, across days', async () => {
    const { store } = await fresh();
    // 30 days, two pages a day; page "daily" every day; the page being read is also the newest.
    for (let d = 0; d < 30; d++) {
      await visit(store, `https://a.example/day-${d}`, { lea: 1 }, T0 + d * DAY_MS);
      await visit(store, 'https://a.example/daily', { lea: d + 1 }, T0 + d * DAY_MS + HOUR);
    }
    await visit(store, 'https://now.example/', { lea: 3, 'lea-2': 1 }, T0 + 30 * DAY_MS);
    const card = await store.getEntityCard('lea', 'https://now.example/#top');
    expect(card.sightings).toHaveLength(20);
    expect(card.sightings[0]).toEqual({ url: 'https://a.example/daily', title: 'Title of https://a.example/daily', time: T0 + 29 * DAY_MS + HOUR, count: 30 });
    expect(card.sightings.slice(1).map((s) => s.url)).toEqual(Array.from({ length: 19 }, (_, i) => `https://a.example/day-${29 - i}`));
    // Another entity whose id starts the same sees only its own.
    expect((await store.getEntityCard('lea-2', 'https://x.example/')).sightings.map((s) => s.url)).toEqual(['https://now.example/']);
  });

  it('orders equal times by URL, as the flat store did', async () => {
    const { store } = await fresh();
    await visit(store, 'https://b.example/', { lea: 1 }, T0);
    await visit(store, 'https://a.example/', { lea: 1 }, T0);
    expect((await store.getEntityCard('lea', 'https://x.example/')).sightings.map((s) => s.url)).toEqual(['https://a.example/', 'https://b.example/']);
  });
});

describe('deleting an entity', () => {
  it('deletes its sightings of every day, and only its', async () => {
    const { db, store } = await fresh();
    await visit(store, 'https://a.example/', { lea: 1, 'lea-2': 1 }, T0);
    await visit(store, 'https://b.example/', { lea: 1 }, T0 + DAY_MS);
    await unmarked(db).clear('syncMarks'); // a pass ran: nothing waits to sync
    expect(await store.admin.deleteEntity('lea', T0)).toBe(true);
    expect((await db.getAll('sightings')).map((r) => r.entityId)).toEqual(['lea-2']);
    // Sync is told which pages went (one mark per page, as the flat store's deletes made).
    const marks = await unmarked(db).getAllKeys('syncMarks');
    expect(marks).toEqual(expect.arrayContaining(['s:lea\nhttps://a.example/', 's:lea\nhttps://b.example/']));
    expect(marks).not.toContain('*'); // no full rescan
  });
});

describe('backup and restore', () => {
  it('writes a flat backup and restores an old flat one into day records, round trip unchanged', async () => {
    const { db, store } = await fresh();
    // A backup as every version wrote it: flat, one per entity and page.
    const flat: SightingRecord[] = [];
    for (let i = 0; i < 450; i++) flat.push({ entityId: IDS[i % IDS.length]!, url: `https://a.example/${i}`, title: `T ${i}`, time: T0 + (i % 3) * DAY_MS + i, count: 1 + (i % 4) });
    const old = await readBackup(db, T0);
    const text = JSON.stringify({ ...old, sightings: flat });
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const counts = await store.admin.restoreBackup(parsed.backup);
    expect(counts.sightings).toBe(450);
    // 4 entities × 3 days, each day under the bound: 12 records instead of 450.
    expect(await db.count('sightings')).toBe(12);
    const again = await readBackup(db, T0);
    expect(again.sightings).toEqual(flattenSightings(groupSightings(flat)));
    expect(new Set(again.sightings.map((s) => `${s.entityId} ${s.url}`)).size).toBe(450);
    // The same bytes as the flat backup (entries sorted as the flat store's key sorted them).
    const sorted = [...flat].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    expect(JSON.stringify(again.sightings)).toBe(JSON.stringify(sorted));
    expect((await store.getEntityCard('lea', 'https://x.example/')).sightings[0]).toMatchObject({ url: 'https://a.example/440', time: T0 + 2 * DAY_MS + 440 });
  });
});

describe('the upgrade from v7', () => {
  it('regroups a flat store into day records without losing a sighting', async () => {
    const factory = new IDBFactory();
    const v7 = await openStore({ factory, steps: UPGRADE_STEPS.slice(0, 7) });
    expect(v7.version).toBe(7);
    const flat: SightingRecord[] = [];
    for (let i = 0; i < 2 * PAGES_PER_RECORD + 30; i++) flat.push({ entityId: 'lea', url: `https://a.example/${i}`, title: `A ${i}`, time: T0 + i, count: 1 });
    for (let d = 0; d < 5; d++) flat.push({ entityId: 'a\u0000b', url: `https://b.example/${d}`, title: `B ${d}`, time: T0 + d * DAY_MS, count: d + 1 });
    flat.push({ entityId: '__proto__', url: 'https://c.example/', title: '', time: 0, count: 0 });
    const tx = unmarked(v7).transaction('sightings', 'readwrite');
    for (const s of flat) void tx.store.put(s as never);
    await tx.done;
    v7.close();

    const db = await openStore({ factory });
    expect(db.version).toBe(UPGRADE_STEPS.length);
    const records = await db.getAll('sightings');
    // 430 pages of one day in 3 records, 5 days of another entity, 1 of the third.
    expect(records).toHaveLength(3 + 5 + 1);
    const sorted = [...flat].sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    expect(flattenSightings(records)).toEqual(sorted);
    expect([...db.transaction('sightings').store.indexNames]).toEqual(['byTime']);
    db.close();
  });
});
