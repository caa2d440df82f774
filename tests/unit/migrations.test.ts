// Upgrades as a user meets them: a database from the previous version with data in it, an upgrade
// that fails midway, and an upgrade blocked by a tab that keeps the old version open.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createStore, openStore, SCHEMA_VERSION, StoreError, UPGRADE_STEPS, type UpgradeStep } from '../../src/background/store';

const provenance = { outlet: 'Example News', title: 'A story', date: '2024-05-01', sentence: 'Ana Núñez spoke.' };

/** Writes a version-1 database the way the previous release did, with raw IDB. */
function writeVersion1(factory: IDBFactory): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open('dossier', 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const entities = db.createObjectStore('entities', { keyPath: 'id' });
      entities.createIndex('byKind', 'kind');
      const claims = db.createObjectStore('claims', { keyPath: 'id' });
      claims.createIndex('byEntity', 'entities', { multiEntry: true });
      const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
      quotes.createIndex('bySpeaker', 'speaker');
      quotes.createIndex('byMention', 'mentions', { multiEntry: true });
      db.createObjectStore('sources', { keyPath: 'key' });
      const sightings = db.createObjectStore('sightings', { keyPath: ['entityId', 'url'] });
      sightings.createIndex('byEntity', 'entityId');
      sightings.createIndex('byTime', 'time');
      const settings = db.createObjectStore('settings');
      entities.put({ id: 'ana-nunez', name: 'Ana Núñez', kind: 'person', aliases: [{ text: 'Núñez' }], context: 'Minister', provenance });
      claims.put({ id: 'c1', statement: 'Ana Núñez resigned.', entities: ['ana-nunez'], cues: [['resign']], provenance });
      quotes.put({ id: 'q1', text: 'I will stay.', speaker: 'ana-nunez', mentions: [], provenance });
      sightings.put({ entityId: 'ana-nunez', url: 'https://news.example/a', title: 'A', time: 5, count: 2 });
      settings.put(true, 'site-disabled:news.example');
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('dossier');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function getRaw(db: IDBDatabase, store: string, key: IDBValidKey): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the open to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('openStore upgrades', () => {
  it('creates every store on a fresh install', async () => {
    const db = await openStore({ factory: new IDBFactory() });
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['annotations', 'claims', 'entities', 'quoteCounts', 'quotes', 'settings', 'sightings', 'siteQuotes', 'sources', 'syncMarks']);
    db.close();
  });

  it('keeps and migrates the data of a version-1 database', async () => {
    const factory = new IDBFactory();
    await writeVersion1(factory);
    const db = await openStore({ factory });
    expect(db.version).toBe(SCHEMA_VERSION);

    const entity = await db.get('entities', 'ana-nunez');
    expect(entity?.origin).toBe('seed');
    expect((await db.get('claims', 'c1'))?.origin).toBe('seed');
    expect((await db.get('quotes', 'q1'))?.text).toBe('I will stay.');
    // v8: the page's sighting is in the entity's record for its day (day 0: time 5 ms after the epoch).
    expect(await db.get('sightings', ['ana-nunez', 0, 0])).toMatchObject({ time: 5, pages: [{ url: 'https://news.example/a', title: 'A', time: 5, count: 2 }] });

    // The migrated record is findable by the new index, without diacritics or case.
    const store = createStore(async () => db);
    const found = await store.search('NUNEZ', 10);
    expect(found.entities.map((e) => e.id)).toEqual(['ana-nunez']);
    expect(await store.getSiteDisabled('news.example')).toBe(true);
    db.close();
  });

  it('leaves the old version and its data readable when a step fails midway', async () => {
    const factory = new IDBFactory();
    await writeVersion1(factory);
    const failing: UpgradeStep = async (_db, tx) => {
      await tx.objectStore('entities').delete('ana-nunez');
      throw new Error('disk on fire');
    };
    const error = await rejection(openStore({ factory, steps: [...UPGRADE_STEPS, failing] }));
    expect(error.code).toBe('upgrade');
    expect(error.message).toMatch(new RegExp(`from version 1 to ${UPGRADE_STEPS.length + 1}.*disk on fire.*left as it was`));

    const raw = await openRaw(factory);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames]).not.toContain('annotations');
    expect(await getRaw(raw, 'entities', 'ana-nunez')).toMatchObject({ name: 'Ana Núñez' });
    raw.close();

    // The next release without the bug still upgrades the same data.
    const db = await openStore({ factory });
    expect((await db.get('entities', 'ana-nunez'))?.origin).toBe('seed');
    db.close();
  });

  it('aborts the upgrade when a synchronous step throws', async () => {
    const factory = new IDBFactory();
    const first = await openStore({ factory });
    await first.put('settings', 'kept', 'marker');
    first.close();
    const throwing: UpgradeStep = () => {
      throw new Error('bad step');
    };
    expect((await rejection(openStore({ factory, steps: [...UPGRADE_STEPS, throwing] }))).code).toBe('upgrade');
    const again = await openStore({ factory });
    expect(await again.get('settings', 'marker')).toBe('kept');
    again.close();
  });

  it('reports "blocked" instead of hanging when an old connection will not close', async () => {
    const factory = new IDBFactory();
    await writeVersion1(factory);
    const stubborn = await openRaw(factory); // no onversionchange handler: it never closes
    const error = await rejection(openStore({ factory }));
    expect(error.code).toBe('blocked');
    expect(error.message).toMatch(/Close other Dossier pages/);

    stubborn.close();
    const db = await openStore({ factory });
    expect(db.version).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('closes its own connection when a newer version opens, so it never blocks an update', async () => {
    const factory = new IDBFactory();
    let closed = false;
    const old = await openStore({ factory, onClose: () => (closed = true) });
    const noop: UpgradeStep = () => undefined;
    const newer = await openStore({ factory, steps: [...UPGRADE_STEPS, noop] });
    expect(newer.version).toBe(SCHEMA_VERSION + 1);
    expect(closed).toBe(true);
    newer.close();
    void old;
  });
});
