// The lean list's copy in storage.session (store/list-cache/session-copy.ts): a worker the browser
// stopped answers its first page/init from the copy the last one kept, and never from a copy that
// may be stale (a write through the store, a write behind its back, another database, a damaged
// copy, a read that raced a write). Each "worker" here is a fresh store over the same database and
// the same session area, as a restarted service worker is.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/routes/router';
import { createStore, openStore, type DossierDB, type StoreHooks } from '../../src/background/store';
import { createMatchListCache } from '../../src/background/store/list-cache/memory';
import { COPY_MAX_CHARS, LIST_COPY_KEY, sessionListCopy, type SessionArea } from '../../src/background/store/list-cache/session-copy';
import { syncSeed } from '../../src/background/store/seed-sync';
import type { Entity, EntityList } from '../../src/core/types';
import type { MatchList, PageInit, Reply } from '../../src/shared/messages';
import { ID, ORIGIN, content, options } from './store-router';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const source = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: 'https://news.example/a', sentence: 'S.' };
const person = (id: string, name: string): Entity => ({ id, name, kind: 'person', aliases: [], context: 'Politician', provenance: source });
const SEED: EntityList = { version: 1, entities: [person('tom-hale', 'Tom Hale'), person('lea-muller', 'Léa Müller')], claims: [], quotes: [], distinct: [] };

/** storage.session as the browser keeps it: values cloned through JSON, calls answered in order. */
class FakeSession implements SessionArea {
  readonly items = new Map<string, string>();
  sets = 0;
  failSets = false;
  async get(key: string): Promise<Record<string, unknown>> {
    const value = this.items.get(key);
    return value === undefined ? {} : { [key]: JSON.parse(value) };
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSets) throw new Error('QUOTA_BYTES quota exceeded');
    this.sets++;
    for (const [key, value] of Object.entries(items)) this.items.set(key, JSON.stringify(value));
  }
  async remove(key: string): Promise<void> {
    this.items.delete(key);
  }
  /** Rewrites the kept copy, as a test's way to see whether a worker answered from it. */
  edit(change: (copy: { database: string; fingerprint: string; list: MatchList }) => void): void {
    const copy = JSON.parse(this.kept()!);
    change(copy);
    this.keep(JSON.stringify(copy));
  }
  /** The copy as kept: one JSON string. */
  kept(): string | undefined {
    const value = this.items.get(LIST_COPY_KEY);
    return value === undefined ? undefined : (JSON.parse(value) as string);
  }
  keep(copy: string): void {
    this.items.set(LIST_COPY_KEY, JSON.stringify(copy));
  }
}

