// The background's message gate: who may send what, which payloads get through, and that messages
// that are not ours are left to other listeners.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../src/background/routes/router';
import { createAnnotationStore } from '../../src/background/store/annotation-store';
import { createDossierAdminStore } from '../../src/background/store/dossier-store';
import { createStore, openStore, StoreError, type Store } from '../../src/background/store';
import type { EntityList } from '../../src/core/types';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const ID = 'abcdefghijklmnop';
const content = { id: ID, url: 'https://news.example/story', tab: { id: 4, url: 'https://news.example/story' } };
const popup = { id: ID, url: `${ORIGIN}popup.html` };
const optionsTab = { id: ID, url: `${ORIGIN}options.html`, tab: { id: 9, url: `${ORIGIN}options.html` } };

const noDb = (): Promise<never> => Promise.reject(new StoreError('unavailable', 'no database in this test'));

function stubStore(): Store {
  return {
    getEntityList: vi.fn(async () => ({ version: 1 as const, entities: [], claims: [], quotes: [], distinct: [] })),
    getMatchList: vi.fn(async () => ({ entities: [], claims: [], distinct: [] })),
    getPageInit: vi.fn(async () => ({ disabled: false, colours: {}, list: { entities: [], claims: [], distinct: [] } })),
    getFirstStage: vi.fn(async () => ({ disabled: false, filter: { anchors: 'putin', maxAnchor: 5, always: false } })),
    getFirstStageRecord: vi.fn(async () => ({ format: 1 as const, filter: { anchors: 'putin', maxAnchor: 5, always: false }, version: 'v', diagnostics: false, annotating: false })),
    getCardQuotes: vi.fn(async () => ({ quotes: [], total: 0 })),
    getShownVersion: vi.fn(async () => 'v/{}'),
    getEntityCard: vi.fn(async () => {
      throw new StoreError('not-found', 'No entity "x" in Dossier\'s list.');
    }),
    getClaimCard: vi.fn(async () => {
      throw new StoreError('not-found', 'no');
    }),
    warmEntityCard: vi.fn(async () => ({ warmed: true })),
    recordSightings: vi.fn(async (_url: string, _title: string, counts: Readonly<Record<string, number>>) => ({ recorded: Object.keys(counts).length })),
    search: vi.fn(async () => ({ entities: [], quotes: [] })),
    readingHistory: vi.fn(async () => ({ pages: 0, oldest: null, keepDays: null })),
    keepReadingHistory: vi.fn(async () => 0),
    forgetReadingPage: vi.fn(async () => 0),
    clearReadingHistory: vi.fn(async () => 0),
    getSiteDisabled: vi.fn(async () => false),
    setSiteDisabled: vi.fn(async (_host: string, disabled: boolean) => disabled),
    syncSeed: vi.fn(async () => ({ action: 'unchanged' as const, added: 0, updated: 0, kept: 0, removed: 0 })),
    harvestQuotes: vi.fn(async () => ({ added: 0, merged: 0 })),
    forgetCachedLists: vi.fn(),
    addList: vi.fn(async () => ({ added: 0, merged: 0, claims: 0, quotes: 0 })),
    // Annotation routes are tested against a real store in annotation-routes.test.ts.
    annotations: createAnnotationStore(() => Promise.reject(new StoreError('unavailable', 'no database in this test'))),
    // Options-page routes are tested against a real store in options-routes.test.ts.
    admin: createDossierAdminStore(noDb, noDb),
  };
}

const setup = () => {
  const store = stubStore();
  return { store, router: createRouter(store, ORIGIN, ID, () => 1234) };
};

describe('router: messages that are not ours', () => {
  it.each([undefined, null, 'list/get', 42, {}, { type: 'other/thing', payload: {} }, { type: 'toString' }, { type: '__proto__' }])(
    'returns undefined for %j so other listeners keep their replies',
    (message) => {
      expect(setup().router.handle(message, popup)).toBeUndefined();
    },
  );
});

describe('router: senders', () => {
  it('refuses destructive and search messages from a content script, without touching the store', async () => {
    const { store, router } = setup();
    const set = await router.handle({ type: 'site/set', payload: { host: 'news.example', disabled: true } }, content);
    expect(set).toEqual({ ok: false, error: '"site/set" may not be sent by a content script' });
    const search = await router.handle({ type: 'search', payload: { query: 'x' } }, content);
    expect(search?.ok).toBe(false);
    expect(store.setSiteDisabled).not.toHaveBeenCalled();
    expect(store.search).not.toHaveBeenCalled();
  });

  it('refuses sightings from an extension page: only pages the user reads are sightings', async () => {
    const reply = await setup().router.handle({ type: 'sightings/record', payload: { url: 'https://a.example/', title: 't', counts: {} } }, popup);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/extension page/) });
  });

  it('refuses senders that are neither ours nor a content script', async () => {
    const { router } = setup();
    const otherExtension = { id: 'someone-else', url: 'https://news.example/', tab: { id: 1, url: 'https://news.example/' } };
    const framedPage = { id: ID, url: `${ORIGIN}popup.html`, tab: { id: 1, url: 'https://evil.example/' } };
    const noTab = { id: ID, url: 'https://news.example/' };
    for (const sender of [otherExtension, framedPage, noTab, {}]) {
      expect(await router.handle({ type: 'list/get', payload: {} }, sender)).toMatchObject({ ok: false });
    }
  });

  it("accepts Dossier's card and note frames on a web page as extension pages, and no other page of ours framed there", async () => {
    const { router } = setup();
    const tab = { id: 1, url: 'https://news.example/story' };
    for (const path of ['card/card.html#0123456789abcdef0123456789abcdef', 'note/note.html#0123456789abcdef0123456789abcdef']) {
      expect(await router.handle({ type: 'list/get', payload: {} }, { id: ID, url: `${ORIGIN}${path}`, tab })).toMatchObject({ ok: true });
    }
    for (const path of ['options/options.html', 'card/card.js', 'card/card.html/../../options/options.html', 'card/card.htmlx']) {
      expect(await router.handle({ type: 'list/get', payload: {} }, { id: ID, url: `${ORIGIN}${path}`, tab })).toMatchObject({ ok: false });
    }
  });

  it('accepts the popup, an options tab and a content script for read-only lookups', async () => {
    const { router } = setup();
    for (const sender of [popup, optionsTab, content]) {
      expect(await router.handle({ type: 'list/get', payload: {} }, sender)).toMatchObject({ ok: true, value: { version: 1 } });
    }
  });
});

