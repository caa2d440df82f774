// Where the background keeps note drafts (draft-keeper.ts): a small IndexedDB database of the
// extension's own, so a draft outlives a browser restart or crash as the note it becomes would.
// Like storage.session, no content script (so no web page's process) can read it. A tab of a
// private window keeps its drafts in storage.session only: never on disk (index.ts picks).
// Where IndexedDB cannot open or write (a full disk, a browser that refuses it), the draft goes to
// storage.session instead, and is kept until the browser quits.
import { openDB, type IDBPDatabase } from 'idb';
import type { DraftStorage } from './draft-keeper';

export const DRAFT_DATABASE = 'dossier-drafts';
const STORE = 'kept';

export function draftDatabase(): DraftStorage {
  let opening: Promise<IDBPDatabase> | null = null;
  const open = (): Promise<IDBPDatabase> =>
    (opening ??= openDB(DRAFT_DATABASE, 1, {
      upgrade: (db) => void db.createObjectStore(STORE),
      // The browser closed it (storage cleared, disk gone): open again next time.
      terminated: () => void (opening = null),
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    }));
  return {
    async get(key) {
      const value: unknown = await (await open()).get(STORE, key);
      return value === undefined ? {} : { [key]: value };
    },
    async set(items) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...Object.entries(items).map(([key, value]) => tx.store.put(value, key)), tx.done]);
    },
  };
}

/**
 * `primary`, or `fallback` for what `primary` fails to read or write. A key once written to the
 * fallback is read from there (newer) until the primary writes it again.
 */
export function withFallback(primary: DraftStorage, fallback: DraftStorage, warn: (error: unknown) => void = () => undefined): DraftStorage {
  const inFallback = new Set<string>();
  return {
    async get(key) {
      if (inFallback.has(key)) return fallback.get(key);
      try {
        return await primary.get(key);
      } catch (error) {
        warn(error);
        return fallback.get(key);
      }
    },
    async set(items) {
      try {
        await primary.set(items);
        for (const key of Object.keys(items)) inFallback.delete(key);
      } catch (error) {
        warn(error);
        await fallback.set(items);
        for (const key of Object.keys(items)) inFallback.add(key);
      }
    },
  };
}
