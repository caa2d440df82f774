// The reader's history as Dossier keeps it: the pages where they met a name of their dossier ("Seen
// elsewhere" on a card), and today's per-site quote counters (site-quota.ts), which name the sites
// read. The options page shows how much is kept and clears the last hour, day, week or all of it;
// visits older than the reader's "keep pages for" go by themselves (pruneReadingHistory).
//
// A page is cleared whole: every copy of it under an entity (a page visited on two days sits in
// both days' records) goes when its latest visit falls in the range, so no older visit of a page
// the reader asked to forget stays behind. Sync gets one mark per page (a deleted day record's key
// cannot name its pages), so the reader's other devices delete the same pages.
import type { DossierDB } from '../open';
import type { DossierSchema } from '../schema';
import type { IDBPTransaction } from 'idb';
import { allOrNothing } from '../all-or-nothing';
import { markSyncKeys, unmarkedTransaction } from '../sync-marks';
import { sightingSyncKey } from './changed-pages';
import { DAY_MS, dayKey, dayOf, entityRange, latestTime, type SightingDayKey, type SightingDayRecord } from './day-records';

/** Records read per transaction while counting (a day record holds up to 200 pages). */
const BATCH = 100;

export interface ReadingHistorySummary {
  /** Distinct page addresses kept, whatever the names met on them. */
  pages: number;
  /** epoch ms of the oldest kept visit; null when nothing is kept. */
  oldest: number | null;
}

/** How much history is kept: read a batch of day records per transaction, so a big store never holds one long. */
export async function readingHistorySummary(db: DossierDB): Promise<ReadingHistorySummary> {
  const urls = new Set<string>();
  let oldest: number | null = null;
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const tx = db.transaction('sightings');
    const [records, keys] = await Promise.all([tx.store.getAll(range, BATCH), tx.store.getAllKeys(range, BATCH)]);
    for (const record of records) {
      for (const page of record.pages) {
        urls.add(page.url);
        if (oldest === null || page.time < oldest) oldest = page.time;
      }
    }
    if (records.length < BATCH) break;
    after = keys[keys.length - 1];
  }
  return { pages: urls.size, oldest };
}

type ClearTx = IDBPTransaction<DossierSchema, ('sightings' | 'siteQuotes')[], 'readwrite'>;

/**
 * Forgets every page whose latest visit is at `since` or later (every page for -Infinity), under
 * every entity, and today's site counters; the number of distinct addresses forgotten. One
 * transaction: all or nothing.
 */
export async function clearReadingHistory(db: DossierDB, since: number): Promise<number> {
  const tx: ClearTx = db.transaction(['sightings', 'siteQuotes'], 'readwrite');
  return allOrNothing(tx, async () => {
    const sightings = tx.objectStore('sightings');
    // Records whose newest page is in the range name every page to forget (the byTime index);
    // their other copies may sit in older records of the same entity, read next.
    const doomed = new Map<string, Set<string>>();
    const recent = await sightings.index('byTime').getAll(Number.isFinite(since) ? IDBKeyRange.lowerBound(since) : undefined);
    for (const record of recent) {
      for (const page of record.pages) {
        if (page.time < since) continue;
        let urls = doomed.get(record.entityId);
        if (!urls) doomed.set(record.entityId, (urls = new Set()));
        urls.add(page.url);
      }
    }
    // A copy's visit may be older than `since` while the page's latest is newer: that page goes whole.
    const forgotten = new Set<string>();
    const marks: string[] = [];
    const writer = unmarkedTransaction(tx).objectStore('sightings');
    for (const [entityId, urls] of doomed) {
      for (const url of urls) {
        forgotten.add(url);
        marks.push(sightingSyncKey(entityId, url));
      }
      for (const record of await sightings.getAll(entityRange(entityId))) await rewrite(writer, record, urls);
    }
    markSyncKeys(tx, marks);
    // They name the sites read today; they bound a rate, and the reader's own clear may reset it.
    if (forgotten.size > 0) await tx.objectStore('siteQuotes').clear();
    return forgotten.size;
  });
}

/**
 * Forgets the visits before `before` (the reader's retention): old day records go, and a page's
 * copy in them with them; a page visited since keeps its newer copy. One transaction; each page
 * touched is marked for sync, which sends its newest copy left, or its deletion. The number of
 * (entity, page) copies forgotten.
 */
export async function pruneReadingHistory(db: DossierDB, before: number): Promise<number> {
  const tx = db.transaction(['sightings'], 'readwrite');
  return allOrNothing(tx, async () => {
    const sightings = tx.objectStore('sightings');
    const writer = unmarkedTransaction(tx).objectStore('sightings');
    // A record older than `before` holds only older pages (its time is its newest page's).
    const old = await sightings.index('byTime').getAll(IDBKeyRange.upperBound(before, true));
    const marks: string[] = [];
    for (const record of old) {
      marks.push(...record.pages.map((p) => sightingSyncKey(record.entityId, p.url)));
      await writer.delete(dayKey(record));
    }
    // A record with newer pages may hold older ones only if it is of `before`'s own day (a record
    // holds one day's pages): those are trimmed.
    const mixed = await sightings.index('byTime').getAll(IDBKeyRange.bound(before, (dayOf(before) + 1) * DAY_MS, false, true));
    for (const record of mixed) {
      const stale = record.pages.filter((p) => p.time < before);
      if (stale.length === 0) continue;
      marks.push(...stale.map((p) => sightingSyncKey(record.entityId, p.url)));
      await rewrite(writer, record, new Set(stale.map((p) => p.url)));
    }
    markSyncKeys(tx, marks);
    return marks.length;
  });
}

/**
 * Forgets one page under every entity (the card's "Forget" beside a page of "Seen elsewhere"): each
 * of its copies, on every day. One transaction; sync gets a mark per entity it was under. The
 * number of entities it was under. Reads every record (no index by page): a few hundred records
 * for the largest history a backup holds, for a click now and then.
 */
export async function forgetReadingPage(db: DossierDB, url: string): Promise<number> {
  const tx = db.transaction(['sightings'], 'readwrite');
  return allOrNothing(tx, async () => {
    const writer = unmarkedTransaction(tx).objectStore('sightings');
    const entities = new Set<string>();
    const urls = new Set([url]);
    for (const record of await tx.objectStore('sightings').getAll()) {
      if (!record.pages.some((p) => p.url === url)) continue;
      entities.add(record.entityId);
      await rewrite(writer, record, urls);
    }
    markSyncKeys(tx, [...entities].map((entityId) => sightingSyncKey(entityId, url)));
    return entities.size;
  });
}

interface RecordWriter {
  put(value: SightingDayRecord): Promise<unknown>;
  delete(key: SightingDayKey): Promise<void>;
}

/** The record without `urls`: put back smaller, deleted when nothing is left, untouched when none was in it. */
async function rewrite(writer: RecordWriter, record: SightingDayRecord, urls: ReadonlySet<string>): Promise<void> {
  const kept = record.pages.filter((p) => !urls.has(p.url));
  if (kept.length === record.pages.length) return;
  if (kept.length === 0) return writer.delete(dayKey(record));
  await writer.put({ ...record, pages: kept, time: latestTime(kept) });
}
