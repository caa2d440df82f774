// Sync's change marks: every write to a synced store marks the record's sync key ("a:<id>",
// "q:<id>", …) in the `syncMarks` store, IN THE SAME TRANSACTION as the write, so a sync pass reads
// only what changed instead of scanning 100,000 quotes. The mark is put by the database handle
// itself (a Proxy around idb's), not by each writer: a writer added later cannot forget it, and
// no writer's code had to change. A mark's value is a stamp that grows with every write; a pass
// takes a stamp when it starts and removes only marks older than that, so a write made while the
// pass runs keeps its mark for the next pass (see sync/engine.ts).
//
// Not marked: the upgrade transaction's cursors (an upgrade step marks RESCAN instead), a cursor's
// update()/delete() (no writer outside the upgrades uses them), and sync's own writes of what came
// from the server (unmarked(): the index already holds what they wrote).
import type { DossierDB } from './schema';
import { isTombstoneKey, tombstoneKey } from './entity-tombstones';
import { siteSettingKey } from './schema';
import { SHARED_PREFIX } from './shared-sites';
import { sightingMarksOf } from './sightings/changed-pages';

export const MARKS_STORE = 'syncMarks';
/** Something changed that marks cannot name (a store cleared, an upgrade): the next pass scans all. */
export const RESCAN = '*';
/** A backup was restored: the next pass scans all, and absence is not deletion (see engine.ts). */
export const RESTORED = '!restored';

type Synced = 'annotations' | 'entities' | 'claims' | 'quotes' | 'sightings' | 'settings';
const SYNCED: ReadonlySet<string> = new Set<Synced>(['annotations', 'entities', 'claims', 'quotes', 'sightings', 'settings']);
const PREFIX: Record<Exclude<Synced, 'sightings' | 'settings'>, string> = { annotations: 'a:', entities: 'e:', claims: 'c:', quotes: 'q:' };

let lastStamp = 0;
/** Strictly growing within this context (the background, the only writer), roughly the time. */
export function nextStamp(): number {
  lastStamp = Math.max(lastStamp + 1, Date.now() * 1000);
  return lastStamp;
}

/** The sync key of a record of `store` under `key`; RESCAN for a key range; undefined: not synced. */
export function markOf(store: string, key: unknown): string | undefined {
  if (key instanceof IDBKeyRange) return RESCAN;
  // v8: a sightings key names a day of pages, not one page; a put marks its pages (sightingMarksOf),
  // a delete by key cannot name them (deleteSightingsOf marks them itself, unmarked).
  if (store === 'sightings') return RESCAN;
  if (store === 'settings') {
    if (typeof key !== 'string') return key === undefined ? undefined : RESCAN;
    if (isTombstoneKey(key)) return `r:${key.slice(tombstoneKey('').length)}`;
    // A site's switch and its sharing: one synced record per host.
    for (const prefix of [SHARED_PREFIX, siteSettingKey('')]) if (key.startsWith(prefix)) return `h:${key.slice(prefix.length)}`;
    return undefined;
  }
  const prefix = PREFIX[store as keyof typeof PREFIX];
  return prefix === undefined ? undefined : typeof key === 'string' ? `${prefix}${key}` : RESCAN;
}

function keyOfValue(store: string, value: unknown, key: unknown): unknown {
  if (key !== undefined) return key;
  return (value as { id?: unknown } | null)?.id;
}

type Fn = (...args: unknown[]) => unknown;
interface RawStore {
  put(value: unknown, key?: unknown): Promise<unknown>;
}

function forward(target: object, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? (value as Fn).bind(target) : value;
}

