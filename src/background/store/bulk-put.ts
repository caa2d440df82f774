// Many puts into one readwrite transaction, as fast as IndexedDB takes them (a restore writes
// ~100,000 records). In Chromium each request costs the storage backend its own time whatever we do;
// in a plain page, 20,000 puts took 4.8 s as bare requests, 7.0 s with a promise each (idb's wrapper,
// sendEach) and 11.2 s awaited one at a time, as quotes were (BENCHMARKS part 10; end to end the
// restore stays bound by the backend). So the requests here are the browser's own, no handler each:
//   - a request that fails aborts the transaction by itself (its error event is not cancelled), so
//     the caller's allOrNothing rolls every store back and reports the transaction's error;
//   - there is no promise per request, so an abort leaves no unhandled rejection behind;
//   - every CHUNK requests we wait for the previous chunk's last one, so the worker keeps answering
//     other messages and never holds more than two chunks of requests in flight.
import { unwrap, type IDBPObjectStore, type StoreKey, type StoreNames, type StoreValue } from 'idb';
import type { DossierSchema } from './schema';

const CHUNK = 2_000;

type Name = StoreNames<DossierSchema>;
/** One of the dossier's stores in a readwrite transaction. */
export type WritableStore<S extends Name> = IDBPObjectStore<DossierSchema, ArrayLike<Name>, S, 'readwrite'>;

/** Resolves when the request succeeds; rejects with its error (an abort fails it too). */
function settled(request: IDBRequest): Promise<void> {
  if (request.readyState === 'done') return request.error ? Promise.reject(request.error) : Promise.resolve();
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(), { once: true });
    request.addEventListener('error', () => reject(request.error ?? new DOMException('The request failed', 'AbortError')), { once: true });
  });
}

/**
 * Puts `value(item)` (under `key(item)` for a store without a key path) for every item, in order,
 * and resolves once the last is written. Call it inside allOrNothing: on any failure the
 * transaction aborts and nothing of it stays.
 */
export async function putAll<S extends Name, T>(
  store: WritableStore<S>,
  items: Iterable<T>,
  value: (item: T) => StoreValue<DossierSchema, S>,
  key?: (item: T) => StoreKey<DossierSchema, S>,
): Promise<void> {
  // The browser's own store under idb's wrapper (the same object, without a promise per request).
  const raw = unwrap(store) as IDBObjectStore;
  let previous: IDBRequest | undefined;
  let last: IDBRequest | undefined;
  let sent = 0;
  for (const item of items) {
    last = key ? raw.put(value(item), key(item)) : raw.put(value(item));
    if (++sent % CHUNK === 0) {
      if (previous) await settled(previous);
      previous = last;
    }
  }
  if (last) await settled(last);
}
