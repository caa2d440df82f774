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

/**
 * Sends one request per item without waiting between them (IndexedDB keeps their order within the
 * transaction), then waits for all and throws the first failure. Each request is observed the
 * moment it is made: once one fails, or `send` throws between two, the transaction aborts and
 * fails every request already sent, and none of those may surface as an unhandled rejection.
 */
export async function sendEach<T>(items: Iterable<T>, send: (item: T) => Promise<unknown>): Promise<void> {
  const requests: Promise<unknown>[] = [];
  for (const item of items) {
    const request = send(item);
    request.catch(() => undefined);
    requests.push(request);
  }
  for (const request of requests) await request;
}

/** The same for requests already made, such as a transaction's `done` beside its writes. */
export const settleAll = (requests: readonly Promise<unknown>[]): Promise<void> => sendEach(requests, (request) => request);
