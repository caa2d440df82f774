// All or nothing for one readwrite transaction. IndexedDB commits a transaction by itself as soon
// as no request is pending, so an exception thrown between two requests (a put that throws
// QuotaExceededError or DataCloneError synchronously, a bug in our own loop) would commit the
// records already written: half an import, half a seed. Aborting on any failure rolls them back.
import type { IDBPTransaction } from 'idb';

type AnyTransaction = Pick<IDBPTransaction<unknown, string[], 'readwrite'>, 'abort' | 'done' | 'error'>;

/**
 * Runs `body` against `tx`, then waits for the commit. On failure the transaction is aborted and
 * the transaction's own error (e.g. QuotaExceededError, which the browser reports on the
 * transaction while each request only sees AbortError) is thrown in preference to the request's.
 */
export async function allOrNothing<T>(tx: AnyTransaction, body: () => Promise<T>): Promise<T> {
  // Observed here so an aborted transaction never surfaces as an unhandled rejection.
  tx.done.catch(() => undefined);
  let result: T;
  try {
    result = await body();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the browser (quota) or finished: nothing left to roll back.
    }
    throw tx.error ?? error;
  }
  try {
    await tx.done;
  } catch (error) {
    throw tx.error ?? error;
  }
  return result;
}
