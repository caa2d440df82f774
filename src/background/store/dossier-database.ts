// The background's one handle on the dossier's database: opened lazily, reopened after the browser
// closes it, and REPLACED whole by a restore (catalog.ts says why). Every opener of the dossier goes
// through get(): the router's store, the sync engine's passes and its marks, the entry's seed sync;
// the options page and every other context only send messages. After a switch, get() answers with
// the new database at once; the old connection is closed (transactions already running finish
// first, a later one on it fails and is retried through get() by the caller's next call), and the
// old database deleted.
import { StoreError, toStoreError } from './errors';
import { CATALOG_NAME, deleteDatabase, forgetDoomed, markDoomed, openCatalog, readCatalog, switchTo } from './catalog';
import { openStore, type DossierDB } from './open';
import { DB_NAME } from './schema';

export interface DossierDatabase {
  get(): Promise<DossierDB>;
  /**
   * Fills a fresh database with `fill`, then makes it the dossier in one write. If `fill` or the
   * switch fails, the fresh database is deleted and the old dossier stays, untouched.
   */
  replace<T>(fill: (fresh: DossierDB) => Promise<T>): Promise<T>;
  /**
   * A fresh database for ANOTHER context to fill (the options page fills it itself: the file
   * never travels in a message, restore-port.ts). Until adopt() or abandon() it is never deleted
   * as a leftover by this context; doomed in the catalog, it is deleted by the next open if this
   * context stops first.
   */
  reserve(): Promise<Reservation>;
}

export interface Reservation {
  name: string;
  /**
   * Makes the filled database the dossier, as replace() does once `fill` is done. Refused (and the
   * database deleted) if `isWhole` says it was not filled to the end.
   */
  adopt(isWhole: (fresh: DossierDB) => Promise<boolean>): Promise<void>;
  /** The fill stopped: the database is deleted (once the filler's connection is gone). */
  abandon(): Promise<void>;
}

export interface DossierDatabaseOptions {
  /** Defaults to the global indexedDB. */
  factory?: IDBFactory;
  /** Runs once on each newly opened dossier (the seed's update), not on one a restore just filled. */
  prepare?: (db: DossierDB) => Promise<void>;
  /** For tests: a failure injected between the steps of a replace, as a crash or a full disk would. */
  faults?: { beforeSwitch?: () => void | Promise<void> };
}

let freshCount = 0;
/** Unique within this browser: a time and a counter (two restores in one millisecond). */
const freshName = (): string => `${DB_NAME}-${Date.now().toString(36)}-${(++freshCount).toString(36)}`;

