// The options page's messages: managing the entity list, the sites where Dossier is off, the
// highlight colours, and backup/restore of the whole dossier. Kept apart from messages.ts, whose
// map only extends this one. Shapes as the background validates them in dossier-payloads.ts.
import type { Alias, Entity, EntityKind, MentionKind } from '../core/types';

/** An entity as the options page lists it: the list's fields plus where it came from. */
export interface AdminEntity extends Entity {
  origin: 'seed' | 'user';
  /** epoch ms of the user's last edit; a seed update never overwrites an edited entity. */
  editedAt?: number;
}

/** What the entity form sends. Without `id` it is a new entity (the id comes from the name). */
export interface EntityDraft {
  id?: string;
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  context: string;
}

export type EntityImportFormat = 'json' | 'csv';

export interface EntityImportSummary {
  /** False for a preview: nothing was written. */
  applied: boolean;
  entities: number;
  claims: number;
  quotes: number;
  /** Entities new to the dossier / replacing one with the same id. */
  added: number;
  replaced: number;
  /** The first few names, for the preview. */
  sample: string[];
}

/** #rrggbb per kind; a kind left out keeps the built-in colour. */
export type HighlightColours = Partial<Record<MentionKind, string>>;

export interface BackupCounts {
  entities: number;
  claims: number;
  quotes: number;
  sources: number;
  sightings: number;
  annotations: number;
  settings: number;
}

export interface BackupFile {
  text: string;
  filename: string;
  mimeType: string;
  counts: BackupCounts;
}

/** How far back "Clear reading history" goes. */
export type HistoryRange = 'hour' | 'day' | 'week' | 'all';
export const HISTORY_RANGES: readonly HistoryRange[] = ['hour', 'day', 'week', 'all'];
/** How many days of visits "Keep pages for" keeps; null: all of them. */
export type HistoryKeepDays = 30 | 90 | 365 | null;
export const HISTORY_KEEP_DAYS: readonly HistoryKeepDays[] = [null, 365, 90, 30];

export interface DossierBackgroundMessages {
  'entities/list': { req: Record<string, never>; res: { entities: AdminEntity[] }; senders: 'extension-page' };
  /** Creates (no id) or edits an entity; an edit marks it as the user's. */
  'entities/save': { req: { entity: EntityDraft }; res: { entity: AdminEntity }; senders: 'extension-page' };
  /** Removes an entity; a seed entity stays removed after seed updates. */
  'entities/delete': { req: { id: string }; res: { deleted: boolean }; senders: 'extension-page' };
  /** JSON (an entity list) or CSV; `apply: false` only validates and counts. All or nothing. */
  'entities/import': {
    req: { text: string; format: EntityImportFormat; apply: boolean; filename?: string };
    res: EntityImportSummary;
    senders: 'extension-page';
  };
  /** Host names where Dossier is switched off (removed with `site/set`). */
  'sites/list': { req: Record<string, never>; res: { hosts: string[] }; senders: 'extension-page' };
  /** The user's highlight colours; the content script reads them with the list. */
  'settings/colours': { req: Record<string, never>; res: { colours: HighlightColours }; senders: 'content' | 'extension-page' };
  'settings/colours/set': { req: { colours: HighlightColours }; res: { colours: HighlightColours }; senders: 'extension-page' };
  /** Timings on every page's timeline, for performance reports; pages can read them, so off by default. */
  'settings/diagnostics': { req: Record<string, never>; res: { on: boolean }; senders: 'extension-page' };
  'settings/diagnostics/set': { req: { on: boolean }; res: { on: boolean }; senders: 'extension-page' };
  'backup/export': { req: Record<string, never>; res: BackupFile; senders: 'extension-page' };
  /** The pages kept where the reader met a name ("Seen elsewhere"): how many, since when. */
  'history/summary': { req: Record<string, never>; res: { pages: number; oldest: number | null; keepDays: HistoryKeepDays }; senders: 'extension-page' };
  /** "Keep pages for": saved, and what it no longer keeps forgotten at once (copies of a page under an entity). */
  'history/keep': { req: { days: HistoryKeepDays }; res: { keepDays: HistoryKeepDays; forgotten: number }; senders: 'extension-page' };
  /** Forgets those pages whose latest visit is within `range` of now (sync deletes them elsewhere); the number forgotten. */
  /** Forgets one page under every entity (a card's "Forget"); how many entities it was under. */
  'history/forget-page': { req: { url: string }; res: { entities: number }; senders: 'extension-page' };
  'history/clear': { req: { range: HistoryRange }; res: { pages: number }; senders: 'extension-page' };
  /** Replaces the whole dossier with the backup's, in one transaction: a bad file changes nothing. */
  'backup/restore': { req: { text: string }; res: { counts: BackupCounts }; senders: 'extension-page' };
}
