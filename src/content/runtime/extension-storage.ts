// storage.local as the content script uses it, without webextension-polyfill (see messaging.ts):
// Firefox's `browser` (guard-globals hid a page's), else Chrome's `chrome`; both return promises.

export type StorageChanges = Record<string, { newValue?: unknown }>;
export type StorageListener = (changes: StorageChanges, area: string) => void;

export interface StorageLike {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(listener: StorageListener): void; removeListener(listener: StorageListener): void };
}

/** The storage API, or undefined where there is none (no permission, an orphan). */
export function storageApi(): StorageLike | undefined {
  const global = globalThis as { browser?: { storage?: StorageLike }; chrome?: { storage?: StorageLike } };
  try {
    return global.browser?.storage ?? global.chrome?.storage;
  } catch {
    return undefined; // a dead wrapper after an update (Firefox)
  }
}
