// Which quotes a card lists, newest first, and how many there are. The v4 indexes
// (quote-card-keys.ts) keep each entity's quotes in date order, so a card walks a cursor backwards
// over its section and reads only the records it shows; reading and sorting all of a head of
// state's ~4,000 quotes (of 100,000 stored) took 200-800 ms per click. The totals come from the v5
// counters (quote-counts.ts): counting the index ranges instead cost 28-83 ms per click.
// Callers are told when a section had to count, so the counter can be stored for next time.
import { unwrap, wrap, type IDBPIndex, type IDBPObjectStore, type StoreNames } from 'idb';
import { asQuoteCount, keysOf, sectionIndex, type QuoteSection } from './quote-counts';
import type { DossierSchema, QuoteRecord } from './schema';

export type { QuoteSection } from './quote-counts';

type ReadStore<Name extends 'quotes' | 'quoteCounts'> = IDBPObjectStore<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, Name, IDBTransactionMode>;

/** Quotes by (or about) the entity, newest first, `limit` from `offset`, and how many there are. */
export async function readQuoteSection(
  quotes: ReadStore<'quotes'>,
  counts: ReadStore<'quoteCounts'>,
  entityId: string,
  which: QuoteSection,
  offset: number,
  limit: number,
): Promise<{ records: QuoteRecord[]; total: number; counted: boolean }> {
  const index = sectionIndex(quotes, which);
  const range = keysOf(entityId);
  const readPage = async (): Promise<QuoteRecord[]> => {
    // The card's first page in one request where the browser has it: a backwards cursor takes a
    // round trip to the database per record, ~20 in a row per section on every click.
    if (offset === 0) {
      const newest = await newestRecords(index, range, limit);
      if (newest) return newest;
    }
    const records: QuoteRecord[] = [];
    let cursor = await index.openCursor(range, 'prev');
    if (cursor && offset > 0) cursor = await cursor.advance(offset);
    while (cursor && records.length < limit) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
    return records;
  };
  const [stored, records] = await Promise.all([counts.get(entityId), readPage()]);
  const seen = offset + records.length;
  // The cursor ran out inside the page: the total is known without any counter.
  if (records.length < limit && (offset === 0 || records.length > 0)) return { records, total: seen, counted: false };
  const kept = asQuoteCount(stored, entityId)?.[which];
  if (kept !== undefined && kept >= seen) return { records, total: kept, counted: false };
  // No counter yet (after the v5 upgrade), a damaged one, or one that cannot be right: count, so
  // the card is never wrong; the caller then stores the count (recountEntity).
  return { records, total: await index.count(range), counted: true };
}

/** One record of IDBIndex.getAllRecords (Chromium 141+; not yet in TypeScript's DOM types). */
interface IndexRecord {
  value: unknown;
}
type WithGetAllRecords = IDBIndex & {
  getAllRecords?: (options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }) => IDBRequest<IndexRecord[]>;
};

/**
 * The first `limit` records of `range`, last key first, in one request; the same records in the same
 * order as a backwards cursor (equal keys by primary key, last first). Undefined where the browser
 * has no getAllRecords (Firefox for now): the caller walks a cursor.
 */
async function newestRecords(
  index: IDBPIndex<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, 'quotes', 'bySpeakerLatest' | 'byMentionLatest', IDBTransactionMode>,
  range: IDBKeyRange,
  limit: number,
): Promise<QuoteRecord[] | undefined> {
  const raw = unwrap(index) as WithGetAllRecords;
  if (typeof raw.getAllRecords !== 'function') return undefined;
  const records = await wrap(raw.getAllRecords({ query: range, count: limit, direction: 'prev' }));
  return records.map((r) => r.value as QuoteRecord);
}
