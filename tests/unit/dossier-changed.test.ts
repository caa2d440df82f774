// Open pages are told when what they show may have changed (background/broadcasts/dossier-changed.ts):
// once after a burst of writes, never when the list and the colours are what was told last, and a
// read (the options page listing entities, a page asking for the colours) is no change. The
// store's hook fires after the writes that can change the list or the colours, and the list's
// version (what pages compare) follows its content, not its counts.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDossierAnnouncer } from '../../src/background/broadcasts/dossier-changed';
import type { Store } from '../../src/background/store';
import type { Entity, EntityList } from '../../src/core/types';
import type { FirstStageInit, MatchList } from '../../src/shared/messages';
import { content, openStoreRouter, options, type StoreRouter } from './store-router';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const source = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: 'https://news.example/s', sentence: 'S.' };
const person = (id: string, name: string): Entity => ({ id, name, kind: 'person', aliases: [], context: 'Politician', provenance: source });
const list = (...entities: Entity[]): EntityList => ({ version: 1, entities, claims: [], quotes: [], distinct: [] });

describe('the announcer', () => {
  function announcer(versions: string[]) {
    const told: string[] = [];
    let reads = 0;
    const a = createDossierAnnouncer(
      async () => versions[Math.min(reads++, versions.length - 1)]!,
      async () => void told.push(versions[Math.min(reads - 1, versions.length - 1)]!),
      5,
    );
    return { a, told, reads: () => reads };
  }

  it('checks once after a burst of writes, and tells the pages the first time', async () => {
    const { a, told, reads } = announcer(['v1']);
    a.written();
    a.written();
    a.written();
    await a.settled();
    expect(reads()).toBe(1);
    expect(told).toEqual(['v1']);
  });

  it('tells nobody when what pages show is what was told last, and tells again when it differs', async () => {
    const { a, told } = announcer(['v1', 'v1', 'v2']);
    a.written();
    await a.settled();
    a.written();
    await a.settled();
    expect(told).toEqual(['v1']);
    a.written();
    await a.settled();
    expect(told).toEqual(['v1', 'v2']);
  });

  it('survives a check that fails: the next write checks again', async () => {
    let fail = true;
    const told: string[] = [];
    const a = createDossierAnnouncer(
      async () => {
        if (fail) throw new Error('database closed');
        return 'v1';
      },
      async () => void told.push('v1'),
      5,
    );
    a.written();
    await a.settled();
    fail = false;
    a.written();
    await a.settled();
    expect(told).toEqual(['v1']);
  });
});

describe("the store's hook and the list's version", () => {
  let store: Store;
  let ok: StoreRouter['ok'];
  let writes = 0;

  beforeEach(async () => {
    writes = 0;
    ({ store, ok } = await openStoreRouter({ now: NOW, sender: content, hooks: { dossierWritten: () => writes++ } }));
    await store.syncSeed(list(person('tom-hale', 'Tom Hale'), person('lea-muller', 'Léa Müller')));
    writes = 0;
  });

  it('fires after an entity is saved, deleted or imported, an article added and the colours set; not after reads or sightings', async () => {
    await ok('entities/list', {}, options);
    await ok('settings/colours', {}, options);
    await ok('settings/colours', {}, content);
    await ok('sites/list', {}, options);
    await ok('sightings/record', { url: 'https://news.example/story', title: 'Story', counts: { 'tom-hale': 2 } });
    await ok('list/match', {});
    expect(writes, 'reads and sightings are no change').toBe(0);
    await ok('entities/save', { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [], context: 'Mathematician' } }, options);
    expect(writes).toBe(1);
    await ok('entities/delete', { id: 'lea-muller' }, options);
    expect(writes).toBe(2);
    await ok('settings/colours/set', { colours: { person: '#112233' } }, options);
    expect(writes).toBe(3);
    await ok('list/add', list(person('ann-ode', 'Ann Ode')), options);
    expect(writes).toBe(4);
  });

  it("gives pages the list's version with the filter and the list, changed by an edit that keeps the counts", async () => {
    const before = await ok<FirstStageInit>('page/filter', { host: 'news.example' });
    const match = await ok<MatchList>('list/match', {});
    expect(before.version).toMatch(/^[0-9a-z]+$/);
    expect(match.version).toBe(before.version);
    const shown = await store.getShownVersion();
    // Another name for Tom Hale: as many entities as before, another list.
    await ok('entities/save', { entity: { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [{ text: 'Senator Hale' }], context: 'Senator' } }, options);
    const after = await ok<FirstStageInit>('page/filter', { host: 'news.example' });
    expect(after.version).not.toBe(before.version);
    expect(await store.getShownVersion()).not.toBe(shown);
    // New colours, the same list: what pages show changed, the list's version did not.
    const shownNow = await store.getShownVersion();
    await ok('settings/colours/set', { colours: { person: '#112233' } }, options);
    expect((await ok<FirstStageInit>('page/filter', { host: 'news.example' })).version).toBe(after.version);
    expect(await store.getShownVersion()).not.toBe(shownNow);
  });
});
