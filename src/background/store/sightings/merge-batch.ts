// Sync's pull writes flat sightings (one page each, from another device or an older install) into
// the day records. A first pull brings thousands of one entity's pages in one batch: each entity's
// records are read once per batch, changed in memory, and written back once at the end (flush),
// instead of a read of every record of the entity per page. Within a batch every key comes once
// (one document per key), so the store's copy read by the engine's checks is still right for the
// pages not yet written.
import { dayOf, entityRange, latestTime, PAGES_PER_RECORD, type SightingDayRecord } from './day-records';
import type { DayWriter } from './read-pages';
import type { SightingRecord } from '../schema';

interface EntityPages {
  records: SightingDayRecord[];
  /** The records holding each page (a page may sit in several days). */
  where: Map<string, Set<SightingDayRecord>>;
}

export class SightingMerge {
  private readonly entities = new Map<string, EntityPages>();
  private readonly dirty = new Set<SightingDayRecord>();

  constructor(private readonly store: DayWriter) {}

  private async pagesOf(entityId: string): Promise<EntityPages> {
    let pages = this.entities.get(entityId);
    if (!pages) {
      const records = await this.store.getAll(entityRange(entityId));
      const where = new Map<string, Set<SightingDayRecord>>();
      for (const record of records) for (const page of record.pages) this.holders(where, page.url).add(record);
      pages = { records, where };
      this.entities.set(entityId, pages);
    }
    return pages;
  }

  private holders(where: Map<string, Set<SightingDayRecord>>, url: string): Set<SightingDayRecord> {
    let set = where.get(url);
    if (!set) where.set(url, (set = new Set()));
    return set;
  }

  private drop(pages: EntityPages, url: string): void {
    for (const record of pages.where.get(url) ?? []) {
      record.pages = record.pages.filter((p) => p.url !== url);
      record.time = latestTime(record.pages);
      this.dirty.add(record);
    }
    pages.where.delete(url);
  }

  /** A deletion from another device: the page goes from every day of the entity. */
  async remove(entityId: string, url: string): Promise<void> {
    this.drop(await this.pagesOf(entityId), url);
  }

  /**
   * The newest visit wins: a copy here with a later time stays and the incoming one is not
   * written; otherwise every copy goes and the page joins its own day's record, so it reads back
   * exactly as sent. Returns whether it was written.
   */
  async merge(sighting: SightingRecord): Promise<boolean> {
    const { entityId, url, title, time, count } = sighting;
    const pages = await this.pagesOf(entityId);
    for (const record of pages.where.get(url) ?? []) {
      if (record.pages.some((p) => p.url === url && p.time > time)) return false;
    }
    this.drop(pages, url);
    const day = dayOf(time);
    let last: SightingDayRecord | undefined;
    for (const record of pages.records) if (record.day === day && (!last || record.part > last.part)) last = record;
    if (!last || last.pages.length >= PAGES_PER_RECORD) {
      last = { entityId, day, part: last ? last.part + 1 : 0, time, pages: [] };
      pages.records.push(last);
    }
    last.pages.push({ url, title, time, count });
    last.time = latestTime(last.pages);
    this.holders(pages.where, url).add(last);
    this.dirty.add(last);
    return true;
  }

  /** Writes what changed: each changed record once; one left empty is deleted. */
  async flush(): Promise<void> {
    for (const record of this.dirty) {
      if (record.pages.length === 0) await this.store.delete([record.entityId, record.day, record.part]);
      else await this.store.put(record);
    }
    this.dirty.clear();
  }
}
