// Validation of an entity list that comes from outside the code: an import, storage, another
// context. It rebuilds the list field by field (unknown fields are dropped), so what comes out has
// exactly the shape of `EntityList`, and every error names the item and field at fault.
import {
  ENTITY_KINDS,
  type Alias,
  type Claim,
  type DistinctName,
  type Entity,
  type EntityKind,
  type EntityList,
  type Provenance,
  type Quote,
} from '../types';

export type ParseEntityListResult = { ok: true; list: EntityList } | { ok: false; error: string };

/** Keys that can reach an object's prototype when data is merged or copied carelessly. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Generous bound for one text field; stops a hostile import from filling memory via the matcher. */
const MAX_TEXT_LENGTH = 20_000;

class InvalidList extends Error {}

function fail(path: string, problem: string): never {
  throw new InvalidList(`${path}: ${problem}`);
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Fields {
  if (!isFields(value)) fail(path, 'expected an object');
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'expected a non-empty string');
  if (value.length > MAX_TEXT_LENGTH) fail(path, `expected at most ${MAX_TEXT_LENGTH} characters`);
  return value;
}

/** A string that may be empty, such as a context nobody has written yet. */
function optionalText(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  if (value.length > MAX_TEXT_LENGTH) fail(path, `expected at most ${MAX_TEXT_LENGTH} characters`);
  return value;
}

function flag(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
}

function id(value: unknown, path: string): string {
  const s = text(value, path);
  if (/\s/.test(s)) fail(path, 'expected an id without spaces');
  return s;
}

function textList(value: unknown, path: string): string[] {
  return array(value, path).map((item, i) => text(item, `${path}[${i}]`));
}

/** Refuses prototype-reaching keys at any depth, before any field is read. */
function refuseForbiddenKeys(root: unknown): void {
  const seen = new Set<object>();
  const pending: Array<{ value: unknown; path: string }> = [{ value: root, path: 'list' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(`${path}.${key}`, 'forbidden key');
      pending.push({ value: (value as Fields)[key], path: `${path}.${key}` });
    }
  }
}

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function provenance(value: unknown, path: string): Provenance {
  const fields = object(value, path);
  const date = text(fields.date, `${path}.date`);
  if (!isRealDate(date)) fail(`${path}.date`, 'expected a date as yyyy-mm-dd');
  const result: Provenance = {
    outlet: text(fields.outlet, `${path}.outlet`),
    title: text(fields.title, `${path}.title`),
    date,
    sentence: text(fields.sentence, `${path}.sentence`),
  };
  if (fields.url !== undefined) result.url = webUrl(fields.url, `${path}.url`);
  return result;
}

