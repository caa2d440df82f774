// A backup file is untrusted input: it may have been edited, truncated or made by someone else.
// Every record is rebuilt field by field before the store is touched (entities, claims and quotes
// by the entity-list validator, annotations by the annotation validator, the rest here), and the
// first problem is reported with the record and field, e.g. `entities[3] ("ada").name: ...`.
import { parseJsonText, utf8Length } from '../../core/annotations/json-input';
import type { Annotation } from '../../core/annotations/model';
import { parseEntityList } from '../../core/list/entity-list';
import type { Claim, Entity, Quote } from '../../core/types';
import { readAnnotation } from '../payloads/payloads-annotations';
import { readBoolean, readInteger, readPlainObject, readRecord, readString, ValidationError } from '../../shared/validate';
import { backupBytes, dataTooBig, fileTooBig, MAX_BACKUP_BYTES, MAX_BACKUP_FILE_BYTES } from './backup-size';
import { isTombstoneKey } from './entity-tombstones';
import { COLOUR_KINDS, HEX_COLOUR, SETTING_COLOURS } from './options-settings';
import { SETTING_DISTINCT, SETTING_SEED_HASH, siteSettingKey, type Origin, type QuoteSourceRecord, type SightingRecord, type SourceRecord } from './schema';

export const BACKUP_FORMAT = 'dossier-backup';
export const BACKUP_VERSION = 1;
export { MAX_BACKUP_BYTES, MAX_BACKUP_FILE_BYTES };
/** Per collection; far more than years of reading produce. */
const MAX_RECORDS = 500_000;
const TEXT_MAX = 20_000;

export interface OriginMarks {
  origin: Origin;
  editedAt?: number;
}
export type BackupEntity = Entity & OriginMarks;
export type BackupClaim = Claim & OriginMarks;
export type BackupQuote = Quote & OriginMarks & { sources?: QuoteSourceRecord[]; speakerName?: string };
export type BackupAnnotation = Annotation & { orphan: boolean };
export interface BackupSetting {
  key: string;
  value: unknown;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exported: string;
  entities: BackupEntity[];
  claims: BackupClaim[];
  quotes: BackupQuote[];
  sources: SourceRecord[];
  sightings: SightingRecord[];
  annotations: BackupAnnotation[];
  settings: BackupSetting[];
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

const ROOT_FIELDS = ['format', 'version', 'exported', 'entities', 'claims', 'quotes', 'sources', 'sightings', 'annotations', 'settings'];
const ENTITY_FIELDS = ['id', 'name', 'kind', 'aliases', 'context', 'provenance'];
const CLAIM_FIELDS = ['id', 'statement', 'entities', 'cues', 'provenance'];
const QUOTE_FIELDS = ['id', 'text', 'speaker', 'mentions', 'provenance'];
const MARK_FIELDS = ['origin', 'editedAt'];
const STUB_PROVENANCE = { outlet: 'stub', title: 'stub', date: '2000-01-01', sentence: 'stub' };
/** Stands in for an unknown speaker ("" in the store) while the list validator reads the quote. */
const NO_SPEAKER = '\u0000no-speaker';

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(`${path} must be an array`);
  if (value.length > MAX_RECORDS) throw new ValidationError(`${path} has more than ${MAX_RECORDS} records`);
  return value;
}

/** "entities[3]" plus the record's id when it has one, so the user can find it in the file. */
function recordPath(collection: string, index: number, value: unknown, idField = 'id'): string {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[idField] : undefined;
  return typeof id === 'string' ? `${collection}[${index}] ("${id.slice(0, 80)}")` : `${collection}[${index}]`;
}

function readMarks(record: Record<string, unknown>, path: string): OriginMarks {
  if (record.origin !== 'seed' && record.origin !== 'user') throw new ValidationError(`${path}.origin must be "seed" or "user"`);
  const marks: OriginMarks = { origin: record.origin };
  if (record.editedAt !== undefined) marks.editedAt = readInteger(record, 'editedAt', path, { min: 0, max: Number.MAX_SAFE_INTEGER });
  return marks;
}

function pick(record: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => record[f] !== undefined).map((f) => [f, record[f]]));
}

/**
 * Runs the entity-list validator over one item, with stub entities for the ids it refers to: a
 * stored claim may name an entity the user has since deleted, and that is no reason to refuse it.
 */
