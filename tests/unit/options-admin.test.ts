// The options page's messages on a real store (fake-indexeddb): entity edits and deletions that
// survive a seed update, entity imports (JSON and CSV) that preview, apply whole or not at all,
// the list of switched-off sites, the highlight colours, and who may send what.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DossierDB, Store } from '../../src/background/store';
import type { Entity, EntityList } from '../../src/core/types';
import { content, openStoreRouter, type StoreRouter } from './store-router';

const NOW = Date.parse('2024-06-01T12:00:00Z');

const source = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: 'https://news.example/a', sentence: 'S.' };
const person = (id: string, name: string, context = 'Politician'): Entity => ({ id, name, kind: 'person', aliases: [], context, provenance: source });

function seed(context = 'Senator'): EntityList {
  return {
    version: 1,
    entities: [person('tom-hale', 'Tom Hale', context), person('lea-muller', 'Léa Müller', context)],
    claims: [],
    quotes: [],
    distinct: [],
  };
}

let db: DossierDB;
let store: Store;
let send: StoreRouter['send'];
let ok: StoreRouter['ok'];

beforeEach(async () => {
  ({ db, store, send, ok } = await openStoreRouter({ now: NOW }));
  await store.syncSeed(seed());
});

const listIds = async () => (await store.getEntityList()).entities.map((e) => e.id).sort();
const contextOf = async (id: string) => (await store.getEntityList()).entities.find((e) => e.id === id)?.context;

describe('entity list management', () => {
  it('lists every entity with its origin, and adds one the matcher then finds by its alias', async () => {
    const added = await ok<{ entity: { id: string; origin: string } }>('entities/save', {
      entity: { name: 'Ada Lovelace', kind: 'person', aliases: [{ text: 'Lovelace' }, { text: 'AL', exactCase: true }], context: 'Mathematician' },
    });
    expect(added.entity).toMatchObject({ id: 'ada-lovelace', origin: 'user' });
    const { entities } = await ok<{ entities: { id: string; origin: string }[] }>('entities/list', {});
    expect(entities.map((e) => [e.id, e.origin])).toEqual([['ada-lovelace', 'user'], ['lea-muller', 'seed'], ['tom-hale', 'seed']]);
    const list = await store.getEntityList();
    expect(list.entities.find((e) => e.id === 'ada-lovelace')?.aliases).toEqual([{ text: 'Lovelace' }, { text: 'AL', exactCase: true }]);
    // The search index knows the alias too.
    expect((await store.search('lovel', 5)).entities.map((e) => e.id)).toEqual(['ada-lovelace']);
  });

  it('keeps an edited seed entity through a seed update that changes it', async () => {
    await ok('entities/save', { entity: { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [{ text: 'Hale', needsContext: true }], context: 'My own note' } });
    const result = await store.syncSeed(seed('Former senator'));
    expect(result.kept).toBe(1);
    expect(await contextOf('tom-hale')).toBe('My own note');
    // The untouched one did follow the seed: the update really ran.
    expect(await contextOf('lea-muller')).toBe('Former senator');
  });

  it('deletes a user entity for good, and a seed entity so that a seed update does not bring it back', async () => {
    await ok('entities/save', { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [], context: '' } });
    await store.recordSightings('https://news.example/x', 'X', { 'tom-hale': 2 }, NOW);
    expect(await ok('entities/delete', { id: 'ada-lovelace' })).toEqual({ deleted: true });
    expect(await ok('entities/delete', { id: 'tom-hale' })).toEqual({ deleted: true });
    expect(await ok('entities/delete', { id: 'tom-hale' })).toEqual({ deleted: false });
    expect(await db.count('sightings')).toBe(0);

    await store.syncSeed(seed('Former senator'));
    expect(await listIds()).toEqual(['lea-muller']);

    // Adding it back by hand is the user's wish: it returns, and is theirs.
    await ok('entities/save', { entity: { name: 'Tom Hale', kind: 'person', aliases: [], context: 'Back' } });
    await store.syncSeed(seed('Senator again'));
    expect(await listIds()).toEqual(['lea-muller', 'tom-hale']);
    expect(await contextOf('tom-hale')).toBe('Back');
  });

  it('refuses edits of an entity that is gone, and malformed drafts field by field', async () => {
    const gone = await send('entities/save', { entity: { id: 'nobody', name: 'X', kind: 'person', aliases: [], context: '' } });
    expect(gone).toMatchObject({ ok: false, error: expect.stringMatching(/No entity "nobody"/) });
    const cases: [unknown, RegExp][] = [
      [{ entity: { name: ' ', kind: 'person', aliases: [], context: '' } }, /payload\.entity\.name must not be blank/],
      [{ entity: { name: 'X', kind: 'thing', aliases: [], context: '' } }, /payload\.entity\.kind must be one of/],
      [{ entity: { name: 'X', kind: 'person', aliases: [{ text: 'x', exactCase: 'yes' }], context: '' } }, /payload\.entity\.aliases\[0\]\.exactCase must be true or false/],
      [{ entity: { name: 'X', kind: 'person', aliases: [], context: '', colour: 'red' } }, /payload\.entity\.colour is not an allowed field/],
      [JSON.parse('{"entity": {"__proto__": {"x": 1}, "name": "X", "kind": "person", "aliases": [], "context": ""}}'), /forbidden key "__proto__"/],
    ];
    for (const [payload, error] of cases) expect(await send('entities/save', payload)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(await listIds()).toEqual(['lea-muller', 'tom-hale']);
  });

  it('answers a content script on none of the destructive messages', async () => {
    for (const [type, payload] of [
      ['entities/list', {}],
      ['entities/save', { entity: { name: 'X', kind: 'person', aliases: [], context: '' } }],
      ['entities/delete', { id: 'tom-hale' }],
      ['entities/import', { text: 'X,person', format: 'csv', apply: true }],
      ['sites/list', {}],
      ['settings/colours/set', { colours: {} }],
      ['backup/export', {}],
      ['backup/restore', { text: '{}' }],
    ] as const) {
      expect(await send(type, payload, content)).toMatchObject({ ok: false, error: expect.stringMatching(/may not be sent by a content script/) });
    }
    expect(await listIds()).toEqual(['lea-muller', 'tom-hale']);
  });
});

