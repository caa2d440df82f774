// Which pages of a day record a put changed, for sync's change marks (sync-marks.ts): one mark per
// page ("s:<entity>\n<url>", the wire format of one sighting) rather than one per record. The
// writer tags the record with a symbol-keyed property, which IndexedDB's structured clone leaves
// out of the stored value. A put without the tag marks every page of the record: a writer that
// forgets costs a few more marks, never a missed change.
import type { SightingDayRecord } from './day-records';

export const CHANGED_PAGES = Symbol('changed pages');

/** The sync key of one entity's page: unchanged from the flat store, so old installs and remote databases keep working. */
export const sightingSyncKey = (entityId: string, url: string): string => `s:${entityId}\n${url}`;

/** The sync keys a put of `value` into the sightings store changes. */
export function sightingMarksOf(value: unknown): string[] {
  const record = value as (Partial<SightingDayRecord> & { [CHANGED_PAGES]?: unknown }) | null;
  const entityId = String(record?.entityId);
  const tagged = record?.[CHANGED_PAGES];
  const urls = Array.isArray(tagged) ? tagged.map(String) : Array.isArray(record?.pages) ? record.pages.map((p) => String(p?.url)) : [];
  return urls.map((url) => sightingSyncKey(entityId, url));
}
