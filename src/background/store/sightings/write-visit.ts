// A page visit, written into the entity's record for the visit's day: read that day's records,
// overwrite the page's entry or add it, put the one record back. The caller's transaction makes
// a visit of several entities all or nothing.
import { CHANGED_PAGES } from './changed-pages';
import { dayOf, dayRange, latestTime, PAGES_PER_RECORD, type SightingDayKey, type SightingDayRecord, type SightingPage } from './day-records';
import type { SiteOf } from '../../../core/web/site';

/**
 * New pages of one site an entity is seen on in one day, at most. A page can change its own
 * address (history.pushState) or load the next one every second or so, and each address was a
 * new entry under "Seen elsewhere": one open tab of evil.example put a page a second on the card
 * of everyone it names, under titles of its choosing, until the reader's own history fell off the
 * card (20 pages) and the store and sync grew without end. Half the card: one site cannot fill it.
 * A site is a registrable domain (core/web/site.ts): evil.example's subdomains share its bound.
 */
export const SITE_PAGES_PER_DAY = 10;

/** What the writer needs of the sightings store (idb's, in a readwrite transaction). */
export interface DayStore {
  getAll(query: IDBKeyRange): Promise<SightingDayRecord[]>;
  put(value: SightingDayRecord): Promise<SightingDayKey | IDBValidKey>;
}

/** The record as put, telling sync's marks which page changed (a symbol: structured clone drops it). */
function changed(record: SightingDayRecord, url: string): SightingDayRecord {
  return Object.assign(record, { [CHANGED_PAGES]: [url] });
}

/**
 * Records one visit of `page` for `entityId`. A page seen again the same day overwrites its entry
 * (a reload re-counts the same article, it does not add to it); a new page joins the day's last
 * record, or starts the next part once that one holds PAGES_PER_RECORD pages, unless its site
 * already has SITE_PAGES_PER_DAY pages that day (then false: nothing is written).
 */
export async function recordVisit(store: DayStore, entityId: string, page: SightingPage, siteOf: SiteOf): Promise<boolean> {
  const day = dayOf(page.time);
  const parts = await store.getAll(dayRange(entityId, day));
  for (const record of parts) {
    const at = record.pages.findIndex((p) => p.url === page.url);
    if (at === -1) continue;
    record.pages[at] = page;
    record.time = latestTime(record.pages);
    await store.put(changed(record, page.url));
    return true;
  }
  const site = siteOf(page.url);
  if (site !== '' && parts.reduce((n, r) => n + r.pages.filter((p) => siteOf(p.url) === site).length, 0) >= SITE_PAGES_PER_DAY) return false;
  const last = parts[parts.length - 1];
  if (last && last.pages.length < PAGES_PER_RECORD) {
    last.pages.push(page);
    last.time = latestTime(last.pages);
    await store.put(changed(last, page.url));
    return true;
  }
  await store.put(changed({ entityId, day, part: last ? last.part + 1 : 0, time: page.time, pages: [page] }, page.url));
  return true;
}