/** Only http(s): the UI turns this into a link, and a `javascript:` URL would run on click. */
function webUrl(value: unknown, path: string): string {
  const s = text(value, path);
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    fail(path, 'expected an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(path, 'expected an absolute http(s) URL');
  return s;
}

function alias(value: unknown, path: string): Alias {
  const fields = object(value, path);
  const result: Alias = { text: text(fields.text, `${path}.text`) };
  const exactCase = flag(fields.exactCase, `${path}.exactCase`);
  const needsContext = flag(fields.needsContext, `${path}.needsContext`);
  if (exactCase !== undefined) result.exactCase = exactCase;
  if (needsContext !== undefined) result.needsContext = needsContext;
  return result;
}

function kind(value: unknown, path: string): EntityKind {
  const found = ENTITY_KINDS.find((k) => k === value);
  if (!found) fail(path, `expected one of ${ENTITY_KINDS.join(', ')}`);
  return found;
}

function entity(value: unknown, path: string): Entity {
  const fields = object(value, path);
  return {
    id: id(fields.id, `${path}.id`),
    name: text(fields.name, `${path}.name`),
    kind: kind(fields.kind, `${path}.kind`),
    aliases: array(fields.aliases, `${path}.aliases`).map((a, i) => alias(a, `${path}.aliases[${i}]`)),
    context: optionalText(fields.context, `${path}.context`),
    provenance: provenance(fields.provenance, `${path}.provenance`),
  };
}

function claim(value: unknown, path: string, entityIds: ReadonlySet<string>): Claim {
  const fields = object(value, path);
  // Cues are optional: the statement alone finds restatements (core/claims/). Given, each group
  // needs a phrase, or it would be matched by nothing and silently turn the cues off.
  const cues = (fields.cues === undefined ? [] : array(fields.cues, `${path}.cues`)).map((group, i) => {
    const phrases = textList(group, `${path}.cues[${i}]`);
    if (phrases.length === 0) fail(`${path}.cues[${i}]`, 'expected at least one phrase');
    return phrases;
  });
  return {
    id: id(fields.id, `${path}.id`),
    statement: text(fields.statement, `${path}.statement`),
    entities: fields.entities === undefined ? [] : references(fields.entities, `${path}.entities`, entityIds),
    cues,
    provenance: provenance(fields.provenance, `${path}.provenance`),
  };
}

function quote(value: unknown, path: string, entityIds: ReadonlySet<string>): Quote {
  const fields = object(value, path);
  const speaker = id(fields.speaker, `${path}.speaker`);
  if (!entityIds.has(speaker)) fail(`${path}.speaker`, `unknown entity id "${speaker}"`);
  const result: Quote = {
    id: id(fields.id, `${path}.id`),
    text: text(fields.text, `${path}.text`),
    speaker,
    mentions: references(fields.mentions, `${path}.mentions`, entityIds),
    provenance: provenance(fields.provenance, `${path}.provenance`),
  };
  if (fields.speakerName !== undefined) result.speakerName = text(fields.speakerName, `${path}.speakerName`);
  return result;
}

function references(value: unknown, path: string, entityIds: ReadonlySet<string>): string[] {
  return array(value, path).map((item, i) => {
    const ref = id(item, `${path}[${i}]`);
    if (!entityIds.has(ref)) fail(`${path}[${i}]`, `unknown entity id "${ref}"`);
    return ref;
  });
}

function distinctName(value: unknown, path: string): DistinctName {
  const fields = object(value, path);
  return { text: text(fields.text, `${path}.text`), note: optionalText(fields.note, `${path}.note`) };
}

function requireUniqueIds(items: ReadonlyArray<{ id: string }>, collection: string): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = firstIndex.get(item.id);
    if (earlier !== undefined) fail(`${collection}[${i}].id`, `duplicate id "${item.id}" (also ${collection}[${earlier}])`);
    firstIndex.set(item.id, i);
  });
}

function parse(value: unknown): EntityList {
  refuseForbiddenKeys(value);
  const root = object(value, 'list');
  if (root.version !== 1) fail('version', 'expected 1');
  const entities = array(root.entities, 'entities').map((e, i) => entity(e, `entities[${i}]`));
  requireUniqueIds(entities, 'entities');
  const entityIds = new Set(entities.map((e) => e.id));
  const claims = array(root.claims, 'claims').map((c, i) => claim(c, `claims[${i}]`, entityIds));
  requireUniqueIds(claims, 'claims');
  const quotes = array(root.quotes, 'quotes').map((q, i) => quote(q, `quotes[${i}]`, entityIds));
  requireUniqueIds(quotes, 'quotes');
  const distinct = array(root.distinct, 'distinct').map((d, i) => distinctName(d, `distinct[${i}]`));
  return { version: 1, entities, claims, quotes, distinct };
}

/**
 * Checks a value from outside (parsed JSON, storage, a message) and returns a fresh, well-typed
 * copy, or the first problem found as "path: problem".
 */
export function parseEntityList(value: unknown): ParseEntityListResult {
  try {
    return { ok: true, list: parse(value) };
  } catch (error) {
    if (error instanceof InvalidList) return { ok: false, error: error.message };
    throw error;
  }
}