describe('router: payloads', () => {
  it.each([
    [{ type: 'card/entity', payload: { entityId: 7, url: 'https://a.example/' } }, /payload\.entityId must be a string/],
    [{ type: 'card/entity', payload: { entityId: 'x', url: 'javascript:alert(1)' } }, /payload\.url must be a http: or https: or file: URL/],
    [{ type: 'card/entity', payload: { entityId: 'x'.repeat(201), url: 'https://a.example/' } }, /payload\.entityId is longer than 200/],
    [{ type: 'card/claim', payload: { claimId: 'c', extra: 1 } }, /payload\.extra is not an allowed field/],
    [{ type: 'card/claim', payload: JSON.parse('{"claimId":"c","__proto__":{"x":1}}') as unknown }, /forbidden key "__proto__"/],
    [{ type: 'card/claim', payload: null }, /payload must be an object/],
    [{ type: 'site/get', payload: { host: 'news.example/<script>' } }, /payload\.host must be a host name/],
    [{ type: 'sightings/record', payload: { url: 'https://a.example/', title: 't', counts: { x: -1 } } }, /payload\.counts\.x must be between 0/],
    [{ type: 'sightings/record', payload: { url: 'https://a.example/', title: 't', counts: { x: 1.5 } } }, /payload\.counts\.x must be an integer/],
  ])('refuses %j naming the field', async (message, error) => {
    const reply = await setup().router.handle(message, content);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(error) });
  });

  it('takes sightings of entities whose ids are Object.prototype words, and never touches a prototype', async () => {
    const { store, router } = setup();
    const ids = ['prototype', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    // As the content script sends them: a null-prototype object, serialised and parsed again.
    const sent = Object.create(null) as Record<string, number>;
    ids.forEach((id, i) => (sent[id] = i + 1));
    const counts = JSON.parse(JSON.stringify(sent)) as unknown;
    const reply = await router.handle({ type: 'sightings/record', payload: { url: 'https://a.example/', title: 'A', counts } }, content);
    expect(reply).toEqual({ ok: true, value: { recorded: 5 } });
    const passed = vi.mocked(store.recordSightings).mock.calls[0]![2];
    expect(Object.entries(passed)).toEqual(ids.map((id, i) => [id, i + 1]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a search limit out of range from the popup', async () => {
    const reply = await setup().router.handle({ type: 'search', payload: { query: 'a', limit: 10_000 } }, popup);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.limit must be between 1 and 100/) });
  });

  it('passes valid requests to the store and answers with its value', async () => {
    const { store, router } = setup();
    const reply = await router.handle(
      { type: 'sightings/record', payload: { url: 'https://a.example/', title: 'A', counts: { 'lea-muller': 2 } } },
      content,
    );
    expect(reply).toEqual({ ok: true, value: { recorded: 1 } });
    expect(store.recordSightings).toHaveBeenCalledWith('https://a.example/', 'A', { 'lea-muller': 2 }, 1234);
    expect(await router.handle({ type: 'site/set', payload: { host: 'news.example', disabled: true } }, popup)).toEqual({ ok: true, value: { disabled: true } });
    expect(await router.handle({ type: 'search', payload: { query: 'lea' } }, popup)).toEqual({ ok: true, value: { entities: [], quotes: [] } });
    expect(store.search).toHaveBeenCalledWith('lea', 20);
  });

  it('answers a store failure with its message instead of throwing', async () => {
    const reply = await setup().router.handle({ type: 'card/entity', payload: { entityId: 'x', url: 'https://a.example/' } }, content);
    expect(reply).toEqual({ ok: false, error: 'No entity "x" in Dossier\'s list.' });
  });
});

describe('router over a real store', () => {
  it('serves a card the content script asks for', async () => {
    const db = await openStore({ factory: new IDBFactory() });
    const store = createStore(async () => db);
    const provenance = { outlet: 'O', title: 'T', date: '2024-01-01', sentence: 'S.' };
    const list: EntityList = {
      version: 1,
      entities: [{ id: 'ida', name: 'Ida Berg', kind: 'person', aliases: [], context: 'Mayor', provenance }],
      claims: [],
      quotes: [],
      distinct: [],
    };
    await store.syncSeed(list);
    const router = createRouter(store, ORIGIN, ID);
    const reply = await router.handle({ type: 'card/entity', payload: { entityId: 'ida', url: 'https://news.example/story' } }, content);
    expect(reply).toMatchObject({ ok: true, value: { entity: { name: 'Ida Berg' }, sightings: [] } });
    db.close();
  });
});