function throughListValidator(
  collection: 'entities' | 'claims' | 'quotes',
  item: Record<string, unknown>,
  references: readonly string[],
  path: string,
): Entity | Claim | Quote {
  const stubs = [...new Set(references)].filter((id) => /^\S+$/.test(id)).map((id) => ({ id, name: 'stub', kind: 'person', aliases: [], context: '', provenance: STUB_PROVENANCE }));
  const list = { version: 1, entities: collection === 'entities' ? [item] : stubs, claims: collection === 'claims' ? [item] : [], quotes: collection === 'quotes' ? [item] : [], distinct: [] };
  const parsed = parseEntityList(list);
  if (!parsed.ok) throw new ValidationError(parsed.error.replace(`${collection}[0]`, path));
  const found = parsed.list[collection][0];
  if (!found) throw new ValidationError(`${path} could not be read`);
  return found;
}

function idsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function readEntity(value: unknown, path: string): BackupEntity {
  const record = readRecord(value, path, [...ENTITY_FIELDS, ...MARK_FIELDS]);
  const entity = throughListValidator('entities', pick(record, ENTITY_FIELDS), [], path) as Entity;
  return { ...entity, ...readMarks(record, path) };
}

export function readClaim(value: unknown, path: string): BackupClaim {
  const record = readRecord(value, path, [...CLAIM_FIELDS, ...MARK_FIELDS]);
  const claim = throughListValidator('claims', pick(record, CLAIM_FIELDS), idsIn(record.entities), path) as Claim;
  return { ...claim, ...readMarks(record, path) };
}

function readQuoteSource(value: unknown, path: string): QuoteSourceRecord {
  const s = readRecord(value, path, ['url', 'title', 'outlet', 'date', 'siteName']);
  const source: QuoteSourceRecord = { title: readString(s, 'title', path, { max: TEXT_MAX }), outlet: readString(s, 'outlet', path, { max: TEXT_MAX }), date: readDay(s, 'date', path) };
  if (s.url !== undefined) source.url = readString(s, 'url', path, { min: 1, max: TEXT_MAX });
  if (s.siteName !== undefined) source.siteName = readString(s, 'siteName', path, { min: 1, max: TEXT_MAX });
  return source;
}

export function readQuote(value: unknown, path: string): BackupQuote {
  const record = readRecord(value, path, [...QUOTE_FIELDS, ...MARK_FIELDS, 'sources', 'speakerName']);
  const fields = pick(record, QUOTE_FIELDS);
  // The store keeps a speaker the list does not know as "" with the name beside it (harvest.ts).
  const unknownSpeaker = fields.speaker === '';
  if (unknownSpeaker) fields.speaker = NO_SPEAKER;
  const quote = throughListValidator('quotes', fields, [...idsIn(fields.mentions), ...(typeof fields.speaker === 'string' ? [fields.speaker] : [])], path) as Quote;
  const result: BackupQuote = { ...quote, ...(unknownSpeaker ? { speaker: '' } : {}), ...readMarks(record, path) };
  if (record.sources !== undefined) result.sources = array(record.sources, `${path}.sources`).map((s, i) => readQuoteSource(s, `${path}.sources[${i}]`));
  if (record.speakerName !== undefined) result.speakerName = readString(record, 'speakerName', path, { min: 1, max: TEXT_MAX });
  if (unknownSpeaker && result.speakerName === undefined) throw new ValidationError(`${path}.speakerName is needed when the speaker is ""`);
  return result;
}

function readDay(record: Record<string, unknown>, field: string, path: string): string {
  const day = readString(record, field, path, { max: 10 });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ValidationError(`${path}.${field} must be a date such as 2024-05-16`);
  return day;
}

function readSource(value: unknown, path: string): SourceRecord {
  const s = readRecord(value, path, ['key', 'outlet', 'title', 'date', 'url', 'quotes']);
  const source: SourceRecord = {
    key: readString(s, 'key', path, { min: 1, max: TEXT_MAX }),
    outlet: readString(s, 'outlet', path, { max: TEXT_MAX }),
    title: readString(s, 'title', path, { max: TEXT_MAX }),
    date: readDay(s, 'date', path),
  };
  if (s.url !== undefined) source.url = readString(s, 'url', path, { min: 1, max: TEXT_MAX });
  if (s.quotes !== undefined) {
    if (typeof s.quotes !== 'number' || !Number.isInteger(s.quotes) || s.quotes < 0) throw new ValidationError(`${path}.quotes must be a whole number`);
    source.quotes = s.quotes;
  }
  return source;
}

function readSighting(value: unknown, path: string): SightingRecord {
  const s = readRecord(value, path, ['entityId', 'url', 'title', 'time', 'count']);
  return {
    entityId: readString(s, 'entityId', path, { min: 1, max: 200 }),
    url: readString(s, 'url', path, { min: 1, max: 4096 }),
    title: readString(s, 'title', path, { max: 1000 }),
    time: readInteger(s, 'time', path, { min: 0, max: Number.MAX_SAFE_INTEGER }),
    count: readInteger(s, 'count', path, { min: 0, max: 1_000_000 }),
  };
}

