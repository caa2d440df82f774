// Bulk puts that sync must hear of: an import is the user's own edit, so each record it writes
// carries its change mark (sync-marks.ts), in the same transaction. The records go out as bare
// requests (bulk-put.ts) on the transaction under the marking proxy, and their marks beside them,
// so a 10,000-entity import costs neither a promise nor a round trip per record. Call it inside
// allOrNothing, on a readwrite transaction of the marked handle that includes the store.
import type { StoreValue } from 'idb';
import { sendEach } from './all-or-nothing';
import { putAll, type WritableStore } from './bulk-put';
import type { DossierSchema } from './schema';
import { MARKS_STORE, markOf, nextStamp, unmarkedTransaction } from './sync-marks';

type Keyed = 'entities' | 'claims' | 'annotations';

interface MarkedTransaction {
  objectStore(name: string): unknown;
  objectStoreNames: DOMStringList;
}

export async function putAllMarked<S extends Keyed>(tx: MarkedTransaction, name: S, records: readonly StoreValue<DossierSchema, S>[]): Promise<void> {
  const raw = unmarkedTransaction(tx);
  await putAll(raw.objectStore(name) as WritableStore<S>, records, (record) => record);
  // A transaction without the marks' store (an older schema's, in tests) has nothing to mark.
  if (!raw.objectStoreNames.contains(MARKS_STORE)) return;
  const marks = records.map((record) => markOf(name, record.id)).filter((mark): mark is string => mark !== undefined);
  await putAll(raw.objectStore(MARKS_STORE) as WritableStore<'syncMarks'>, marks, () => nextStamp(), (mark) => mark);
}

/** Deletes `keys` of the settings store (tombstones), each marked as the marking proxy would. */
export async function deleteAllMarked(tx: MarkedTransaction, keys: readonly string[]): Promise<void> {
  const raw = unmarkedTransaction(tx);
  const settings = raw.objectStore('settings') as { delete(key: string): Promise<unknown> };
  // Deletes have no bulk form: their requests go out together (a failing one aborts the transaction).
  const deleted = sendEach(keys, (key) => settings.delete(key));
  deleted.catch(() => undefined);
  if (raw.objectStoreNames.contains(MARKS_STORE)) {
    const marks = keys.map((key) => markOf('settings', key)).filter((mark): mark is string => mark !== undefined);
    await putAll(raw.objectStore(MARKS_STORE) as WritableStore<'syncMarks'>, marks, () => nextStamp(), (mark) => mark);
  }
  await deleted;
}
