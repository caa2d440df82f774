// Which quotes a card lists, newest first, and how many there are. The v4 indexes
// (quote-card-keys.ts) keep each entity's quotes in date order, so a card walks a cursor backwards
// over its section and reads only the records it shows; reading and sorting all of a head of
// state's ~4,000 quotes (of 100,000 stored) took 200-800 ms per click. The totals come from the v5
// counters (quote-counts.ts): counting the index ranges instead cost 28-83 ms per click.
// Callers are told when a section had to count, so the counter can be stored for next time.
import type { IDBPObjectStore, StoreNames } from 'idb';
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