describe('entity list import', () => {
  const csv = 'name,kind,aliases,context\nAda Lovelace,person,Lovelace,Mathematician\nTom Hale,person,Hale,Imported\n';

  it('previews a CSV file without writing, then applies it whole', async () => {
    const preview = await ok('entities/import', { text: csv, format: 'csv', apply: false, filename: 'people.csv' });
    expect(preview).toEqual({ applied: false, entities: 2, claims: 0, quotes: 0, added: 1, replaced: 1, sample: ['Ada Lovelace', 'Tom Hale'] });
    expect(await listIds()).toEqual(['lea-muller', 'tom-hale']);

    const applied = await ok('entities/import', { text: csv, format: 'csv', apply: true, filename: 'people.csv' });
    expect(applied).toMatchObject({ applied: true, added: 1, replaced: 1 });
    expect(await listIds()).toEqual(['ada-lovelace', 'lea-muller', 'tom-hale']);
    // Imported entities are the user's: the next seed update leaves them alone.
    await store.syncSeed(seed('Seed changed'));
    expect(await contextOf('tom-hale')).toBe('Imported');
    const ada = (await store.getEntityList()).entities.find((e) => e.id === 'ada-lovelace');
    expect(ada?.provenance).toMatchObject({ outlet: 'CSV import', title: 'people.csv', date: '2024-06-01' });
  });

  it('imports a JSON entity list with its claims and distinct names', async () => {
    const list: EntityList = {
      version: 1,
      entities: [person('ada-lovelace', 'Ada Lovelace')],
      claims: [{ id: 'engine', statement: 'Lovelace wrote the first program.', entities: ['ada-lovelace'], cues: [['first program']], provenance: source }],
      quotes: [],
      distinct: [{ text: 'Lovelace Road', note: 'A street' }],
    };
    expect(await ok('entities/import', { text: JSON.stringify(list), format: 'json', apply: true })).toMatchObject({ entities: 1, claims: 1, added: 1 });
    const stored = await store.getEntityList();
    expect(stored.claims.map((c) => c.id)).toEqual(['engine']);
    expect(stored.distinct).toEqual([{ text: 'Lovelace Road', note: 'A street' }]);
  });

  it.each([
    ['a CSV error', 'Ada,person\nBob,thing', 'csv', /^Nothing was imported\. line 2, column 2 \(kind\)/],
    ['a JSON list with a wrong type', JSON.stringify({ ...seed(), entities: [{ ...person('a', 'A'), aliases: 'A' }] }), 'json', /^Nothing was imported\. entities\[0\]\.aliases: expected an array/],
    ['a __proto__ key', '{"version":1,"__proto__":{},"entities":[],"claims":[],"quotes":[],"distinct":[]}', 'json', /__proto__/],
    ['a truncated file', JSON.stringify(seed()).slice(0, 50), 'json', /truncated/],
  ])('refuses %s and changes nothing', async (_what, text, format, error) => {
    const before = await store.getEntityList();
    expect(await send('entities/import', { text, format, apply: true })).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(await store.getEntityList()).toEqual(before);
  });
});

describe('sites and colours', () => {
  it('lists the sites where Dossier is off, and removes one', async () => {
    await store.setSiteDisabled('www.BBC.co.uk', true);
    await store.setSiteDisabled('example.org', true);
    expect(await ok('sites/list', {})).toEqual({ hosts: ['example.org', 'www.bbc.co.uk'] });
    await ok('site/set', { host: 'www.bbc.co.uk', disabled: false });
    expect(await ok('sites/list', {})).toEqual({ hosts: ['example.org'] });
  });

  it('stores the colours per kind; the content script may read them but not change them', async () => {
    expect(await ok('settings/colours', {})).toEqual({ colours: {} });
    expect(await ok('settings/colours/set', { colours: { person: '#FF0000', claim: '#00ff00' } })).toEqual({ colours: { person: '#ff0000', claim: '#00ff00' } });
    expect(await send('settings/colours', {}, content)).toEqual({ ok: true, value: { colours: { person: '#ff0000', claim: '#00ff00' } } });
    expect(await send('settings/colours/set', { colours: { person: 'red' } })).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.colours\.person must be a colour/) });
    expect(await send('settings/colours/set', { colours: { shoe: '#000000' } })).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.colours\.shoe is not an allowed field/) });
  });
});
