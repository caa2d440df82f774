// Waiting for a page's "Seen elsewhere" sighting to be in the store, read by the service worker
// with raw IndexedDB. A page sends its sightings once its scan is over (content-app.ts); tests
// used to sleep a second for that, which was too long on a calm machine and might be too short on
// a busy one. Couples the tests to the store's record shape (v8: one record per entity and day,
// holding that day's `pages`), as storage-errors.test.ts does for annotations.
import type { Worker } from 'playwright-core';

/**
 * True when some dossier database (the current one, or one a restore is filling or replaced)
 * holds a sighting of `url`. Opens each at its own version, so it never creates or upgrades one.
 */
function holdsSightingInWorker(wanted: string): Promise<boolean> {
  const request = <T>(r: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  return (async () => {
    for (const { name, version } of await indexedDB.databases()) {
      if (!name || version === undefined || name === 'dossier-catalog') continue;
      const db = await request(indexedDB.open(name, version));
      try {
        if (!db.objectStoreNames.contains('sightings')) continue;
        const records = (await request(db.transaction('sightings').objectStore('sightings').getAll())) as { pages?: { url: string }[] }[];
        if (records.some((r) => r.pages?.some((p) => p.url === wanted))) return true;
      } finally {
        db.close();
      }
    }
    return false;
  })();
}

/** Waits until the store holds a sighting of `url` (its page has sent it), or fails. */
export async function waitForSighting(worker: Worker, url: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await worker.evaluate(holdsSightingInWorker, url))) {
    if (Date.now() > until) throw new Error(`timed out waiting for a stored sighting of ${url}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
