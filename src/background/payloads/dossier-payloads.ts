// Parsers of the options page's messages (dossier-messages.ts), field by field. Files (entity
// lists, backups) travel as text and are parsed in the route, where an error can say "nothing
// was imported" with the record and field at fault.
import { ENTITY_KINDS, type Alias, type EntityKind } from '../../core/types';
import { HISTORY_KEEP_DAYS, HISTORY_RANGES, type EntityDraft, type HighlightColours, type DossierBackgroundMessages, type HistoryKeepDays, type HistoryRange } from '../../shared/dossier-messages';
import type { RequestOf } from '../../shared/messages';
import { readBoolean, readRecord, readString, ValidationError } from '../../shared/validate';
import { DEFAULT_MAX_IMPORT_BYTES } from '../../core/annotations/json-input';
import { MAX_BACKUP_FILE_BYTES } from '../store/backup-validate';
import { COLOUR_KINDS, HEX_COLOUR } from '../store/options-settings';

type Request<K extends keyof DossierBackgroundMessages> = RequestOf<DossierBackgroundMessages, K>;
export type DossierPayloadParsers = { [K in keyof DossierBackgroundMessages]: (payload: unknown) => Request<K> };

const ID_MAX = 200;
/** As long as a page address the store keeps (sightings' pages are their visited addresses). */
const PAGE_URL_MAX = 8192;
const NAME_MAX = 200;
const CONTEXT_MAX = 2000;
export const ALIASES_MAX = 100;

function empty(payload: unknown): Record<string, never> {
  // Callers may send no payload at all for a request without fields.
  if (payload !== undefined) readRecord(payload, 'payload', []);
  return {};
}

function readId(p: Record<string, unknown>, path: string): string {
  const id = readString(p, 'id', path, { min: 1, max: ID_MAX });
  if (/\s/.test(id)) throw new ValidationError(`${path}.id must have no spaces`);
  return id;
}

/** A name or alias: something the matcher can find, so not blank. */
function readName(p: Record<string, unknown>, field: string, path: string): string {
  const text = readString(p, field, path, { min: 1, max: NAME_MAX }).trim();
  if (text === '') throw new ValidationError(`${path}.${field} must not be blank`);
  return text;
}

function readAlias(value: unknown, path: string): Alias {
  const a = readRecord(value, path, ['text', 'exactCase', 'needsContext']);
  const alias: Alias = { text: readName(a, 'text', path) };
  if (a.exactCase !== undefined) alias.exactCase = readBoolean(a, 'exactCase', path);
  if (a.needsContext !== undefined) alias.needsContext = readBoolean(a, 'needsContext', path);
  return alias;
}

function readKind(p: Record<string, unknown>, path: string): EntityKind {
  const kind = ENTITY_KINDS.find((k) => k === p.kind);
  if (!kind) throw new ValidationError(`${path}.kind must be one of ${ENTITY_KINDS.join(', ')}`);
  return kind;
}

export function readEntityDraft(value: unknown, path: string): EntityDraft {
  const e = readRecord(value, path, ['id', 'name', 'kind', 'aliases', 'context']);
  if (!Array.isArray(e.aliases)) throw new ValidationError(`${path}.aliases must be an array`);
  if (e.aliases.length > ALIASES_MAX) throw new ValidationError(`${path}.aliases has more than ${ALIASES_MAX} aliases`);
  const draft: EntityDraft = {
    name: readName(e, 'name', path),
    kind: readKind(e, path),
    aliases: e.aliases.map((a, i) => readAlias(a, `${path}.aliases[${i}]`)),
    context: readString(e, 'context', path, { max: CONTEXT_MAX }).trim(),
  };
  if (e.id !== undefined) draft.id = readId(e, path);
  return draft;
}

function readColours(value: unknown, path: string): HighlightColours {
  const c = readRecord(value, path, COLOUR_KINDS);
  const colours: HighlightColours = {};
  for (const kind of COLOUR_KINDS) {
    if (c[kind] === undefined) continue;
    const colour = readString(c, kind, path, { max: 7 });
    if (!HEX_COLOUR.test(colour)) throw new ValidationError(`${path}.${kind} must be a colour such as #f4a261`);
    colours[kind] = colour.toLowerCase();
  }
  return colours;
}

export const DOSSIER_PAYLOAD_PARSERS: DossierPayloadParsers = {
  'entities/list': empty,
  'entities/save': (payload) => {
    const p = readRecord(payload, 'payload', ['entity']);
    return { entity: readEntityDraft(p.entity, 'payload.entity') };
  },
  'entities/delete': (payload) => {
    const p = readRecord(payload, 'payload', ['id']);
    return { id: readId(p, 'payload') };
  },
  'entities/import': (payload) => {
    const p = readRecord(payload, 'payload', ['text', 'format', 'apply', 'filename']);
    if (p.format !== 'json' && p.format !== 'csv') throw new ValidationError('payload.format must be "json" or "csv"');
    const request: Request<'entities/import'> = {
      text: readString(p, 'text', 'payload', { max: DEFAULT_MAX_IMPORT_BYTES }),
      format: p.format,
      apply: readBoolean(p, 'apply', 'payload'),
    };
    if (p.filename !== undefined) request.filename = readString(p, 'filename', 'payload', { max: 200 });
    return request;
  },
  'sites/list': empty,
  'settings/colours': empty,
  'settings/colours/set': (payload) => {
    const p = readRecord(payload, 'payload', ['colours']);
    return { colours: readColours(p.colours, 'payload.colours') };
  },
  'settings/diagnostics': empty,
  'settings/diagnostics/set': (payload) => ({ on: readBoolean(readRecord(payload, 'payload', ['on']), 'on', 'payload') }),
  'backup/export': empty,
  'history/summary': empty,
  'history/forget-page': (payload) => ({ url: readString(readRecord(payload, 'payload', ['url']), 'url', 'payload', { min: 1, max: PAGE_URL_MAX }) }),
  'history/keep': (payload) => {
    const days = readRecord(payload, 'payload', ['days']).days;
    if (!HISTORY_KEEP_DAYS.includes(days as HistoryKeepDays)) throw new ValidationError('payload.days must be null, 365, 90 or 30');
    return { days: days as HistoryKeepDays };
  },
  'history/clear': (payload) => {
    const range = readRecord(payload, 'payload', ['range']).range;
    if (!HISTORY_RANGES.includes(range as HistoryRange)) throw new ValidationError(`payload.range must be one of ${HISTORY_RANGES.join(', ')}`);
    return { range: range as HistoryRange };
  },
  'backup/restore': (payload) => {
    const p = readRecord(payload, 'payload', ['text']);
    // A little over the file limit in characters: parseBackup then says how big and what to do.
    return { text: readString(p, 'text', 'payload', { max: MAX_BACKUP_FILE_BYTES + 1 }) };
  },
};
