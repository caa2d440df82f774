// The store as the card, popup and content script use it, on fake-indexeddb: seed install and
// merge, card lookups, sightings, search, the per-site switch and clear errors.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, openStore, StoreError, toStoreError, type DossierDB, type Store } from '../../src/background/store';
import type { Entity, EntityList } from '../../src/core/types';

const source = (date: string) => ({ outlet: 'Example News', title: `Story of ${date}`, date, url: `https://news.example/${date}`, sentence: 'S.' });

const person = (id: string, name: string, context = 'Politician'): Entity => ({
  id,
  name,
  kind: 'person',
  aliases: [],
  context,
  provenance: source('2024-01-01'),
});

function seedList(): EntityList {
  return {
    version: 1,
    entities: [
      { ...person('lea-muller', 'Léa Müller', 'Foreign minister'), aliases: [{ text: 'Müller', needsContext: true }] },
      person('tom-hale', 'Tom Hale', 'Senator'),
      { id: 'un', name: 'United Nations', kind: 'organisation', aliases: [{ text: 'UN', exactCase: true }], context: 'Body', provenance: source('2024-01-01') },
    ],
    claims: [{ id: 'ceasefire', statement: 'Müller and Hale agreed a ceasefire.', entities: ['lea-muller', 'tom-hale'], cues: [['ceasefire']], provenance: source('2024-01-02') }],
    quotes: [
      { id: 'q-old', text: 'We will talk.', speaker: 'lea-muller', mentions: ['un'], provenance: source('2023-12-01') },
      { id: 'q-new', text: 'Peace is near, says Müller.', speaker: 'lea-muller', mentions: ['tom-hale'], provenance: source('2024-02-01') },
      { id: 'q-hale', text: 'Müller is right about the Accord.', speaker: 'tom-hale', mentions: ['lea-muller'], provenance: source('2024-01-15') },
    ],
    distinct: [{ text: 'United Nations Association', note: 'A charity, not the UN' }],
  };
}

let db: DossierDB;
let store: Store;

beforeEach(async () => {
  db = await openStore({ factory: new IDBFactory() });
  store = createStore(async () => db);
});

describe('seed install and update', () => {
  it('fills the store from the seed on install, and does nothing when the seed is unchanged', async () => {
    const first = await store.syncSeed(seedList());
    expect(first).toMatchObject({ action: 'installed', added: 7 });
    const list = await store.getEntityList();
    expect(list.entities.map((e) => e.id).sort()).toEqual(['lea-muller', 'tom-hale', 'un']);
    expect(list.distinct).toEqual(seedList().distinct);
    // Store-only fields stay in the background.
    expect(Object.keys(list.entities[0] ?? {}).sort()).toEqual(['aliases', 'context', 'id', 'kind', 'name', 'provenance']);
    expect((await store.syncSeed(seedList())).action).toBe('unchanged');
    expect(await db.count('sources')).toBe(5); // one record per distinct source, not per item
  });

  it('adds new seed items and updates the ones the user never touched', async () => {
    await store.syncSeed(seedList());
    const next = seedList();
    next.entities[1] = person('tom-hale', 'Tom Hale', 'Former senator');
    next.entities.push(person('ida-berg', 'Ida Berg'));
    const result = await store.syncSeed(next);
    expect(result).toMatchObject({ action: 'merged', added: 1, updated: 1, kept: 0 });
    expect((await store.getEntityCard('tom-hale', 'https://x.example/')).entity.context).toBe('Former senator');
    expect((await store.getEntityCard('ida-berg', 'https://x.example/')).entity.name).toBe('Ida Berg');
  });

  it('never overwrites what the user edited or added, but drops untouched items the seed removed', async () => {
    await store.syncSeed(seedList());
    const edited = await db.get('entities', 'tom-hale');
    if (!edited) throw new Error('seed not loaded');
    await db.put('entities', { ...edited, context: 'My own note', editedAt: 1000 });
    await db.put('entities', { ...person('own', 'My Own Person'), origin: 'user', keys: ['my own person'] });

    const next = seedList();
    next.entities = next.entities.filter((e) => e.id !== 'un');
    next.entities[1] = person('tom-hale', 'Tom Hale', 'Seed says former senator');
    next.entities.push(person('own', 'Seed Person With Same Id'));
    const result = await store.syncSeed(next);
    expect(result).toMatchObject({ kept: 2, removed: 1 });

    const list = await store.getEntityList();
    const byId = new Map(list.entities.map((e) => [e.id, e]));
    expect(byId.get('tom-hale')?.context).toBe('My own note');
    expect(byId.get('own')?.name).toBe('My Own Person');
    expect(byId.has('un')).toBe(false);
  });
});

