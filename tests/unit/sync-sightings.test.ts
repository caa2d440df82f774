// Sync of sightings after the store keeps them per entity and day (store/sightings/): the wire
// stays one document per entity and page ("s:<entity>\n<url>", a flat payload), so installs from
// before and remote databases written by them keep working. The push reads day records and sends
// flat documents; the pull merges flat documents into day records, the newest visit winning.
// Two devices through a real CouchDB-compatible server (express-pouchdb in memory), as
// sync-engine.test.ts does.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyToDossier, checkIncoming, readOne, scanDossier } from '../../src/background/sync/records';
import { unmarked } from '../../src/background/store/sync-marks';
import { DAY_MS } from '../../src/background/store/sightings/day-records';
import type { Entity, EntityList } from '../../src/core/types';
import { serverForThisFile } from '../couch/story-fixtures';
import { makeDevice, type Device } from '../couch/devices';

const PASSWORD = 'pw-of-the-team';
const couch = serverForThisFile();
let database = 0;
async function team(): Promise<string> {
  const name = `sightings${++database}`;
  await couch().createTeam(name, { writers: ['ana', 'ben'], password: PASSWORD });
  return name;
}
const settings = (db: string, username: string) => ({ server: couch().url, database: db, username, password: PASSWORD, passphrase: 'correct horse battery staple', history: true });

const provenance = { outlet: 'Example News', title: 'A story', date: '2024-05-01', sentence: 'S.' };
const person = (id: string): Entity => ({ id, name: `Person ${id}`, kind: 'person', aliases: [], context: 'Politician', provenance });
const SEED: EntityList = { version: 1, entities: ['lea', 'tom'].map(person), claims: [], quotes: [], distinct: [] };
const T0 = Date.parse('2024-06-01T08:00:00Z');

async function device(name: string): Promise<Device> {
  const d = await makeDevice(name);
  await d.store.syncSeed(SEED);
  return d;
}

const seen = async (d: Device, id: string) => (await d.store.getEntityCard(id, 'https://elsewhere.example/')).sightings;

