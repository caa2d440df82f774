// The one way quotes are written: every writer (harvest, seed sync, "add to my dossier", import,
// restore; the bench's fill too) puts and deletes quotes through here, so each quote carries its
// card keys and each entity's counters (quote-counts.ts) move with it, in the same transaction.
// Counters change by the difference between the stored record and the new one: a quote met again
// (same speaker, same mentions) changes nothing, a speaker that changes moves one count across.
import type { IDBPObjectStore, StoreNames } from 'idb';
import { asQuoteCount, countedUnder, countFromIndexes, type QuoteCountRecord } from './quote-counts';
import { withCardKeys } from './quote-card-keys';
import type { DossierSchema, QuoteRecord } from './schema';
import { sendEach } from './all-or-nothing';
import { putAll } from './bulk-put';

type Store<Name extends 'quotes' | 'quoteCounts'> = IDBPObjectStore<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, Name, 'readwrite'>;

/** A transaction that has both stores (idb's typed transactions fit this). */
export interface QuoteWriteTx {
  objectStore(name: 'quotes'): Store<'quotes'>;
  objectStore(name: 'quoteCounts'): Store<'quoteCounts'>;
}

/** What the caller already read under the record's id in this transaction (saves a read). */
export interface Known {
  previous: QuoteRecord | undefined;
}

export interface QuoteWriter {
  /** Puts the record with its card keys; the stored record under its id is read unless `known`. */
  put(record: QuoteRecord, known?: Known): Promise<void>;
  delete(id: string): Promise<void>;
  /** Empties the quotes and every counter (a restore). */
  clear(): Promise<void>;
  /**
   * After clear(): puts records with ids not yet written, all together (a restore's thousands).
   * Nothing needs reading, so the puts go out without a round trip each (bulk-put.ts). An id
   * written twice since clear() is refused: the counters would count it twice.
   */
  putNew(records: Iterable<QuoteRecord>): Promise<void>;
}

/**
 * Runs `body` with a writer on `tx`, then writes the counters it changed, before `body`'s result
 * is returned: call it inside the transaction's allOrNothing, so quotes and counters commit
 * together or not at all.
 */
export async function withQuoteWriter<T>(tx: QuoteWriteTx, body: (writer: QuoteWriter) => Promise<T>): Promise<T> {
  const quotes = tx.objectStore('quotes');
  const counts = tx.objectStore('quoteCounts');
  /** Per entity, what this transaction added to (or took from) its totals. */
  const deltas = new Map<string, { by: number; about: number }>();
  /** After clear(): every counter is this transaction's own, and ids put since are the only ones stored. */
  let putSinceClear: Set<string> | undefined;

  const add = (record: QuoteRecord | undefined, sign: 1 | -1): void => {
    if (!record) return;
    const under = countedUnder(record);
    for (const which of ['by', 'about'] as const) {
      for (const id of under[which]) {
        const delta = deltas.get(id) ?? { by: 0, about: 0 };
        delta[which] += sign;
        deltas.set(id, delta);
      }
    }
  };
  const stored = async (id: string): Promise<QuoteRecord | undefined> =>
    putSinceClear && !putSinceClear.has(id) ? undefined : quotes.get(id);

  const writer: QuoteWriter = {
    async put(record, known) {
      const next = withCardKeys(record);
      const previous = known ? known.previous : await stored(next.id);
      await quotes.put(next);
      putSinceClear?.add(next.id);
      add(previous, -1);
      add(next, 1);
    },
    async delete(id) {
      const previous = await stored(id);
      if (!previous) return;
      await quotes.delete(id);
      putSinceClear?.delete(id);
      add(previous, -1);
    },
    async putNew(records) {
      const written = putSinceClear;
      if (!written) throw new Error('putNew() needs clear() first');
      await putAll(quotes, records, (record) => {
        if (written.has(record.id)) throw new Error(`The quote "${record.id.slice(0, 80)}" is written twice`);
        const next = withCardKeys(record);
        written.add(next.id);
        add(next, 1);
        return next;
      });
    },
    async clear() {
      await quotes.clear();
      await counts.clear();
      deltas.clear();
      putSinceClear = new Set();
    },
  };

  const result = await body(writer);
  // All at once rather than one entity after another: a restore or a big import touches thousands.
  const changed = [...deltas].filter(([, delta]) => delta.by !== 0 || delta.about !== 0);
  await sendEach(changed, async ([id, delta]) => counts.put(await nextCount(id, delta)));
  return result;

  async function nextCount(id: string, delta: { by: number; about: number }): Promise<QuoteCountRecord> {
    const current = asQuoteCount(await counts.get(id), id) ?? (putSinceClear ? { id, by: 0, about: 0 } : undefined);
    const next = current && { id, by: current.by + delta.by, about: current.about + delta.about };
    // No counter yet (the entity's first quote), a damaged one, or one that would go below zero:
    // the indexes, which already hold this transaction's writes, give the true totals.
    if (!next || next.by < 0 || next.about < 0) return countFromIndexes(quotes, id);
    return next;
  }
}