export function createDossierDatabase(options: DossierDatabaseOptions = {}): DossierDatabase {
  const factoryOf = (): IDBFactory => {
    const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    if (!factory) throw toStoreError(new Error('indexedDB is not defined'));
    return factory;
  };
  /** The open dossier; `generation` tells a stale connection's close from the current one's. */
  let cached: Promise<DossierDB> | undefined;
  let generation = 0;
  /** Databases a replace in this context is filling: never deleted as leftovers while it runs. */
  const filling = new Set<string>();

  const forgetIf = (mine: number) => (): void => {
    if (generation === mine) cached = undefined;
  };

  async function withCatalog<T>(use: (catalog: IDBDatabase) => Promise<T>): Promise<T> {
    const catalog = await openCatalog(factoryOf()).catch((error: unknown) => Promise.reject(toStoreError(error)));
    try {
      return await use(catalog);
    } finally {
      catalog.close();
    }
  }

  /** Deletes what a crash or an earlier switch left behind; never blocks the open. */
  async function dropLeftovers(catalog: IDBDatabase, doomed: readonly string[], current: string): Promise<void> {
    for (const name of doomed) {
      if (name === current || name === CATALOG_NAME || filling.has(name)) continue;
      if (await deleteDatabase(factoryOf(), name)) await forgetDoomed(catalog, name).catch(() => undefined);
    }
  }

  async function open(mine: number): Promise<DossierDB> {
    const name = await withCatalog(async (catalog) => {
      const state = await readCatalog(catalog);
      await dropLeftovers(catalog, state.doomed, state.current);
      return state.current;
    });
    const db = await openStore({ factory: factoryOf(), name, onClose: forgetIf(mine) });
    await options.prepare?.(db);
    return db;
  }

  function get(): Promise<DossierDB> {
    if (!cached) {
      const mine = ++generation;
      // A failure is not cached: the next call retries instead of repeating one error forever.
      cached = open(mine).catch((error: unknown) => {
        forgetIf(mine)();
        throw error;
      });
    }
    return cached;
  }

  /** Deletes a database no longer wanted, then forgets it; never throws (it stays doomed if it cannot go). */
  async function drop(name: string): Promise<void> {
    try {
      if (await deleteDatabase(factoryOf(), name)) await withCatalog((catalog) => forgetDoomed(catalog, name));
    } catch {
      // Still doomed in the catalog: the next open deletes it.
    }
  }

  /** Marks a fresh name doomed before anything exists under it. */
  async function reserveName(): Promise<string> {
    const name = freshName();
    filling.add(name);
    try {
      // Doomed before it exists: a worker stopped while filling it leaves nothing behind for long.
      await withCatalog((catalog) => markDoomed(catalog, name));
      return name;
    } catch (error) {
      filling.delete(name);
      throw error;
    }
  }

  /**
   * The last steps of a replace: the switch, then the old connection closed and the old database
   * deleted. `fresh` is this context's open connection to the new database; on a failure before
   * the switch it is closed and the database deleted.
   */
  async function finishSwitch(name: string, fresh: DossierDB, setGeneration: (mine: number) => void): Promise<void> {
    let old: string;
    try {
      await options.faults?.beforeSwitch?.();
      old = await withCatalog((catalog) => switchTo(catalog, name));
    } catch (error) {
      fresh.close();
      await drop(name);
      throw error;
    }
    // Switched: the restore has happened, and nothing from here on may throw.
    const previous = cached;
    const mine = ++generation;
    setGeneration(mine);
    cached = Promise.resolve(fresh);
    // Transactions already running on the old connection finish first; then it closes.
    await previous?.then(
      (db) => db.close(),
      () => undefined,
    );
    if (old !== name) await drop(old);
  }

  async function replace<T>(fill: (fresh: DossierDB) => Promise<T>): Promise<T> {
    const factory = factoryOf();
    const name = await reserveName();
    try {
      // Its own generation from the switch on: until then a close of it concerns nobody.
      let mine = -1;
      let fresh: DossierDB | undefined;
      let result: T;
      try {
        fresh = await openStore({ factory, name, onClose: () => forgetIf(mine)() });
        result = await fill(fresh);
      } catch (error) {
        fresh?.close();
        await drop(name);
        throw error;
      }
      await finishSwitch(name, fresh, (m) => (mine = m));
      return result;
    } finally {
      filling.delete(name);
    }
  }

  async function reserve(): Promise<Reservation> {
    const name = await reserveName();
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      return true;
    };
    return {
      name,
      async adopt(isWhole) {
        if (!settle()) throw toStoreError(new Error('This restore was already finished or abandoned'));
        try {
          let mine = -1;
          let fresh: DossierDB | undefined;
          try {
            fresh = await openStore({ factory: factoryOf(), name, onClose: () => forgetIf(mine)() });
            if (!(await isWhole(fresh))) throw new StoreError('invalid', 'Nothing was restored: the new dossier was not written to the end.');
          } catch (error) {
            fresh?.close();
            await drop(name);
            throw error;
          }
          await finishSwitch(name, fresh, (m) => (mine = m));
        } finally {
          filling.delete(name);
        }
      },
      async abandon() {
        if (!settle()) return;
        try {
          await drop(name);
        } finally {
          filling.delete(name);
        }
      },
    };
  }

  return { get, replace, reserve };
}
