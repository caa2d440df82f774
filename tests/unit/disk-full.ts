// A full disk under fake-indexeddb, for the storage-fault tests: from the (n+1)-th write on, put
// and add fail as a full disk would.
import { IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';

/**
 * 'throw': synchronously (fake-indexeddb and some engines). 'abort': what Chromium does — the
 * request is accepted, then the transaction aborts with QuotaExceededError as its error, and every
 * pending request fails with AbortError.
 */
export type FailureMode = 'throw' | 'abort';

const realPut = FDBObjectStore.prototype.put;
const realAdd = FDBObjectStore.prototype.add;

export interface DiskFault {
  /** Writes attempted so far. */
  writes(): number;
  /** The object store of the first write that failed. */
  failedOn(): string | undefined;
}

export function failWritesAfter(n: number, how: FailureMode): DiskFault {
  let writes = 0;
  let failedOn: string | undefined;
  const failing = function (this: InstanceType<typeof FDBObjectStore>, ...args: Parameters<typeof realPut>) {
    if (++writes <= n) return realPut.apply(this, args);
    failedOn ??= this.name;
    if (how === 'throw') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const request = realPut.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    return request;
  };
  FDBObjectStore.prototype.put = failing;
  FDBObjectStore.prototype.add = failing;
  return { writes: () => writes, failedOn: () => failedOn };
}

/** Writes succeed again (call after each test). */
export function restoreWrites(): void {
  FDBObjectStore.prototype.put = realPut;
  FDBObjectStore.prototype.add = realAdd;
}
