// Parsers of the annotation messages. An annotation from a page is checked field by field, with
// limits no real note reaches, so a runaway or hostile page cannot fill the store with junk.
import type { TextSelector } from '../../core/anchoring/selectors';
import { DEFAULT_MAX_IMPORT_BYTES } from '../../core/annotations/json-input';
import { COLOURS, isColour, type Annotation, type AnnotationBody } from '../../core/annotations/model';
import { LISTING_MAX, type AnnotationBackgroundMessages, type AnnotationFilter } from '../../shared/annotation-messages';
import type { RequestOf } from '../../shared/messages';
import { readBoolean, readInteger, readPlainObject, readRecord, readString, readUrl, ValidationError } from '../../shared/validate';

type Request<K extends keyof AnnotationBackgroundMessages> = RequestOf<AnnotationBackgroundMessages, K>;

const ID_MAX = 200;
const TITLE_MAX = 1000;
/** A selection longer than this is a whole page, not a passage. */
const QUOTE_MAX = 20_000;
const CONTEXT_MAX = 200;
export const NOTE_MAX = 20_000;
const TAG_MAX = 100;
const TAGS_MAX = 50;
const ENTITIES_MAX = 500;
const IDS_MAX = 5000;
const PAGE_SCHEMES = ['http:', 'https:', 'file:'];
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ['jsonld', 'csv', 'markdown'] as const;

function readStringList(value: unknown, path: string, limits: { items: number; length: number }): string[] {
  if (!Array.isArray(value)) throw new ValidationError(`${path} must be an array of strings`);
  if (value.length > limits.items) throw new ValidationError(`${path} has more than ${limits.items} items`);
  return value.map((item, index) => {
    if (typeof item !== 'string' || item.length === 0 || item.length > limits.length) {
      throw new ValidationError(`${path}[${index}] must be a string of 1 to ${limits.length} characters`);
    }
    return item;
  });
}

function readTime(record: Record<string, unknown>, field: string, path: string): string {
  const text = readString(record, field, path, { min: 1, max: 40 });
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new ValidationError(`${path}.${field} must be an ISO 8601 date and time`);
  return new Date(time).toISOString();
}

function readSelector(value: unknown, path: string): TextSelector {
  const s = readPlainObject(value, path);
  if (s.type === 'TextQuoteSelector') {
    readRecord(s, path, ['type', 'exact', 'prefix', 'suffix']);
    return {
      type: 'TextQuoteSelector',
      exact: readString(s, 'exact', path, { min: 1, max: QUOTE_MAX }),
      prefix: readString(s, 'prefix', path, { max: CONTEXT_MAX }),
      suffix: readString(s, 'suffix', path, { max: CONTEXT_MAX }),
    };
  }
  if (s.type === 'TextPositionSelector') {
    readRecord(s, path, ['type', 'start', 'end']);
    const start = readInteger(s, 'start', path, { min: 0, max: Number.MAX_SAFE_INTEGER });
    const end = readInteger(s, 'end', path, { min: start, max: Number.MAX_SAFE_INTEGER });
    return { type: 'TextPositionSelector', start, end };
  }
  throw new ValidationError(`${path}.type must be "TextQuoteSelector" or "TextPositionSelector"`);
}

function readBody(value: unknown, path: string): AnnotationBody {
  const b = readRecord(value, path, ['note', 'tags', 'colour']);
  if (!isColour(b.colour)) throw new ValidationError(`${path}.colour must be one of ${COLOURS.join(', ')}`);
  const body: AnnotationBody = { tags: readStringList(b.tags, `${path}.tags`, { items: TAGS_MAX, length: TAG_MAX }), colour: b.colour };
  if (b.note !== undefined) body.note = readString(b, 'note', path, { max: NOTE_MAX });
  return body;
}

export function readAnnotation(value: unknown, path: string): Annotation {
  const a = readRecord(value, path, ['id', 'url', 'title', 'created', 'modified', 'target', 'body', 'entities']);
  const id = readString(a, 'id', path, { min: 1, max: ID_MAX });
  if (!IRI.test(id)) throw new ValidationError(`${path}.id must be an absolute IRI such as urn:uuid:…`);
  const target = readRecord(a.target, `${path}.target`, ['source', 'selector']);
  if (!Array.isArray(target.selector) || target.selector.length > 2) {
    throw new ValidationError(`${path}.target.selector must be an array of at most 2 selectors`);
  }
  return {
    id,
    url: readUrl(a, 'url', path, PAGE_SCHEMES),
    title: readString(a, 'title', path, { max: TITLE_MAX }),
    created: readTime(a, 'created', path),
    modified: readTime(a, 'modified', path),
    target: {
      source: readUrl(target, 'source', `${path}.target`, PAGE_SCHEMES),
      selector: target.selector.map((s, i) => readSelector(s, `${path}.target.selector[${i}]`)),
    },
    body: readBody(a.body, `${path}.body`),
    entities: readStringList(a.entities, `${path}.entities`, { items: ENTITIES_MAX, length: ID_MAX }),
  };
}

