// The database's shape as idb sees it. Records of the list carry where they came from, so a seed
// update can tell the user's work apart from ours.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Claim, Entity, EntityKind, Provenance, Quote } from '../../core/types';
import type { SightingDayKey, SightingDayRecord } from './sightings/day-records';

/** Store-only fields: derived from the record, so they never leave the background or a backup. */
export interface QuoteCardKeys {
  /** v4: the date of the newest source, what "newest first" sorts by. */
  latest?: string;
  /**
   * v4: [entityId, latest] for each entity the quote is about (mentioned, not the speaker). Array
   * keys rather than joined strings, so no entity id can fall inside another one's key range.
   */
  mentionLatest?: [string, string][];
}

/** v5: one per entity that has (or had) quotes; `by` and `about` as the card's sections count them. */
export interface QuoteCountRecord {
  id: string;
  by: number;
  about: number;
}

export const DB_NAME = 'dossier';

export type Origin = 'seed' | 'user';

export interface OriginFields {
  origin: Origin;
  /** Set when the user changed the record; a seed update never overwrites it then. */
  editedAt?: number;
}

export interface EntityRecord extends Entity, OriginFields {
  /** Normalised name and alias keys, each also from every word on, for prefix search. */
  keys: string[];
}
export type ClaimRecord = Claim & OriginFields;
/** A page that carried a quote: one per URL (or outlet|title|date for sources without one). */
export interface QuoteSourceRecord {
  url?: string;
  title: string;
  /** For a page the reader met: its host, from the browser (issue 11). */
  outlet: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  /** v6: what the page called itself (og:site_name), shown only as its claim, never as the source. */
  siteName?: string;
}
export type QuoteRecord = Quote &
  OriginFields & {
    /** v3: every page that carried the quote, in the order met. Absent on seed records: their provenance is the source. */
    sources?: QuoteSourceRecord[];
    /** The speaker's name for a speaker the list does not know (then `speaker` is ""). */
    speakerName?: string;
  } & QuoteCardKeys;

export interface SourceRecord {
  /** The URL when the provenance has one, else outlet|title|date: one source, one record. */
  key: string;
  outlet: string;
  title: string;
  date: string;
  url?: string;
  /** v6: how many quotes this page added over all its visits (bounded, see harvest.ts). */
  quotes?: number;
}

/** One sighting as backups and sync carry it: defined with the day records, which are made of them. */
export type { SightingRecord } from './sightings/day-records';

/** For a later issue (user annotations); the store exists so that issue needs no migration. */
export interface AnnotationRecord {
  id: string;
  url: string;
  time: number;
  [field: string]: unknown;
}

export interface DossierSchema extends DBSchema {
  entities: { key: string; value: EntityRecord; indexes: { byKind: EntityKind; byKey: string } };
  claims: { key: string; value: ClaimRecord; indexes: { byEntity: string } };
  quotes: {
    key: string;
    value: QuoteRecord;
    /** v4: the card's sections newest first, see quote-card-keys.ts. */
    indexes: { bySpeaker: string; byMention: string; bySpeakerLatest: [string, string]; byMentionLatest: [string, string] };
  };
  /** v5: per-entity quote totals for the card, kept by quote-writer.ts (see quote-counts.ts). */
  quoteCounts: { key: string; value: QuoteCountRecord };
  sources: { key: string; value: SourceRecord };
  /** v8: one record per entity and day (sightings/day-records.ts); v1–v7 one per entity and page. */
  sightings: { key: SightingDayKey; value: SightingDayRecord; indexes: { byTime: number } };
  annotations: { key: string; value: AnnotationRecord; indexes: { byUrl: string; byTime: number } };
  /** Out-of-line keys; values are validated when read back (see settings.ts). */
  settings: { key: string; value: unknown };
  /** v7: what changed since the last sync pass, keyed by sync key, valued by a stamp (sync-marks.ts). */
  syncMarks: { key: string; value: number };
  /** v9: new quotes per day, site and entity, keyed "day|site|entityId" (site-quota.ts). Not backed up, not synced. */
  siteQuotes: { key: string; value: number };
}

export const SETTING_SEED_HASH = 'seed-hash';
export const SETTING_DISTINCT = 'distinct';
/** Distinct names the user imported: kept apart from the seed's, which a seed update replaces. */
export const SETTING_DISTINCT_USER = 'distinct-user';
export const siteSettingKey = (host: string): string => `site-disabled:${host}`;

export function sourceKey(p: Provenance): string {
  return p.url ? p.url : `${p.outlet}|${p.title}|${p.date}`;
}

export type DossierDB = IDBPDatabase<DossierSchema>;