/** The copy's write waits for the reply to go first (a timer): let it run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

let db: DossierDB;
let session: FakeSession;

beforeEach(async () => {
  db = await openStore({ factory: new IDBFactory() });
  await syncSeed(db, SEED);
  session = new FakeSession();
});

/** A worker's start: a new store and router over the same database and session area. */
function startWorker(hooks: StoreHooks = {}) {
  const store = createStore(async () => db, undefined, hooks, sessionListCopy(session));
  const router = createRouter(store, ORIGIN, ID, () => NOW);
  const ok = async <T>(type: string, payload: unknown, sender: typeof content | typeof options = content): Promise<T> => {
    const reply = (await router.handle({ type, payload }, sender)) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  const names = async () => (await ok<PageInit>('page/init', { host: 'news.example' })).list!.entities.map((e) => e.name).sort();
  return { store, ok, names };
}

describe("a stopped worker's first page/init", () => {
  it('answers from the copy the last worker kept, index and version included', async () => {
    const first = startWorker();
    expect(await first.names()).toEqual(['Léa Müller', 'Tom Hale']);
    await settle();
    expect(session.sets).toBe(1);
    // Marked, so that an answer read from it shows; the counts stay the database's.
    session.edit((copy) => (copy.list.entities.find((e) => e.id === 'tom-hale')!.name = 'Tom Copy'));
    const second = startWorker();
    const init = await second.ok<PageInit>('page/init', { host: 'news.example' });
    expect(init.list!.entities.map((e) => e.name).sort()).toEqual(['Léa Müller', 'Tom Copy']);
    expect(init.list!.index?.anchors.length).toBeGreaterThan(0);
    expect(typeof init.list!.version).toBe('string');
    // Read once per worker: its memory answers after that, and nothing is written again.
    await second.names();
    await settle();
    expect(session.sets).toBe(1);
  });

  it('never answers from a copy an edit through the store made stale, even one of the same counts', async () => {
    const first = startWorker();
    await first.names();
    await settle();
    await first.ok('entities/save', { entity: { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [{ text: 'Senator Hale' }], context: 'Senator' } }, options);
    expect(session.items.has(LIST_COPY_KEY)).toBe(false);
    const second = startWorker();
    const hale = (await second.ok<PageInit>('page/init', { host: 'news.example' })).list!.entities.find((e) => e.id === 'tom-hale');
    expect(hale?.aliases.map((a) => a.text)).toEqual(['Senator Hale']);
  });

  it('reads the database where the copy counts other records than it holds (a write past the store), and says the list changed', async () => {
    const first = startWorker();
    await first.names();
    await settle();
    await db.put('entities', { ...person('max-born', 'Max Born'), origin: 'user', keys: ['max born'] });
    let changed = 0;
    const second = startWorker({ listChanged: () => changed++ });
    expect(await second.names()).toEqual(['Léa Müller', 'Max Born', 'Tom Hale']);
    expect(changed).toBe(1);
  });

  it("does not read another database's copy (a restore switches to a new database)", async () => {
    const first = startWorker();
    await first.names();
    await settle();
    session.edit((copy) => {
      copy.database = 'dossier-restored';
      copy.list.entities[0]!.name = 'From the copy';
    });
    expect(await startWorker().names()).toEqual(['Léa Müller', 'Tom Hale']);
  });

  it('reads the database where the copy is damaged or of another format', async () => {
    const first = startWorker();
    await first.names();
    await settle();
    const kept = session.kept()!;
    for (const damage of [
      (copy: Record<string, unknown>) => (copy.format = 2),
      (copy: Record<string, unknown>) => ((copy.list as MatchList).entities = [{ id: 1 } as never]),
      (copy: Record<string, unknown>) => delete (copy.list as MatchList).index,
      (copy: Record<string, unknown>) => (copy.fingerprint = 7),
    ]) {
      const copy = JSON.parse(kept);
      copy.list.entities[0].name = 'From the copy';
      damage(copy);
      session.keep(JSON.stringify(copy));
      expect(await startWorker().names()).toEqual(['Léa Müller', 'Tom Hale']);
    }
    for (const damaged of ['"not a copy"', '{"format":1,', '']) {
      session.keep(damaged);
      expect(await startWorker().names()).toEqual(['Léa Müller', 'Tom Hale']);
    }
    session.items.set(LIST_COPY_KEY, JSON.stringify(JSON.parse(kept)));
    expect(await startWorker().names()).toEqual(['Léa Müller', 'Tom Hale']);
  });

  it('answers as before where the session storage is full, and the next worker reads the database', async () => {
    session.failSets = true;
    const first = startWorker();
    expect(await first.names()).toEqual(['Léa Müller', 'Tom Hale']);
    await settle();
    expect(session.items.has(LIST_COPY_KEY)).toBe(false);
    expect(await startWorker().names()).toEqual(['Léa Müller', 'Tom Hale']);
  });

  it('keeps no copy of a list read while a write was under way, and keeps one once it is done', async () => {
    const list: MatchList = { entities: [], claims: [], distinct: [] };
    const cache = createMatchListCache(async () => ({ list, fingerprint: '0|0' }), async () => '0|0', () => {}, sessionListCopy(session));
    const done = cache.writing();
    await cache.get(db);
    await settle();
    expect(session.sets).toBe(0);
    done();
    await cache.get(db);
    await settle();
    expect(session.sets).toBe(1);
  });

  it('drops a copy the moment a write begins, before it lands', async () => {
    const list: MatchList = { entities: [], claims: [], distinct: [] };
    const cache = createMatchListCache(async () => ({ list, fingerprint: '0|0' }), async () => '0|0', () => {}, sessionListCopy(session));
    await cache.get(db);
    await settle();
    expect(session.items.has(LIST_COPY_KEY)).toBe(true);
    const done = cache.writing();
    await settle();
    // A worker stopped here, mid-write, leaves no copy of the list from before the write.
    expect(session.items.has(LIST_COPY_KEY)).toBe(false);
    done();
  });

  it('answers as before where the session storage throws in the call (no remove, a set that throws)', async () => {
    const broken = {
      get: () => {
        throw new Error('no session storage');
      },
      set: () => {
        throw new Error('no session storage');
      },
    } as unknown as SessionArea;
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('unhandledRejection', onError);
    process.on('uncaughtException', onError);
    try {
      const store = createStore(async () => db, undefined, {}, sessionListCopy(broken));
      const router = createRouter(store, ORIGIN, ID, () => NOW);
      const init = (await router.handle({ type: 'page/init', payload: { host: 'news.example' } }, content)) as Reply<PageInit>;
      expect(init.ok && init.value.list!.entities).toHaveLength(2);
      await settle();
      const saved = (await router.handle({ type: 'entities/save', payload: { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [], context: 'Mathematician' } } }, options)) as Reply<unknown>;
      expect(saved.ok).toBe(true);
      const again = (await router.handle({ type: 'page/init', payload: { host: 'news.example' } }, content)) as Reply<PageInit>;
      expect(again.ok && again.value.list!.entities).toHaveLength(3);
      await settle();
      expect(errors).toEqual([]);
    } finally {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
    }
  });

  it("keeps no copy bigger than its share of the session's storage (a private window's drafts go there too)", async () => {
    const store = createStore(async () => db, undefined, {}, sessionListCopy(session, LIST_COPY_KEY, 100));
    const router = createRouter(store, ORIGIN, ID, () => NOW);
    const init = (await router.handle({ type: 'page/init', payload: { host: 'news.example' } }, content)) as Reply<PageInit>;
    expect(init.ok).toBe(true);
    await settle();
    expect(session.sets).toBe(0);
    expect(COPY_MAX_CHARS).toBeLessThanOrEqual(5_000_000);
  });
});
