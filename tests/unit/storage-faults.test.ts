// Storage faults as users meet them: the disk fills up in the middle of a write, IndexedDB is not
// there at all (Firefox private mode), and an upgrade is blocked by an old connection. Each must
// give a clear StoreError / error reply, leave nothing half-written, and never loop.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAFT_DATABASE } from '../../src/background/drafts/draft-database';
import { createStore, openStore, SCHEMA_VERSION, StoreError, UPGRADE_STEPS, type DossierDB } from '../../src/background/store';
import { SEED } from '../../src/data/seed';
import { failWritesAfter, restoreWrites } from './disk-full';

type Listener = (...args: unknown[]) => unknown;
const listeners: { installed?: Listener; message?: Listener } = {};

// The background entry's browser API, for the "unavailable" tests (hoisted by vitest).
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'abc',
      getURL: (path: string) => `chrome-extension://abc/${path}`,
      onInstalled: { addListener: (l: Listener) => (listeners.installed = l) },
      onMessage: { addListener: (l: Listener) => (listeners.message = l) },
      onConnect: { addListener: () => undefined },
    },
    commands: { onCommand: { addListener: () => undefined } },
    // The note drafts' fallback (draft-database.ts), in memory as the browser keeps it.
    // The first stage's record (first-stage/publisher.ts): the database it is read from is unavailable here.
    storage: { session: { get: async () => ({}), set: async () => undefined }, local: { get: async () => ({}), set: async () => undefined, remove: async () => undefined }, onChanged: { addListener: () => undefined } },
  },
}));

afterEach(restoreWrites);

function countAll(db: DossierDB): Promise<number[]> {
  return Promise.all((['entities', 'claims', 'quotes', 'quoteCounts', 'sources', 'settings', 'sightings'] as const).map((name) => db.count(name)));
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('quota exceeded in the middle of a write', () => {
  for (const how of ['throw', 'abort'] as const) {
    it(`installing the seed fails with a clear quota error and writes nothing (${how})`, async () => {
      const db = await openStore({ factory: new IDBFactory() });
      const store = createStore(async () => db);
      failWritesAfter(25, how);
      const error = await failure(store.syncSeed(SEED));
      expect(error.code).toBe('quota');
      expect(error.message).toMatch(/storage .* is full/);
      // Wait for any transaction still finishing: a half-written seed would show up here.
      await new Promise((done) => setTimeout(done, 50));
      restoreWrites();
      expect(await countAll(db)).toEqual([0, 0, 0, 0, 0, 0, 0]);
      // Once there is room again, the same call succeeds in full.
      const result = await store.syncSeed(SEED);
      expect(result.action).toBe('installed');
      expect(await db.count('entities')).toBe(SEED.entities.length);
      db.close();
    });
  }

  it('recording sightings is all or nothing too', async () => {
    const db = await openStore({ factory: new IDBFactory() });
    const store = createStore(async () => db);
    await store.syncSeed(SEED);
    const ids = SEED.entities.slice(0, 6).map((e) => e.id);
    failWritesAfter(3, 'throw');
    const error = await failure(store.recordSightings('https://news.example/a', 'A', Object.fromEntries(ids.map((id) => [id, 2])), 1));
    expect(error.code).toBe('quota');
    await new Promise((done) => setTimeout(done, 50));
    expect(await db.count('sightings')).toBe(0);
    db.close();
  });
});

describe('IndexedDB unavailable (Firefox private mode)', () => {
  /** An IDBFactory whose open fails the way Firefox's does in private windows: the request errors. */
  function privateModeFactory(): { factory: IDBFactory; opens: () => number } {
    let opens = 0;
    const factory = {
      open() {
        opens++;
        const request = { error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError') } as {
          onerror?: (e: { preventDefault(): void }) => void;
          error: DOMException;
        };
        setTimeout(() => request.onerror?.({ preventDefault() {} }), 0);
        return request;
      },
    } as unknown as IDBFactory;
    return { factory, opens: () => opens };
  }

  it('openStore rejects with an "unavailable" StoreError a user can read', async () => {
    const { factory } = privateModeFactory();
    const error = await failure(openStore({ factory }));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/cannot open its database/);
  });

  it('openStore turns a synchronous throw from indexedDB.open into the same error', async () => {
    const factory = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect((await failure(openStore({ factory }))).code).toBe('unavailable');
  });
});

describe('IndexedDB unavailable: the background entry', () => {
  const ORIGIN = 'chrome-extension://abc/';
  let opens = 0;
  /** The note drafts' own database (draft-database.ts), opened once as the worker starts. */
  let draftOpens = 0;
  let broken = true;


  beforeAll(async () => {
    const working = new IDBFactory();
    // The global the worker opens: broken until the test "leaves private mode".
    globalThis.indexedDB = {
      open(name: string, version?: number) {
        if (name === DRAFT_DATABASE) draftOpens++;
        else opens++;
        if (broken) throw new DOMException('The operation is insecure.', 'SecurityError');
        return working.open(name, version);
      },
    } as unknown as IDBFactory;
    await import('../../src/background/index');
  });

  const ask = (type: string) =>
    listeners.message?.({ type, payload: type === 'site/get' ? { host: 'news.example' } : {} }, { id: 'abc', url: `${ORIGIN}popup/popup.html` }) as Promise<{
      ok: boolean;
      error?: string;
    }>;

  it('answers each message with a clear error, opens once per message and never retries on its own', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    listeners.installed?.({ reason: 'install' });
    await new Promise((done) => setTimeout(done, 150));
    expect(opens).toBe(2); // install, and the first stage's record read once as the worker starts (publisher.ts)
    const first = await ask('list/get');
    expect(first).toMatchObject({ ok: false });
    expect(first.error).toMatch(/cannot open its database/);
    const second = await ask('site/get');
    expect(second.ok).toBe(false);
    const before = opens;
    expect(before).toBe(4); // install + the record + two messages: one attempt each, the failure is not cached
    await new Promise((done) => setTimeout(done, 300));
    expect(opens).toBe(before); // no retry loop in the background
    expect(draftOpens).toBe(1); // the drafts' pruning at start: one attempt, no loop either
    consoleError.mockRestore();
  });

  it('recovers on the next message once IndexedDB is back, without a restart', async () => {
    broken = false;
    const reply = (await ask('list/get')) as { ok: boolean; value?: { entities: unknown[] } };
    expect(reply.ok).toBe(true);
    expect(reply.value?.entities).toHaveLength(SEED.entities.length);
  });
});

describe('upgrade blocked by an old connection', () => {
  it('reports "blocked", then succeeds once the old connection closes', async () => {
    const factory = new IDBFactory();
    // The previous schema, written by the previous release and then held open by an old tab.
    (await openStore({ factory, steps: UPGRADE_STEPS.slice(0, -1) })).close();
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('dossier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(old.version).toBe(SCHEMA_VERSION - 1);
    // The old tab ignores versionchange, as a page of an older release might.
    const error = await failure(openStore({ factory }));
    expect(error.code).toBe('blocked');
    expect(error.message).toMatch(/Close other Dossier pages/);
    old.close();
    const db = await openStore({ factory });
    expect(db.version).toBe(SCHEMA_VERSION);
    db.close();
  });
});
