// Keeps the first stage's record (shared/first-stage-record.ts) in storage.local current: after a
// write that may change the list, the diagnostics switch or whether the reader has annotations,
// and when the worker starts and finds no record it can read (none yet, an older format). Reading
// the whole list at every start would cost a big dossier's worker ~70 ms per wake. Content
// scripts can write storage.local too, so a compromised page process could plant a filter that
// every other page then reads; a change of the record not written here is undone at once. A
// record that could not be brought up to date (a full storage) is removed: pages then ask.
import { createDebouncedCheck } from '../debounced-check';

export interface RecordStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface FirstStagePublisher {
  /** Something the record holds may have changed: it is read again shortly, written if it differs. */
  schedule(): void;
  /** As the worker starts: schedules a check only where storage holds no record `isReadable` accepts. */
  ensure(isReadable: (stored: unknown) => boolean): Promise<void>;
  /** storage.onChanged's report for the local area: a change of the record not ours is undone. */
  storageChanged(changes: Record<string, { newValue?: unknown }>): void;
  /** Resolves once the checks scheduled so far are done (tests). */
  settled(): Promise<void>;
}

/** JSON with every object's keys sorted: storage may hand a value back with its keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function createFirstStagePublisher<T>(key: string, read: () => Promise<T>, storage: RecordStorage, delayMs = 50): FirstStagePublisher {
  // The record as last written here (JSON), or as found in storage when the worker started.
  let written: string | undefined;
  /** The last write failed (a full storage): room made by any removal is a reason to try again. */
  let failed = false;
  const checks = createDebouncedCheck(
    async () => {
      const record = canonical(await read());
      if (written === undefined) written = canonical((await storage.get(key))[key]);
      if (record === written) return;
      written = record;
      await storage.set({ [key]: JSON.parse(record) as unknown });
      failed = false;
    },
    (error) => {
      written = undefined; // unknown now: the next check compares with storage again
      failed = true;
      console.warn('Dossier: could not keep the pages’ filter current; pages ask the background instead', error);
      // A stale filter would hide new names from every page: none is better (pages then ask). Inside
      // a promise, so a storage whose remove throws at once cannot escape as an unhandled rejection.
      void Promise.resolve()
        .then(() => storage.remove(key))
        .catch(() => undefined);
    },
    delayMs,
  );
  const publisher: FirstStagePublisher = {
    schedule: () => checks.request(),
    async ensure(isReadable) {
      try {
        const stored = (await storage.get(key))[key];
        if (isReadable(stored)) written ??= canonical(stored);
        else publisher.schedule();
      } catch {
        publisher.schedule();
      }
    },
    storageChanged(changes) {
      if (!(key in changes)) {
        if (failed && Object.values(changes).some((change) => change.newValue === undefined)) publisher.schedule();
        return;
      }
      // Unknown (a write failed): any change is a reason to compare again.
      if (written !== undefined && canonical(changes[key]?.newValue) === written) return;
      written = undefined;
      publisher.schedule();
    },
    settled: () => checks.settled(),
  };
  return publisher;
}
