// A reader who allows Dossier in private windows still leaves no trace of what they read there: the
// pages where they met a name ("Seen elsewhere") and the quotes read there (which keep the page's
// address) were written to the dossier on disk like any other. The background now tells a private
// window's tab by what the browser reports of the sender (`tab.incognito`), never by the message.
// (A real-browser test would need the extension allowed in private windows, a switch only a person
// can flip in chrome://extensions.)
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/background/store';
import type { EntityCardData } from '../../src/shared/messages';
import { byPutin, putinList } from './putin-dossier';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';

const PRIVATE = 'https://news.example/private-read';
const inPrivate = (url: string) => ({ ...contentAt(url), tab: { id: 7, url, incognito: true } });

let store: Store;
let ok: StoreRouter['ok'];
const card = () => ok<EntityCardData>('card/entity', { entityId: 'vladimir-putin', url: 'https://reader.example/' }, contentAt('https://reader.example/'));
const harvest = (url: string, sender: ReturnType<typeof contentAt>) =>
  ok<{ added: number }>('quotes/harvest', { url, title: 'Putin story', outlet: 'News', date: '2024-06-03', quotes: [byPutin('We will meet again in the autumn')] }, sender);

beforeEach(async () => {
  ({ store, ok } = await openStoreRouter({ now: Date.parse('2024-06-03T10:00:00Z') }));
  await store.syncSeed(putinList);
});

describe('a page read in a private window', () => {
  it('is not kept under "Seen elsewhere"; the same page in a normal window is', async () => {
    expect(await ok('sightings/record', { url: PRIVATE, title: 'Read in private', counts: { 'vladimir-putin': 2 } }, inPrivate(PRIVATE))).toEqual({ recorded: 0 });
    expect((await card()).sightings).toEqual([]);
    expect(await ok('sightings/record', { url: PRIVATE, title: 'Read in the open', counts: { 'vladimir-putin': 2 } }, contentAt(PRIVATE))).toEqual({ recorded: 1 });
    expect((await card()).sightings.map((s) => s.url)).toEqual([PRIVATE]);
  });

  it('adds none of its quotes (they would keep its address); the same page in a normal window does', async () => {
    expect(await harvest(PRIVATE, inPrivate(PRIVATE))).toEqual({ added: 0, merged: 0 });
    expect((await card()).quotesBy.map((q) => q.text)).not.toContain('We will meet again in the autumn');
    expect((await harvest(PRIVATE, contentAt(PRIVATE))).added).toBe(1);
    expect((await card()).quotesBy.map((q) => q.text)).toContain('We will meet again in the autumn');
  });
});