describe('sightings and sync', () => {
  it('marks only the visited page of a day record', async () => {
    const a = await device('a');
    await a.store.recordSightings('https://a.example/1', 'One', { lea: 1 }, T0);
    await unmarked(a.db).clear('syncMarks');
    await a.store.recordSightings('https://a.example/2', 'Two', { lea: 1, tom: 2 }, T0 + 1000);
    expect((await unmarked(a.db).getAllKeys('syncMarks')).sort()).toEqual(['s:lea\nhttps://a.example/2', 's:tom\nhttps://a.example/2']);
  });

  it('reads and scans flat payloads, one per entity and page, the newest visit of a page seen on two days', async () => {
    const a = await device('a');
    await a.store.recordSightings('https://a.example/1', 'Old title', { lea: 1 }, T0);
    await a.store.recordSightings('https://a.example/2', 'Two', { lea: 2 }, T0 + 1000);
    await a.store.recordSightings('https://a.example/1', 'New title', { lea: 3 }, T0 + 2 * DAY_MS);
    expect(await readOne(a.db, 's:lea\nhttps://a.example/1')).toEqual({ entityId: 'lea', url: 'https://a.example/1', title: 'New title', time: T0 + 2 * DAY_MS, count: 3 });
    expect(await readOne(a.db, 's:lea\nhttps://nowhere.example/')).toBeUndefined();
    const docs = [];
    for await (const batch of scanDossier(a.db, { history: true })) docs.push(...batch.filter((d) => d.key.startsWith('s:')));
    expect(docs).toEqual([
      { key: 's:lea\nhttps://a.example/1', payload: { entityId: 'lea', url: 'https://a.example/1', title: 'New title', time: T0 + 2 * DAY_MS, count: 3 } },
      { key: 's:lea\nhttps://a.example/2', payload: { entityId: 'lea', url: 'https://a.example/2', title: 'Two', time: T0 + 1000, count: 2 } },
    ]);
  });

  it("merges an older install's flat documents: the newest visit wins, a deletion removes the page from every day", async () => {
    const a = await device('a');
    await a.store.recordSightings('https://a.example/1', 'Here', { lea: 1 }, T0 + DAY_MS);
    const doc = (time: number, title: string) => checkIncoming([{ key: 's:lea\nhttps://a.example/1', payload: { entityId: 'lea', url: 'https://a.example/1', title, time, count: 7 } }]);
    // Older than what is here: kept out, and ours marked for the next push (the server's pick
    // between two devices' versions is by revision, not time: without it the other keeps the older).
    await unmarked(a.db).clear('syncMarks');
    await applyToDossier(a.db, doc(T0, 'Older'));
    expect(await seen(a, 'lea')).toEqual([{ url: 'https://a.example/1', title: 'Here', time: T0 + DAY_MS, count: 1 }]);
    expect(await unmarked(a.db).getAllKeys('syncMarks')).toEqual(['s:lea\nhttps://a.example/1']);
    // Newer, on another day: the page moves there, once.
    await applyToDossier(a.db, doc(T0 + 3 * DAY_MS, 'Newer'));
    expect(await seen(a, 'lea')).toEqual([{ url: 'https://a.example/1', title: 'Newer', time: T0 + 3 * DAY_MS, count: 7 }]);
    expect(await a.db.count('sightings')).toBe(1);
    await applyToDossier(a.db, [{ key: 's:lea\nhttps://a.example/1', payload: undefined }]);
    expect(await seen(a, 'lea')).toEqual([]);
    expect(await a.db.count('sightings')).toBe(0);
  });

  it('writes a batch of one entity\'s pages (a first pull) into full day records, each record written once', async () => {
    const a = await device('a');
    await a.store.recordSightings('https://a.example/0', 'Here first', { lea: 1 }, T0 - DAY_MS);
    const docs = Array.from({ length: 450 }, (_, i) => ({ key: `s:lea\nhttps://a.example/${i}`, payload: { entityId: 'lea', url: `https://a.example/${i}`, title: `T ${i}`, time: T0 + i, count: 1 } }));
    const written = await applyToDossier(a.db, checkIncoming(docs));
    expect(written.size).toBe(450);
    const records = await a.db.getAll('sightings');
    // Page 0 moved from the day before (its record, left empty, deleted); 450 pages of one day in 3 records.
    expect(records.map((r) => [r.day, r.part, r.pages.length])).toEqual([
      [Math.floor(T0 / DAY_MS), 0, 200],
      [Math.floor(T0 / DAY_MS), 1, 200],
      [Math.floor(T0 / DAY_MS), 2, 50],
    ]);
    expect(await readOne(a.db, 's:lea\nhttps://a.example/0')).toMatchObject({ title: 'T 0', time: T0 });
    // A deletion in the next batch takes the page out of its record.
    await applyToDossier(a.db, [{ key: 's:lea\nhttps://a.example/7', payload: undefined }]);
    expect(await readOne(a.db, 's:lea\nhttps://a.example/7')).toBeUndefined();
    expect((await a.db.getAll('sightings')).reduce((n, r) => n + r.pages.length, 0)).toBe(449);
  });

  it('brings one device\'s sightings to another through the server, and a later visit back', async () => {
    const db = await team();
    const a = await device('a');
    const b = await device('b');
    await a.store.recordSightings('https://a.example/1', 'One', { lea: 2, tom: 1 }, T0);
    await a.store.recordSightings('https://a.example/2', 'Two', { lea: 1 }, T0 + DAY_MS);
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    expect(await seen(b, 'lea')).toEqual([
      { url: 'https://a.example/2', title: 'Two', time: T0 + DAY_MS, count: 1 },
      { url: 'https://a.example/1', title: 'One', time: T0, count: 2 },
    ]);
    expect(await seen(b, 'tom')).toEqual([{ url: 'https://a.example/1', title: 'One', time: T0, count: 1 }]);
    // B stores them as day records too: one per entity and day.
    expect(await b.db.count('sightings')).toBe(3);

    // B reads page 1 again two days later; A gets the newer visit, the page listed once.
    await b.store.recordSightings('https://a.example/1', 'One, updated', { lea: 5 }, T0 + 2 * DAY_MS);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await seen(a, 'lea')).toEqual([
      { url: 'https://a.example/1', title: 'One, updated', time: T0 + 2 * DAY_MS, count: 5 },
      { url: 'https://a.example/2', title: 'Two', time: T0 + DAY_MS, count: 1 },
    ]);
    expect(await seen(a, 'tom')).toEqual([{ url: 'https://a.example/1', title: 'One', time: T0, count: 1 }]);

    // A deletes Tom: his sightings go on both devices.
    await a.store.admin.deleteEntity('tom', T0 + 3 * DAY_MS);
    await a.sync.syncNow();
    await b.sync.syncNow();
    // Léa's records stay: on A two days (page 1 moved to the newer day), on B three (B's writer
    // leaves the older copy of page 1 in its day; readers see the newest).
    expect((await a.db.getAll('sightings')).map((r) => r.entityId)).toEqual(['lea', 'lea']);
    expect((await b.db.getAll('sightings')).map((r) => r.entityId)).toEqual(['lea', 'lea', 'lea']);
  }, 60_000);

  it("deletes on the other device the pages one device's reader cleared from their history, and only those", async () => {
    const db = await team();
    const a = await device('a');
    const b = await device('b');
    await a.store.recordSightings('https://a.example/old', 'Old', { lea: 1 }, T0);
    await a.store.recordSightings('https://a.example/new', 'New', { lea: 1, tom: 1 }, T0 + 3 * DAY_MS);
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    expect((await seen(b, 'lea')).map((s) => s.url)).toEqual(['https://a.example/new', 'https://a.example/old']);
    // A's reader clears the day before T0 + 3 days.
    expect(await a.store.clearReadingHistory(T0 + 2 * DAY_MS)).toBe(1);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect((await seen(b, 'lea')).map((s) => s.url)).toEqual(['https://a.example/old']);
    expect(await seen(b, 'tom')).toEqual([]);
  }, 60_000);
});