function readStoredAnnotation(value: unknown, path: string): BackupAnnotation {
  const record = readPlainObject(value, path);
  const { orphan, ...model } = record;
  const annotation = readAnnotation(model, path);
  return { ...annotation, orphan: readBoolean({ orphan }, 'orphan', path) };
}

/** Settings we know are checked by shape; others (a newer version's) must at least be small. */
function readSetting(value: unknown, path: string): BackupSetting {
  const s = readRecord(value, path, ['key', 'value']);
  const key = readString(s, 'key', path, { min: 1, max: 500 });
  const at = `${path} ("${key.slice(0, 80)}").value`;
  const v = s.value;
  if (key === SETTING_SEED_HASH && typeof v !== 'string') throw new ValidationError(`${at} must be a string`);
  if (key.startsWith(siteSettingKey('')) && v !== true) throw new ValidationError(`${at} must be true`);
  if (isTombstoneKey(key) && (typeof v !== 'number' || !Number.isFinite(v))) throw new ValidationError(`${at} must be a time in ms`);
  if (key === SETTING_DISTINCT) {
    array(v, at).forEach((d, i) => {
      const item = readRecord(d, `${at}[${i}]`, ['text', 'note']);
      readString(item, 'text', `${at}[${i}]`, { min: 1, max: TEXT_MAX });
      readString(item, 'note', `${at}[${i}]`, { max: TEXT_MAX });
    });
  }
  if (key === SETTING_COLOURS) {
    const colours = readRecord(v, at, COLOUR_KINDS);
    for (const kind of Object.keys(colours)) {
      const colour = colours[kind];
      if (typeof colour !== 'string' || !HEX_COLOUR.test(colour)) throw new ValidationError(`${at}.${kind} must be a colour such as #f4a261`);
    }
  }
  if (v === undefined) throw new ValidationError(`${at} is missing`);
  if (JSON.stringify(v).length > TEXT_MAX * 10) throw new ValidationError(`${at} is too large`);
  return { key, value: v };
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string, collection: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new ValidationError(`${collection}[${i}] repeats the key "${key.slice(0, 80)}" of ${collection}[${earlier}]`);
    seen.set(key, i);
  });
}

function readBackup(value: unknown): Backup {
  const root = readRecord(value, 'backup', ROOT_FIELDS);
  if (root.format !== BACKUP_FORMAT) throw new ValidationError(`backup.format must be "${BACKUP_FORMAT}": this is not a Dossier backup`);
  if (root.version !== BACKUP_VERSION) throw new ValidationError(`backup.version ${String(root.version)} is not one this Dossier can restore (${BACKUP_VERSION})`);
  const read = <T>(collection: string, reader: (v: unknown, path: string) => T, idField?: string): T[] =>
    array(root[collection], collection).map((item, i) => reader(item, recordPath(collection, i, item, idField)));
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: readString(root, 'exported', 'backup', { max: 40 }),
    entities: read('entities', readEntity),
    claims: read('claims', readClaim),
    quotes: read('quotes', readQuote),
    sources: read('sources', readSource, 'key'),
    sightings: read('sightings', readSighting, 'entityId'),
    annotations: read('annotations', readStoredAnnotation),
    settings: read('settings', readSetting, 'key'),
  };
  unique(backup.entities, (e) => e.id, 'entities');
  unique(backup.claims, (c) => c.id, 'claims');
  unique(backup.quotes, (q) => q.id, 'quotes');
  unique(backup.sources, (s) => s.key, 'sources');
  unique(backup.sightings, (s) => `${s.entityId} ${s.url}`, 'sightings');
  unique(backup.annotations, (a) => a.id, 'annotations');
  unique(backup.settings, (s) => s.key, 'settings');
  return backup;
}

/** The backup, or the first problem: size, JSON syntax, a forbidden key, or a record's field. */
export function parseBackup(text: string): ParsedBackup {
  // One pass over the file's bytes (a 40 MB file's was counted three times), none if it is too long in characters already.
  if (text.length > MAX_BACKUP_FILE_BYTES) return { ok: false, error: fileTooBig(utf8Length(text)) };
  const fileBytes = utf8Length(text);
  if (fileBytes > MAX_BACKUP_FILE_BYTES) return { ok: false, error: fileTooBig(fileBytes) };
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, error: json.error };
  try {
    const backup = readBackup(json.value);
    // Measured as the export will write it: what is restored here can always be backed up again.
    const bytes = backupBytes(backup);
    if (bytes > MAX_BACKUP_BYTES) return { ok: false, error: dataTooBig(bytes) };
    return { ok: true, backup };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.message };
    throw error;
  }
}
