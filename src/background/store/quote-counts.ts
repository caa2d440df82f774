// How many quotes are by and about each entity: the card's "N more quotes". Counting the card's
// index ranges (IDBIndex.count) walks every key in them, 28-83 ms per click for a head of state with
// ~2,000 quotes each way among 100,000. So every writer keeps a counter record per entity, in the
// same transaction as the quotes it writes (quote-writer.ts); the card reads one record. Counters
// count exactly what the card's indexes hold, so a missing or unreadable one can be replaced by
// counting those indexes at any time, which is what readers and writers do then. That is also how
// counters come to exist after the v5 upgrade (see migrations.ts): the first card of an entity, or
// the first write of one of its quotes, counts and stores them.
import type { IDBPIndex, IDBPObjectStore, StoreNames } from 'idb';
import type { DossierDB } from './open';
import type { DossierSchema, QuoteCountRecord, QuoteRecord } from './schema';

export type { QuoteCountRecord };

export type QuoteSection = 'by' | 'about';

type Mode = IDBTransactionMode;
type QuoteStoreOf<M extends Mode> = IDBPObjectStore<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, 'quotes', M>;
type CardIndex<M extends Mode> = IDBPIndex<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, 'quotes', 'bySpeakerLatest' | 'byMentionLatest', M>;

/** The index a card section is read from (see quote-card-keys.ts). */
export function sectionIndex<M extends Mode>(quotes: QuoteStoreOf<M>, which: QuoteSection): CardIndex<M> {
  return quotes.index(which === 'by' ? 'bySpeakerLatest' : 'byMentionLatest') as CardIndex<M>;
}

/** Every [entityId, date] key of one entity: arrays sort after strings, so [id, []] is above any date. */
export function keysOf(entityId: string): IDBKeyRange {
  return IDBKeyRange.bound([entityId], [entityId, []]);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** A stored counter as read back, or undefined when it is missing or not a counter (damaged). */
export function asQuoteCount(value: unknown, id: string): QuoteCountRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id: stored, by, about } = value as Partial<Record<keyof QuoteCountRecord, unknown>>;
  return stored === id && isCount(by) && isCount(about) ? { id, by, about } : undefined;
}

/**
 * The entities a stored quote (with its card keys) is counted under: what the card's two indexes
 * hold for it. `bySpeakerLatest` has one key per quote ([speaker, latest]); `byMentionLatest` one
 * per distinct [entity, latest], and withCardKeys leaves the speaker and duplicates out.
 */
export function countedUnder(record: QuoteRecord): { by: string[]; about: string[] } {
  if (typeof record.latest !== 'string') return { by: [], about: [] };
  return { by: [record.speaker], about: [...new Set((record.mentionLatest ?? []).map(([id]) => id))] };
}

/** The true totals of one entity, counted from the indexes (this transaction's writes included). */
export async function countFromIndexes<M extends Mode>(quotes: QuoteStoreOf<M>, id: string): Promise<QuoteCountRecord> {
  const range = keysOf(id);
  const [by, about] = await Promise.all([sectionIndex(quotes, 'by').count(range), sectionIndex(quotes, 'about').count(range)]);
  return { id, by, about };
}

/**
 * Counts one entity's totals and stores them, in a transaction of its own, so no writer can slip
 * in between the count and the put. The card calls it after it had to count (no counter yet, as
 * after the v5 upgrade, or a damaged one); it is an optimisation, so its failure is ignored.
 */
export async function recountEntity(db: DossierDB, id: string): Promise<void> {
  const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    await tx.objectStore('quoteCounts').put(await countFromIndexes(tx.objectStore('quotes'), id));
    await tx.done;
  } catch {
    // Disk full or the database closing: the card counts again next time.
  }
}