function readOptionalDay(p: Record<string, unknown>, field: string): string | undefined {
  if (p[field] === undefined || p[field] === '') return undefined;
  const day = readString(p, field, 'payload', { max: 10 });
  if (!DAY.test(day)) throw new ValidationError(`payload.${field} must be a date such as 2024-05-16`);
  return day;
}

function readOptionalText(p: Record<string, unknown>, field: string, max: number): string | undefined {
  if (p[field] === undefined || p[field] === '') return undefined;
  return readString(p, field, 'payload', { max });
}

export type AnnotationPayloadParsers = { [K in keyof AnnotationBackgroundMessages]: (payload: unknown) => Request<K> };

export const ANNOTATION_PAYLOAD_PARSERS: AnnotationPayloadParsers = {
  'annotations/save': (payload) => {
    const p = readRecord(payload, 'payload', ['annotation']);
    return { annotation: readAnnotation(p.annotation, 'payload.annotation') };
  },
  'annotations/page': (payload) => {
    const p = readRecord(payload, 'payload', ['url', 'canonicalUrl']);
    const url = readUrl(p, 'url', 'payload', PAGE_SCHEMES);
    // A page's canonical link is page data: a bad one is ignored rather than refused.
    const canonical = typeof p.canonicalUrl === 'string' && p.canonicalUrl.length <= 4096 ? p.canonicalUrl : undefined;
    return canonical === undefined ? { url } : { url, canonicalUrl: canonical };
  },
  'annotations/report': (payload) => {
    const p = readRecord(payload, 'payload', ['url', 'orphans', 'anchored']);
    return {
      url: readUrl(p, 'url', 'payload', PAGE_SCHEMES),
      orphans: readStringList(p.orphans, 'payload.orphans', { items: IDS_MAX, length: ID_MAX }),
      anchored: readStringList(p.anchored, 'payload.anchored', { items: IDS_MAX, length: ID_MAX }),
    };
  },
  'annotations/list': (payload) => {
    const p = payload === undefined ? {} : readRecord(payload, 'payload', ['query', 'tag', 'entity', 'site', 'from', 'to', 'limit']);
    const filter: AnnotationFilter = {};
    const fields = { query: 200, tag: TAG_MAX, entity: ID_MAX, site: 253 } as const;
    for (const [field, max] of Object.entries(fields) as [keyof typeof fields, number][]) {
      const value = readOptionalText(p, field, max);
      if (value !== undefined) filter[field] = value;
    }
    const from = readOptionalDay(p, 'from');
    const to = readOptionalDay(p, 'to');
    if (from !== undefined) filter.from = from;
    if (to !== undefined) filter.to = to;
    if (p.limit !== undefined) filter.limit = readInteger(p, 'limit', 'payload', { min: 1, max: LISTING_MAX });
    return filter;
  },
  'annotations/delete': (payload) => {
    const p = readRecord(payload, 'payload', ['id']);
    return { id: readString(p, 'id', 'payload', { min: 1, max: ID_MAX }) };
  },
  'annotations/import': (payload) => {
    const p = readRecord(payload, 'payload', ['text']);
    // The import's own parser names the size limit; this only stops what no file could be.
    return { text: readString(p, 'text', 'payload', { max: DEFAULT_MAX_IMPORT_BYTES * 2 }) };
  },
  'annotations/export': (payload) => {
    const p = readRecord(payload, 'payload', ['format', 'url', 'includeEntities']);
    const format = p.format;
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
      throw new ValidationError(`payload.format must be one of ${FORMATS.join(', ')}`);
    }
    const request: Request<'annotations/export'> = { format: format as (typeof FORMATS)[number] };
    if (p.url !== undefined) request.url = readUrl(p, 'url', 'payload', PAGE_SCHEMES);
    if (p.includeEntities !== undefined) request.includeEntities = readBoolean(p, 'includeEntities', 'payload');
    return request;
  },
};
