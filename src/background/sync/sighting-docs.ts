// Sync's scan of the sightings: the store's day records (store/sightings/day-records.ts) read in
// key order, BATCH records per short transaction, sent as the flat documents sync has always
// carried ("s:<entity>\n<url>", one per entity and page, its newest visit), so older installs and
// existing remote databases keep working. An entity's records are consecutive in key order: its
// pages go out once the scan has passed all of them (a page may sit in several days).
import type { DossierDB } from '../store/open';
import { sightingSyncKey } from '../store/sightings/changed-pages';
import { flattenSightings, type SightingDayRecord } from '../store/sightings/day-records';

interface FlatDoc {
  key: string;
  payload: unknown;
}

export async function* scanSightings(db: DossierDB, batch: number): AsyncGenerator<FlatDoc[]> {
  let held: SightingDayRecord[] = [];
  let after: IDBValidKey | undefined;
  // Documents go out `batch` at a time whatever the entities' sizes, as the other stores' do.
  const out: FlatDoc[] = [];
  const flush = (records: SightingDayRecord[]): void => {
    for (const s of flattenSightings(records)) out.push({ key: sightingSyncKey(s.entityId, s.url), payload: { ...s } });
  };
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const tx = db.transaction('sightings');
    const [values, keys] = await Promise.all([tx.store.getAll(range, batch), tx.store.getAllKeys(range, batch)]);
    for (const record of values) {
      if (held.length > 0 && held[0]!.entityId !== record.entityId) {
        flush(held);
        held = [];
      }
      held.push(record);
    }
    while (out.length >= batch) yield out.splice(0, batch);
    if (values.length < batch) break;
    after = keys[keys.length - 1];
  }
  flush(held);
  while (out.length > 0) yield out.splice(0, batch);
}