function markingStore(store: object, name: string, marks: RawStore): object {
  const mark = (key: string | undefined): void => {
    // A failed request aborts the transaction (idb does not prevent it): the write goes with it.
    if (key !== undefined) marks.put(nextStamp(), key).catch(() => undefined);
  };
  const raw = store as Record<string, Fn>;
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'put' || prop === 'add') {
        return (value: unknown, key?: unknown) => {
          if (name === 'sightings') sightingMarksOf(value).forEach(mark);
          else mark(markOf(name, keyOfValue(name, value, key)));
          return key === undefined ? raw[prop]!.call(target, value) : raw[prop]!.call(target, value, key);
        };
      }
      if (prop === 'delete') {
        return (key: unknown) => {
          mark(markOf(name, key));
          return raw.delete!.call(target, key);
        };
      }
      if (prop === 'clear') {
        return () => {
          mark(RESCAN);
          return raw.clear!.call(target);
        };
      }
      return forward(target, prop);
    },
  });
}

const UNMARKED = Symbol('unmarked');

function markingTransaction(tx: object, names: readonly string[]): object {
  const raw = tx as { objectStore(name: string): object };
  const marks = raw.objectStore(MARKS_STORE) as RawStore;
  const storeOf = (name: string): object => (SYNCED.has(name) ? markingStore(raw.objectStore(name), name, marks) : raw.objectStore(name));
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === UNMARKED) return target;
      if (prop === 'objectStore') return storeOf;
      // idb's `store` exists for a one-store transaction; ours has the marks' store too.
      if (prop === 'store') return names.length === 1 ? storeOf(names[0]!) : undefined;
      return forward(target, prop);
    },
  });
}

/** The dossier's handle with marks: every readwrite transaction over a synced store marks its writes. */
export function withSyncMarks(db: DossierDB): DossierDB {
  // A database opened at an older version (tests of the upgrades do this) has no marks to keep.
  if (!db.objectStoreNames.contains(MARKS_STORE)) return db;
  const raw = db as unknown as { transaction(names: string | string[], mode?: string, options?: unknown): object };
  const marked: DossierDB = new Proxy(db, {
    get(target, prop) {
      if (prop === UNMARKED) return target;
      if (prop === 'transaction') {
        return (names: string | string[], mode?: string, options?: unknown) => {
          const list = typeof names === 'string' ? [names] : [...names];
          if (mode !== 'readwrite' || !list.some((n) => SYNCED.has(n))) return raw.transaction.call(target, names, mode, options);
          return markingTransaction(raw.transaction.call(target, [...list, MARKS_STORE], mode, options), list);
        };
      }
      // idb's one-request shortcuts (db.put('settings', …)): through our transaction, so marked too.
      if (prop === 'put' || prop === 'add' || prop === 'delete' || prop === 'clear') {
        return async (name: string, ...args: unknown[]) => {
          const tx = (marked as unknown as typeof raw).transaction(name, 'readwrite') as { store: Record<string, Fn>; done: Promise<void> };
          const [result] = await Promise.all([tx.store[prop]!(...args), tx.done]);
          return result;
        };
      }
      return forward(target, prop);
    },
  });
  return marked;
}

/** The same database without marks: for sync writing what came from the server. */
export function unmarked(db: DossierDB): DossierDB {
  return (db as unknown as { [UNMARKED]?: DossierDB })[UNMARKED] ?? db;
}

/** The same transaction without marks (bulk-put-marked.ts puts its records' marks itself). */
export function unmarkedTransaction<T extends object>(tx: T): T {
  return (tx as { [UNMARKED]?: T })[UNMARKED] ?? tx;
}

/** Marks sync keys by hand, for a writer that wrote through unmarkedTransaction (a no-op on an unmarked transaction). */
export function markSyncKeys(tx: object, keys: Iterable<string>): void {
  if (unmarkedTransaction(tx) === tx) return;
  const marks = (tx as { objectStore(name: string): RawStore }).objectStore(MARKS_STORE);
  for (const key of keys) marks.put(nextStamp(), key).catch(() => undefined);
}

/** A restore's transaction says so to sync, atomically with the restore (tx from the marked handle). */
export function markRestored(tx: object): Promise<unknown> {
  return (tx as { objectStore(name: string): RawStore }).objectStore(MARKS_STORE).put(nextStamp(), RESTORED);
}