describe('cards', () => {
  beforeEach(async () => {
    await store.syncSeed(seedList());
  });

  it('gives an entity card with claims, quotes by and about it, newest first, speaker names resolved', async () => {
    const card = await store.getEntityCard('lea-muller', 'https://now.example/');
    expect(card.entity.name).toBe('Léa Müller');
    expect(card.claims.map((c) => c.id)).toEqual(['ceasefire']);
    expect(card.quotesBy.map((q) => q.id)).toEqual(['q-new', 'q-old']);
    expect(card.quotesAbout).toEqual([expect.objectContaining({ id: 'q-hale', speakerName: 'Tom Hale' })]);
    expect(card.quotesBy[0]?.speakerName).toBe('Léa Müller');
  });

  it('lists sightings on other pages newest first, without the page being read', async () => {
    await store.recordSightings('https://a.example/1', 'First', { 'lea-muller': 2 }, 100);
    await store.recordSightings('https://b.example/2#comments', 'Second', { 'lea-muller': 1, 'tom-hale': 4 }, 200);
    await store.recordSightings('https://now.example/', 'Now', { 'lea-muller': 7 }, 300);
    const card = await store.getEntityCard('lea-muller', 'https://now.example/#top');
    expect(card.sightings).toEqual([
      { url: 'https://b.example/2', title: 'Second', time: 200, count: 1 },
      { url: 'https://a.example/1', title: 'First', time: 100, count: 2 },
    ]);
  });

  it('counts a reload as one visit and ignores ids that are not in the list', async () => {
    await store.recordSightings('https://a.example/1', 'First', { 'lea-muller': 2 }, 100);
    const again = await store.recordSightings('https://a.example/1', 'First', { 'lea-muller': 3, ghost: 5, 'tom-hale': 0 }, 150);
    expect(again.recorded).toBe(1);
    const card = await store.getEntityCard('lea-muller', 'https://elsewhere.example/');
    expect(card.sightings).toEqual([{ url: 'https://a.example/1', title: 'First', time: 150, count: 3 }]);
  });

  it('gives a claim card with its entities', async () => {
    const card = await store.getClaimCard('ceasefire');
    expect(card.entities.map((e) => e.name)).toEqual(['Léa Müller', 'Tom Hale']);
  });

  it('answers unknown ids with a not-found StoreError', async () => {
    await expect(store.getEntityCard('nobody', 'https://a.example/')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.getClaimCard('nothing')).rejects.toBeInstanceOf(StoreError);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await store.syncSeed(seedList());
  });

  it('finds names and aliases by prefix of any word, whatever the case and accents', async () => {
    expect((await store.search('mull', 10)).entities.map((e) => e.id)).toEqual(['lea-muller']);
    expect((await store.search('LEA M', 10)).entities.map((e) => e.id)).toEqual(['lea-muller']);
    expect((await store.search('un', 10)).entities.map((e) => e.id)).toContain('un');
    expect((await store.search('zz', 10)).entities).toEqual([]);
  });

  it('finds quotes containing the text, with the speaker named', async () => {
    const result = await store.search('ACCORD', 10);
    expect(result.quotes).toEqual([expect.objectContaining({ id: 'q-hale', speakerName: 'Tom Hale' })]);
  });

  it('respects the limit', async () => {
    expect((await store.search('muller', 1)).quotes).toHaveLength(1);
  });
});

describe('site switch', () => {
  it('remembers a disabled site whatever the case of the host, and re-enables it', async () => {
    expect(await store.getSiteDisabled('www.bbc.co.uk')).toBe(false);
    await store.setSiteDisabled('WWW.BBC.co.uk', true);
    expect(await store.getSiteDisabled('www.bbc.co.uk')).toBe(true);
    expect(await store.getSiteDisabled('bbc.co.uk')).toBe(false);
    await store.setSiteDisabled('www.bbc.co.uk', false);
    expect(await store.getSiteDisabled('www.bbc.co.uk')).toBe(false);
  });
});

describe('errors', () => {
  it('turns a full disk into a quota StoreError with a message a user can act on', () => {
    const error = toStoreError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(error.code).toBe('quota');
    expect(error.message).toMatch(/storage .* is full/);
  });

  it('reports unavailable IndexedDB as a StoreError, and a later call can succeed', async () => {
    let attempts = 0;
    const flaky = createStore(async () => {
      attempts++;
      if (attempts === 1) throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      return db;
    });
    await expect(flaky.getEntityList()).rejects.toMatchObject({ code: 'unavailable' });
    await expect(flaky.getEntityList()).resolves.toMatchObject({ version: 1 });
  });

  it('rejects with "unavailable" when there is no indexedDB at all', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: simulating a context without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(openStore()).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('the shipped seed', () => {
  it('round-trips through the store unchanged, so the content script matches what the seed says', async () => {
    const { SEED } = await import('../../src/data/seed');
    expect((await store.syncSeed(SEED)).action).toBe('installed');
    const list = await store.getEntityList();
    const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(list.entities)).toEqual(byId(SEED.entities));
    expect(byId(list.claims)).toEqual(byId(SEED.claims));
    expect(byId(list.quotes)).toEqual(byId(SEED.quotes));
    expect(list.distinct).toEqual(SEED.distinct);
    // Every entity is findable by its own name.
    for (const entity of SEED.entities) {
      expect((await store.search(entity.name, 100)).entities.map((e) => e.id)).toContain(entity.id);
    }
  });
});
