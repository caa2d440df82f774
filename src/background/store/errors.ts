// One error type for everything the store can fail at, so the router can answer with a clear
// message instead of an exception that kills the worker and is retried in a loop.

export type StoreErrorCode = 'unavailable' | 'quota' | 'blocked' | 'upgrade' | 'not-found' | 'invalid';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const QUOTA_MESSAGE =
  'Dossier cannot save: the browser storage for extensions is full. Free some disk space or delete old sightings.';
const UNAVAILABLE_MESSAGE =
  'Dossier cannot open its database (IndexedDB is unavailable, e.g. in some private-browsing modes).';

/** Maps whatever IDB threw (DOMException names differ between browsers) onto a StoreError. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  const detail = error instanceof Error || isNamed(error) ? String((error as { message?: unknown }).message ?? '') : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return new StoreError('quota', QUOTA_MESSAGE, { cause: error });
  }
  if (name === 'DataError' || name === 'DataCloneError') {
    return new StoreError('invalid', `Dossier could not store a record: ${detail}`, { cause: error });
  }
  return new StoreError('unavailable', `${UNAVAILABLE_MESSAGE}${detail ? ` (${detail})` : ''}`, { cause: error });
}

function isNamed(value: unknown): value is { name: unknown } {
  return typeof value === 'object' && value !== null && 'name' in value;
}

function errorName(error: unknown): string {
  if (!isNamed(error)) return '';
  const name = error.name;
  // A transaction aborted by a failed write carries the real cause in `error`.
  if (name === 'AbortError' && typeof error === 'object' && error !== null && 'error' in error) {
    return errorName((error as { error: unknown }).error);
  }
  return typeof name === 'string' ? name : '';
}

/** Runs a store operation and turns any failure into a StoreError. */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toStoreError(error);
  }
}
