// An entity list from a spreadsheet: `name,kind,aliases,context`, aliases separated by ";".
// Parsed as RFC 4180 (quoted fields may hold commas, quotes as "" and line breaks) because that
// is what spreadsheets write; every error names the line and column, so the user can fix the file.
import { ENTITY_KINDS, type Alias, type Entity, type EntityKind, type Provenance } from '../types';

export const CSV_COLUMNS = ['name', 'kind', 'aliases', 'context'] as const;

export type EntityCsvResult = { ok: true; entities: Entity[] } | { ok: false; error: string };

/** Where the rows came from; every entity of the file gets it as its provenance. */
export interface CsvSource {
  outlet: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
}

/** Same bound as the JSON import: a spreadsheet of names is far smaller. */
const MAX_FIELD_LENGTH = 20_000;
export const CSV_MAX_ROWS = 5000;

class CsvError extends Error {}

interface Row {
  /** Physical line the row starts on (1-based); a quoted line break makes rows span lines. */
  line: number;
  fields: string[];
}

/** Splits RFC 4180 text into rows; LF and CRLF both end a row. */
export function parseCsvRows(text: string): Row[] {
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let afterQuote = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = (): void => {
    endField();
    // A blank line is no row; spreadsheets often leave one at the end.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
  };

  for (; i < text.length; i++, column++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
          column++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') {
          line++;
          column = 0;
        }
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      column = 0;
      rowLine = line;
    } else if (c === '"') {
      if (field !== '' || afterQuote) throw new CsvError(`line ${line}, character ${column}: a quote inside an unquoted field (quote the whole field and write "" for a quote)`);
      quoted = true;
    } else {
      if (afterQuote) throw new CsvError(`line ${line}, character ${column}: text after a closing quote`);
      field += c;
    }
    if (field.length > MAX_FIELD_LENGTH) throw new CsvError(`line ${line}: a field is longer than ${MAX_FIELD_LENGTH} characters`);
  }
  if (quoted) throw new CsvError(`line ${line}: the file ends inside a quoted field (a closing quote is missing)`);
  endRow();
  return rows;
}

/** A stable slug for an entity id: "Léa Müller" → "lea-muller". */
export function entityIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug === '' ? 'entity' : slug;
}

function isHeader(fields: readonly string[]): boolean {
  return fields.length === CSV_COLUMNS.length && fields.every((f, i) => f.trim().toLowerCase() === CSV_COLUMNS[i]);
}

function readKind(value: string, at: string): EntityKind {
  const wanted = value.trim().toLowerCase();
  // The American spelling is what many spreadsheets carry; it is the same kind.
  const kind = ENTITY_KINDS.find((k) => k === (wanted === 'organization' ? 'organisation' : wanted));
  if (!kind) throw new CsvError(`${at} (kind): "${value}" is not one of ${ENTITY_KINDS.join(', ')}`);
  return kind;
}

function readAliases(value: string): Alias[] {
  const seen = new Set<string>();
  const aliases: Alias[] = [];
  for (const part of value.split(';')) {
    const text = part.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    aliases.push({ text });
  }
  return aliases;
}

/**
 * The id comes from the name, so two rows that give one id (the same name, or names that differ
 * only in case, accents or punctuation) are one entity written twice: one would silently replace
 * the other, so the file is refused, naming both lines.
 */
function claimId(id: string, line: number, taken: Map<string, number>): string {
  const earlier = taken.get(id);
  if (earlier !== undefined) throw new CsvError(`line ${line}, column 1 (name): the id "${id}" is already line ${earlier}'s (each entity once per file; give it another name, or merge the two rows)`);
  taken.set(id, line);
  return id;
}

function readRow(row: Row, source: CsvSource, taken: Map<string, number>): Entity {
  const at = (column: number): string => `line ${row.line}, column ${column}`;
  if (row.fields.length < 2 || row.fields.length > CSV_COLUMNS.length) {
    throw new CsvError(`line ${row.line}: expected ${CSV_COLUMNS.length} columns (${CSV_COLUMNS.join(',')}), found ${row.fields.length}`);
  }
  const [rawName = '', rawKind = '', rawAliases = '', rawContext = ''] = row.fields;
  const name = rawName.trim();
  if (name === '') throw new CsvError(`${at(1)} (name): the name is empty`);
  const kind = readKind(rawKind, at(2));
  const context = rawContext.trim();
  const provenance: Provenance = { ...source, sentence: context !== '' ? context : name };
  return { id: claimId(entityIdFor(name), row.line, taken), name, kind, aliases: readAliases(rawAliases), context, provenance };
}

/** The file's entities, or the first problem as "line L, column C (field): what is wrong". */
export function parseEntityCsv(text: string, source: CsvSource): EntityCsvResult {
  try {
    const rows = parseCsvRows(text);
    const body = rows.length > 0 && isHeader(rows[0]!.fields) ? rows.slice(1) : rows;
    if (body.length === 0) throw new CsvError('the file has no rows (expected name,kind,aliases,context)');
    if (body.length > CSV_MAX_ROWS) throw new CsvError(`the file has more than ${CSV_MAX_ROWS} rows`);
    const taken = new Map<string, number>();
    return { ok: true, entities: body.map((row) => readRow(row, source, taken)) };
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, error: error.message };
    throw error;
  }
}
