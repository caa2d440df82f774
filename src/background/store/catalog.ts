// Which IndexedDB database holds the dossier. A restore fills a fresh database beside the old one
// and then switches to it with ONE small write here: a failure or a crash at any point leaves
// either the old dossier or the new one, whole, and never needs a rollback of the old one
// (clearing a full dossier inside the restore's transaction took ~50 s in Chromium, measured in
// commit fc7143a's BENCHMARKS part 10; deleting the whole database afterwards takes milliseconds).
//   current: the dossier's database (absent: DB_NAME, where every Dossier before this kept it);
//   doomed:  databases to delete: one a restore is filling (a crash leaves it behind) and one a
//            switch replaced, until they are gone.
// Raw requests rather than idb's openDB, so tests can pass their own IDBFactory (as open.ts does).
import { DB_NAME } from './schema';

export const CATALOG_NAME = 'dossier-catalog';
const STORE = 'names';
const CURRENT = 'current';
const DOOMED = 'doomed';

export interface CatalogState {
  current: string;
  doomed: string[];
}

function done(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = (event) => {
      // Reported through the promise; without this it would also surface as an uncaught event.
      event.preventDefault();
      reject(request.error ?? new DOMException('The request failed', 'UnknownError'));
    };
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

export function openCatalog(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(CATALOG_NAME, 1);
    } catch (error) {
      reject(error);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Never in the way of anything: it is reopened for each use.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error ?? new DOMException('The catalog could not be opened', 'UnknownError'));
    };
    request.onblocked = () => reject(new DOMException('The catalog is blocked by an older connection', 'InvalidStateError'));
  });
}

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Reads and changes the catalog in one readwrite transaction: `change` gets the state and returns
 * the new one (or undefined: nothing to write). Resolves with the state as it was, once committed.
 */
async function update(catalog: IDBDatabase, change: (state: CatalogState) => CatalogState | undefined): Promise<CatalogState> {
  const tx = catalog.transaction(STORE, 'readwrite');
  const finished = committed(tx);
  // Observed here: a failure below is reported by `finished` (or the request's own promise).
  finished.catch(() => undefined);
  try {
    const store = tx.objectStore(STORE);
    const currentRequest = store.get(CURRENT);
    const doomedRequest = store.get(DOOMED);
    await Promise.all([done(currentRequest), done(doomedRequest)]);
    const before: CatalogState = {
      current: typeof currentRequest.result === 'string' ? currentRequest.result : DB_NAME,
      doomed: names(doomedRequest.result),
    };
    const after = change(before);
    if (after) {
      store.put(after.current, CURRENT);
      store.put([...new Set(after.doomed)].filter((name) => name !== after.current), DOOMED);
    }
    await finished;
    return before;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw tx.error ?? error;
  }
}

export const readCatalog = (catalog: IDBDatabase): Promise<CatalogState> => update(catalog, () => undefined);

/** Before a restore fills `name`: if the worker dies midway, the next start deletes it. */
export const markDoomed = (catalog: IDBDatabase, name: string): Promise<unknown> =>
  update(catalog, (state) => ({ current: state.current, doomed: [...state.doomed, name] }));

/** A doomed database is gone: forget it. */
export const forgetDoomed = (catalog: IDBDatabase, name: string): Promise<unknown> =>
  update(catalog, (state) => (state.doomed.includes(name) ? { current: state.current, doomed: state.doomed.filter((n) => n !== name) } : undefined));

/**
 * THE switch: `fresh` becomes the dossier and the one it replaces is doomed, in one write.
 * Resolves with the replaced database's name.
 */
export async function switchTo(catalog: IDBDatabase, fresh: string): Promise<string> {
  const before = await update(catalog, (state) => ({ current: fresh, doomed: [...state.doomed.filter((n) => n !== fresh), state.current] }));
  return before.current;
}

/**
 * Deletes a database; resolves when it is gone, or at once when a connection still holds it open
 * (the deletion then completes when that connection closes; the name stays doomed meanwhile).
 */
export function deleteDatabase(factory: IDBFactory, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.deleteDatabase(name);
    } catch {
      resolve(false);
      return;
    }
    request.onsuccess = () => resolve(true);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(false);
    };
    request.onblocked = () => resolve(false);
  });
}
