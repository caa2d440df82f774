// An entity's sightings go with it. Deleted as one key range; sync gets one mark per page (what a
// key range cannot name for it), so other devices delete the same pages.
import type { IDBPTransaction } from 'idb';
import type { DossierSchema } from '../schema';
import { markSyncKeys, unmarkedTransaction } from '../sync-marks';
import { sightingSyncKey } from './changed-pages';
import { entityRange } from './day-records';

type Tx = IDBPTransaction<DossierSchema, ('entities' | 'sightings' | 'settings' | 'siteQuotes')[], 'readwrite'>;

export async function deleteSightingsOf(tx: Tx, entityId: string): Promise<void> {
  const range = entityRange(entityId);
  const records = await tx.objectStore('sightings').getAll(range);
  if (records.length === 0) return;
  markSyncKeys(tx, new Set(records.flatMap((r) => r.pages.map((p) => sightingSyncKey(entityId, p.url)))));
  await unmarkedTransaction(tx).objectStore('sightings').delete(range);
}
