// v8: the flat sightings store (one record per entity and page, key [entityId, url]) regrouped into
// day records (day-records.ts). Inside the upgrade's transaction: a failure leaves v7 as it was.
import type { IDBPDatabase } from 'idb';
import type { DossierSchema, SightingRecord } from '../schema';
import type { UpgradeTransaction } from '../upgrade-step';
import { putAll, type WritableStore } from '../bulk-put';
import { groupSightings } from './day-records';

export async function groupSightingsByDay(db: IDBPDatabase<DossierSchema>, tx: UpgradeTransaction): Promise<void> {
  // v7's records, whatever the type now says (the store's shape changes below).
  const flat = (await tx.objectStore('sightings').getAll()) as unknown as SightingRecord[];
  db.deleteObjectStore('sightings');
  // No byEntity index any more: the key's first part is the entity, read as a key range.
  const store = db.createObjectStore('sightings', { keyPath: ['entityId', 'day', 'part'] });
  store.createIndex('byTime', 'time');
  await putAll(tx.objectStore('sightings') as unknown as WritableStore<'sightings'>, groupSightings(flat), (record) => record);
  // Sync's keys and payloads are the flat ones still ("s:<entity>\n<url>"): nothing to rescan.
}
