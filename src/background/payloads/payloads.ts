// One parser per background message: the shapes of src/shared/messages.ts, checked field by
// field, with limits a real page never reaches but a runaway or hostile sender would.
import type { BackgroundMessageName, BackgroundMessages, RequestOf } from '../../shared/messages';
import { ANNOTATION_PAYLOAD_PARSERS } from './payloads-annotations';
import { DOSSIER_PAYLOAD_PARSERS } from './dossier-payloads';
import { readBoolean, readInteger, readKeyedEntries, readRecord, readString, readUrl, ValidationError } from '../../shared/validate';
import { parseHarvest, parseListAdd } from './learn-payloads';
import { parseClaimJudge } from './claim-payloads';
import { SYNC_PAYLOAD_PARSERS } from '../sync/payloads';
import { DRAFT_PAYLOAD_PARSERS } from './draft-payloads';

type Request<K extends BackgroundMessageName> = RequestOf<BackgroundMessages, K>;

const ID_MAX = 200;
const TITLE_MAX = 1000;
const HOST_MAX = 253;
const QUERY_MAX = 200;
/** More distinct entities than any list we ship; a page cannot see more than the list has. */
const COUNTS_MAX_KEYS = 5000;
export const SEARCH_LIMIT_MAX = 100;
export const SEARCH_LIMIT_DEFAULT = 20;
const PAGE_SCHEMES = ['http:', 'https:', 'file:'];
const HOST_PATTERN = /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i;

export type PayloadParsers = { [K in BackgroundMessageName]: (payload: unknown) => Request<K> };

export const PAYLOAD_PARSERS: PayloadParsers = {
  ...ANNOTATION_PAYLOAD_PARSERS,
  ...DOSSIER_PAYLOAD_PARSERS,
  ...SYNC_PAYLOAD_PARSERS,
  ...DRAFT_PAYLOAD_PARSERS,
  'list/get': (payload) => {
    // Callers may send no payload at all for a request without fields.
    if (payload !== undefined) readRecord(payload, 'payload', []);
    return {};
  },
  'list/match': (payload) => {
    if (payload !== undefined) readRecord(payload, 'payload', []);
    return {};
  },
  'page/init': (payload) => {
    const p = readRecord(payload, 'payload', ['host']);
    return { host: readHost(p) };
  },
  'page/filter': (payload) => {
    const p = readRecord(payload, 'payload', ['host']);
    return { host: readHost(p) };
  },
  'card/quotes': (payload) => {
    const p = readRecord(payload, 'payload', ['entityId', 'which', 'offset']);
    const which = readString(p, 'which', 'payload', { max: 5 });
    if (which !== 'by' && which !== 'about') throw new ValidationError('payload.which must be "by" or "about"');
    return {
      entityId: readString(p, 'entityId', 'payload', { min: 1, max: ID_MAX }),
      which,
      offset: readInteger(p, 'offset', 'payload', { min: 0, max: 1_000_000 }),
    };
  },
  'card/entity': (payload) => {
    const p = readRecord(payload, 'payload', ['entityId', 'url']);
    return { entityId: readString(p, 'entityId', 'payload', { min: 1, max: ID_MAX }), url: readUrl(p, 'url', 'payload', PAGE_SCHEMES) };
  },
  'card/warm': (payload) => {
    const p = readRecord(payload, 'payload', ['entityId', 'url']);
    return { entityId: readString(p, 'entityId', 'payload', { min: 1, max: ID_MAX }), url: readUrl(p, 'url', 'payload', PAGE_SCHEMES) };
  },
  'card/claim': (payload) => {
    const p = readRecord(payload, 'payload', ['claimId']);
    return { claimId: readString(p, 'claimId', 'payload', { min: 1, max: ID_MAX }) };
  },
  'sightings/record': (payload) => {
    const p = readRecord(payload, 'payload', ['url', 'title', 'counts']);
    return {
      url: readUrl(p, 'url', 'payload', PAGE_SCHEMES),
      title: readString(p, 'title', 'payload', { max: TITLE_MAX }),
      counts: readCounts(p.counts, 'payload.counts'),
    };
  },
  'site/get': (payload) => {
    const p = readRecord(payload, 'payload', ['host']);
    return { host: readHost(p) };
  },
  'site/set': (payload) => {
    const p = readRecord(payload, 'payload', ['host', 'disabled']);
    return { host: readHost(p), disabled: readBoolean(p, 'disabled', 'payload') };
  },
  search: (payload) => {
    const p = readRecord(payload, 'payload', ['query', 'limit']);
    const query = readString(p, 'query', 'payload', { max: QUERY_MAX });
    if (p.limit === undefined) return { query };
    return { query, limit: readInteger(p, 'limit', 'payload', { min: 1, max: SEARCH_LIMIT_MAX }) };
  },
  'quotes/harvest': parseHarvest,
  'list/add': parseListAdd,
  'claims/judge': parseClaimJudge,
};

function readHost(p: Record<string, unknown>): string {
  const host = readString(p, 'host', 'payload', { min: 1, max: HOST_MAX });
  if (!HOST_PATTERN.test(host)) throw new ValidationError('payload.host must be a host name such as "www.example.com"');
  return host;
}

function readCounts(value: unknown, path: string): Record<string, number> {
  // Keys are entity ids, which a user chooses: "__proto__" or "constructor" is a valid one.
  const entries = readKeyedEntries(value, path, COUNTS_MAX_KEYS);
  // Null prototype: entity ids are data and must never meet Object.prototype's names.
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [key, count] of entries) {
    if (key.length === 0 || key.length > ID_MAX) throw new ValidationError(`${path} has a key that is empty or longer than ${ID_MAX} characters`);
    if (typeof count !== 'number' || !Number.isInteger(count)) throw new ValidationError(`${path}.${key.slice(0, 80)} must be an integer`);
    if (count < 0 || count > 1_000_000) throw new ValidationError(`${path}.${key.slice(0, 80)} must be between 0 and 1000000`);
    Object.defineProperty(counts, key, { value: count, enumerable: true, writable: true, configurable: true });
  }
  return counts;
}
