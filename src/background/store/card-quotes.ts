// Which quotes a card lists, newest first, without reading every quote of the entity each time.
// The indexes give a quote's speaker and mentions but not its date, so ordering needs the records:
// with 100,000 quotes stored a head of state has ~4,000, and reading them took 200-800 ms per
// click. The order (ids only) is kept in memory per entity for the worker's lifetime; a card then
// reads only the page of records it shows.
import type { DossierDB } from './open';
import { latestDate } from './quote-sources';
import type { QuoteRecord } from './schema';

export interface QuoteOrder {
  /** Ids of the quotes the entity gave, newest first. */
  by: string[];
  /** Ids of quotes by others that mention it, newest first. */
  about: string[];
}

export interface QuoteOrderCache {
  get(db: DossierDB, entityId: string): Promise<QuoteOrder>;
  /** Quotes were added, merged or removed. */
  invalidate(): void;
}

/** Newest first by the latest page that carried the quote; each date computed once. */
export function newestFirst(quotes: readonly QuoteRecord[]): QuoteRecord[] {
  const dated = quotes.map((quote) => ({ quote, date: latestDate(quote) }));
  dated.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return dated.map((d) => d.quote);
}

async function readOrder(db: DossierDB, entityId: string): Promise<{ order: QuoteOrder; fingerprint: string }> {
  const index = db.transaction('quotes').store;
  const [spoken, mentioning] = await Promise.all([index.index('bySpeaker').getAll(entityId), index.index('byMention').getAll(entityId)]);
  const about = mentioning.filter((q) => q.speaker !== entityId);
  return {
    order: { by: newestFirst(spoken).map((q) => q.id), about: newestFirst(about).map((q) => q.id) },
    fingerprint: `${spoken.length}|${mentioning.length}`,
  };
}

/**
 * Counting index keys is cheap: a kept order whose counts differ is stale. Catches writers that
 * bypass the store facade (a bench filling the database), which `invalidate` cannot see.
 */
async function countsOf(db: DossierDB, entityId: string): Promise<string> {
  const store = db.transaction('quotes').store;
  const [spoken, mentioning] = await Promise.all([store.index('bySpeaker').count(entityId), store.index('byMention').count(entityId)]);
  return `${spoken}|${mentioning}`;
}

/** Entities whose order is kept; the least recently opened is dropped beyond this. */
const KEPT_ENTITIES = 200;

export function createQuoteOrderCache(): QuoteOrderCache {
  let version = 0;
  const kept = new Map<string, { version: number; fingerprint: string; order: QuoteOrder }>();
  return {
    async get(db, entityId) {
      const started = version;
      const entry = kept.get(entityId);
      if (entry && entry.version === started && entry.fingerprint === (await countsOf(db, entityId)) && version === started) {
        kept.delete(entityId);
        kept.set(entityId, entry); // most recently used last
        return entry.order;
      }
      const { order, fingerprint } = await readOrder(db, entityId);
      if (version === started) {
        kept.set(entityId, { version, fingerprint, order });
        if (kept.size > KEPT_ENTITIES) kept.delete(kept.keys().next().value as string);
      }
      return order;
    },
    invalidate() {
      version++;
      kept.clear();
    },
  };
}
