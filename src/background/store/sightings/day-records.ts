// Sightings ("Seen elsewhere") as the store keeps them: ONE record per entity and day, holding that
// day's pages, instead of one record per entity and page. IndexedDB's cost is per record (~0.3 ms
// each in Chromium, BENCHMARKS part 10): a 40 MB backup's 80,317 sightings took 24 s to restore
// as records of their own, and take a few hundred records this way.
//
// Outside the store (backups, sync, the card) a sighting is still flat: { entityId, url, title,
// time, count }, one per entity and page. A page visited on two days sits in both days' records
// (the writer touches today's record only; finding yesterday's copy would need an index over every
// page, which the restore would pay for per page again); every reader keeps the newest copy of a
// page, so what it sees is what the flat store held: the page's latest visit.

/** One sighting as backups and sync carry it (and the store kept it until v7), one per entity and page. */
export interface SightingRecord {
  entityId: string;
  url: string;
  title: string;
  /** epoch ms of the latest visit */
  time: number;
  /** mentions on the page at that visit */
  count: number;
}

/** One page of one day, as the flat sighting had it minus the entity. */
export interface SightingPage {
  url: string;
  title: string;
  /** epoch ms of the latest visit */
  time: number;
  /** mentions on the page at that visit */
  count: number;
}

/** v8: the sightings store's record (key [entityId, day, part]). */
export interface SightingDayRecord {
  entityId: string;
  /**
   * Days since the epoch, UTC (Math.floor(time / DAY_MS)). A number rather than "YYYY-MM-DD":
   * it sorts the same in the key, costs one division (a restore groups 80,000 sightings at once)
   * and has no format to check; nobody reads it but this module.
   */
  day: number;
  /** 0, then 1, 2… once a day's record holds PAGES_PER_RECORD pages (see below). */
  part: number;
  /** The newest page's time: the `byTime` index. */
  time: number;
  pages: SightingPage[];
}

export type SightingDayKey = [string, number, number];

export const DAY_MS = 86_400_000;
/**
 * Pages per record. Past it the day gets a second record (part 1, …) rather than losing its
 * oldest pages: a restore or the upgrade must keep every sighting it is given (the bench's 40 MB
 * file has hundreds of pages per entity, all of one day), and records of ~200 pages (~30 KB)
 * keep a page visit's read-modify-write small.
 */
export const PAGES_PER_RECORD = 200;

export const dayOf = (time: number): number => Math.floor(time / DAY_MS);

export const dayKey = (r: Pick<SightingDayRecord, 'entityId' | 'day' | 'part'>): SightingDayKey => [r.entityId, r.day, r.part];

/**
 * Every record of one entity. An array key sorts after any number, so [id, []] is above every
 * [id, day, part] and below the next entity's keys: no entity id can fall inside another's range.
 */
export const entityRange = (entityId: string): IDBKeyRange => IDBKeyRange.bound([entityId], [entityId, []]);

/** Every part of one entity's day. */
export const dayRange = (entityId: string, day: number): IDBKeyRange => IDBKeyRange.bound([entityId, day], [entityId, day, []]);

export const latestTime = (pages: readonly SightingPage[]): number => pages.reduce((max, p) => (p.time > max ? p.time : max), 0);

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Flat sightings (a backup's, the old store's) as day records: grouped by entity and day, each
 * day's pages oldest first, PAGES_PER_RECORD per record. Expects one sighting per entity and page,
 * as the backup's validator and the old store's key ensure.
 */
export function groupSightings(flat: Iterable<SightingRecord>): SightingDayRecord[] {
  const byEntity = new Map<string, Map<number, SightingPage[]>>();
  for (const { entityId, url, title, time, count } of flat) {
    let days = byEntity.get(entityId);
    if (!days) byEntity.set(entityId, (days = new Map()));
    const day = dayOf(time);
    let pages = days.get(day);
    if (!pages) days.set(day, (pages = []));
    pages.push({ url, title, time, count });
  }
  const records: SightingDayRecord[] = [];
  for (const [entityId, days] of byEntity) {
    for (const [day, pages] of days) {
      pages.sort((a, b) => a.time - b.time || compareStrings(a.url, b.url));
      for (let part = 0; part * PAGES_PER_RECORD < pages.length; part++) {
        const chunk = pages.slice(part * PAGES_PER_RECORD, (part + 1) * PAGES_PER_RECORD);
        records.push({ entityId, day, part, time: latestTime(chunk), pages: chunk });
      }
    }
  }
  return records;
}

/** The newest copy of each page among `records` (a page may sit in several days' records). */
function newestPages(records: Iterable<SightingDayRecord>, into = new Map<string, Map<string, SightingRecord>>()): Map<string, Map<string, SightingRecord>> {
  for (const record of records) {
    let pages = into.get(record.entityId);
    if (!pages) into.set(record.entityId, (pages = new Map()));
    for (const { url, title, time, count } of record.pages) {
      const had = pages.get(url);
      if (!had || time > had.time) pages.set(url, { entityId: record.entityId, url, title, time, count });
    }
  }
  return into;
}

/**
 * Day records as flat sightings, one per entity and page (its newest visit), in the order the flat
 * store's key [entityId, url] gave: a backup reads as before, and old versions restore it.
 */
export function flattenSightings(records: Iterable<SightingDayRecord>): SightingRecord[] {
  const byEntity = newestPages(records);
  const flat: SightingRecord[] = [];
  for (const entityId of [...byEntity.keys()].sort(compareStrings)) {
    const pages = byEntity.get(entityId)!;
    for (const url of [...pages.keys()].sort(compareStrings)) flat.push(pages.get(url)!);
  }
  return flat;
}

/** Newest first, then by URL (the flat store's order among equal times). */
export const newestFirst = (a: SightingPage, b: SightingPage): number => b.time - a.time || compareStrings(a.url, b.url);
