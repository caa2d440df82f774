// Parsers for the two "learn as you read" messages. A harvest comes from a content script, i.e.
// from code running beside an arbitrary page: every field is checked and bounded so a hostile
// page cannot fill the store. An added list comes from the review page and is rebuilt by the same
// validator imports use.
import { parseEntityList } from '../../core/list/entity-list';
import type { EntityList } from '../../core/types';
import type { ArticleSource, HarvestedQuote } from '../../shared/messages';
import { readPlainObject, readRecord, readString, readUrl, ValidationError } from '../../shared/validate';

/** A long article has a few dozen quotes; more is a runaway page. */
export const HARVEST_QUOTES_MAX = 100;
export const QUOTE_TEXT_MAX = 2000;
const SENTENCE_MAX = 4000;
const NAME_MAX = 200;
const TITLE_MAX = 1000;
const OUTLET_MAX = 200;
const ID_MAX = 200;
const MENTIONS_MAX = 50;
import { LIST_ADD_ITEMS_MAX } from '../../shared/list-add-limit';
export { LIST_ADD_ITEMS_MAX };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readArticleSource(p: Record<string, unknown>, path: string): ArticleSource {
  const date = readString(p, 'date', path, { min: 10, max: 10 });
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) throw new ValidationError(`${path}.date must be an ISO date (yyyy-mm-dd)`);
  return {
    url: readUrl(p, 'url', path, ['http:', 'https:']),
    title: readString(p, 'title', path, { max: TITLE_MAX }),
    outlet: readString(p, 'outlet', path, { max: OUTLET_MAX }),
    date,
  };
}

function readHarvestedQuote(value: unknown, path: string): HarvestedQuote {
  const q = readRecord(value, path, ['text', 'speakerId', 'speakerName', 'speakerIsRole', 'sentence', 'mentions']);
  const quote: HarvestedQuote = {
    text: readString(q, 'text', path, { min: 1, max: QUOTE_TEXT_MAX }),
    speakerName: readString(q, 'speakerName', path, { min: 1, max: NAME_MAX }),
    sentence: readString(q, 'sentence', path, { max: SENTENCE_MAX }),
    mentions: readIds(q.mentions, `${path}.mentions`),
  };
  if (q.speakerId !== undefined) quote.speakerId = readString(q, 'speakerId', path, { min: 1, max: ID_MAX });
  if (q.speakerIsRole !== undefined) {
    if (q.speakerIsRole !== true || quote.speakerId === undefined) throw new ValidationError(`${path}.speakerIsRole must be true, and only beside a speakerId`);
    quote.speakerIsRole = true;
  }
  return quote;
}

function readIds(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new ValidationError(`${path} must be an array`);
  if (value.length > MENTIONS_MAX) throw new ValidationError(`${path} has more than ${MENTIONS_MAX} entries`);
  return value.map((id, i) => {
    if (typeof id !== 'string' || id.length === 0 || id.length > ID_MAX) throw new ValidationError(`${path}[${i}] must be an entity id`);
    return id;
  });
}

export function parseHarvest(payload: unknown): ArticleSource & { quotes: HarvestedQuote[] } {
  const p = readRecord(payload, 'payload', ['url', 'title', 'outlet', 'date', 'quotes']);
  const source = readArticleSource(p, 'payload');
  if (!Array.isArray(p.quotes)) throw new ValidationError('payload.quotes must be an array');
  if (p.quotes.length > HARVEST_QUOTES_MAX) throw new ValidationError(`payload.quotes has more than ${HARVEST_QUOTES_MAX} quotes`);
  return { ...source, quotes: p.quotes.map((q, i) => readHarvestedQuote(q, `payload.quotes[${i}]`)) };
}

export function parseListAdd(payload: unknown): EntityList {
  readPlainObject(payload, 'payload');
  const parsed = parseEntityList(payload);
  if (!parsed.ok) throw new ValidationError(`the list is invalid: ${parsed.error}`);
  const { entities, claims, quotes } = parsed.list;
  if (entities.length + claims.length + quotes.length > LIST_ADD_ITEMS_MAX) {
    throw new ValidationError(`the list has more than ${LIST_ADD_ITEMS_MAX} items`);
  }
  if (entities.length + claims.length + quotes.length === 0) throw new ValidationError('the list is empty: nothing to add');
  return parsed.list;
}
