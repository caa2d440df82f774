// Which quotes a card lists, newest first. The v4 indexes (quote-card-keys.ts) keep each entity's
// quotes in date order, so a card walks a cursor backwards over its section and reads only the
// records it shows; totals are key counts. Reading and sorting all of a head of state's ~4,000
// quotes (of 100,000 stored) took 200-800 ms per click.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { DossierSchema, QuoteRecord } from './schema';

export type QuoteSection = 'by' | 'about';

type QuoteStore = IDBPObjectStore<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, 'quotes', IDBTransactionMode>;

/** Every [entityId, date] key of one entity: arrays sort after strings, so [id, []] is above any date. */
function keysOf(entityId: string): IDBKeyRange {
  return IDBKeyRange.bound([entityId], [entityId, []]);
}

/** Quotes by (or about) the entity, newest first, `limit` from `offset`, and how many there are. */
export async function readQuoteSection(
  quotes: QuoteStore,
  entityId: string,
  which: QuoteSection,
  offset: number,
  limit: number,
): Promise<{ records: QuoteRecord[]; total: number }> {
  const index = quotes.index(which === 'by' ? 'bySpeakerLatest' : 'byMentionLatest');
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
  const [total, records] = await Promise.all([index.count(range), readPage()]);
  return { records, total };
}
