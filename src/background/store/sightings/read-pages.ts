// Reading one entity's pages across its day records: the card's "Seen elsewhere", and sync's
// view of one page (what its push sends; its pull writes through merge-batch.ts).
import type { SightingRecord } from '../schema';
import { entityRange, newestFirst, type SightingDayKey, type SightingDayRecord, type SightingPage } from './day-records';

interface DayCursor {
  readonly value: SightingDayRecord;
  continue(): Promise<DayCursor | null>;
}

/** What these readers need of the sightings store (idb's, in any transaction). */
export interface DayReader {
  openCursor(query: IDBKeyRange, direction?: IDBCursorDirection): Promise<DayCursor | null>;
}

export interface DayWriter extends DayReader {
  getAll(query: IDBKeyRange): Promise<SightingDayRecord[]>;
  put(value: SightingDayRecord): Promise<SightingDayKey | IDBValidKey>;
  delete(key: SightingDayKey | IDBKeyRange): Promise<void>;
}

/**
 * The entity's newest pages but `here`, newest first, at most `limit`, each page once (its latest
 * visit). Reads day records newest day first and stops after the first whole day that brings the
 * count to `limit`: every page of an older day is older than all of those.
 */
export async function readCardSightings(store: DayReader, entityId: string, here: string, limit: number): Promise<SightingPage[]> {
  const newest = new Map<string, SightingPage>();
  let others = 0;
  let day: number | undefined;
  for (let cursor = await store.openCursor(entityRange(entityId), 'prev'); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    if (record.day !== day) {
      if (others >= limit) break;
      day = record.day;
    }
    for (const page of record.pages) {
      const had = newest.get(page.url);
      if (had && had.time >= page.time) continue;
      if (!had && page.url !== here) others++;
      newest.set(page.url, page);
    }
  }
  newest.delete(here);
  return [...newest.values()].sort(newestFirst).slice(0, limit);
}

/** The page's latest visit as a flat sighting, or undefined when the entity has none of it. */
export async function readPage(store: DayReader, entityId: string, url: string): Promise<SightingRecord | undefined> {
  let found: SightingPage | undefined;
  let day: number | undefined;
  for (let cursor = await store.openCursor(entityRange(entityId), 'prev'); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    // Parts of one day are not in time order (a revisit updates part 0): finish the day first.
    if (found && record.day !== day) break;
    day = record.day;
    const page = record.pages.find((p) => p.url === url);
    if (page && (!found || page.time > found.time)) found = page;
  }
  return found && { entityId, url, title: found.title, time: found.time, count: found.count };
}
