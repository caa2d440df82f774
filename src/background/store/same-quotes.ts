// Which stored quote a new one repeats (same speaker, same words), for the writers that merge
// (a page's harvest, "Add this article"). No index holds a quote's words, so a speaker's quotes are
// read and compared. That read was made once per quote: a page with five quotes by a head of state
// holding 2,000 read 10,000 records, inside a write transaction over the entities that every page
// start and every card waits for. Here it is made once per speaker and transaction, and kept in
// step with what the transaction writes.
import { withCardKeys } from './quote-card-keys';
import { quoteTextKey } from './quote-sources';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { DossierSchema, QuoteRecord } from './schema';
import { foldForSearch } from './search-keys';

/** The quotes store inside a write transaction (the writers that merge hold one). */
export type QuoteStore = IDBPObjectStore<DossierSchema, ArrayLike<StoreNames<DossierSchema>>, 'quotes', 'readwrite'>;

export interface SameQuotes {
  /** The stored quote with these words by this speaker (by this name when the speaker is unknown, ''). */
  find(speaker: string, speakerName: string, textKey: string): Promise<QuoteRecord | undefined>;
  /** The transaction wrote `record` (through the quote writer): later finds see it as stored. */
  wrote(record: QuoteRecord): void;
}

/** For one transaction only: what it reads stays true because its own writes are told here. */
export function sameQuotes(quotes: QuoteStore): SameQuotes {
  /** Per speaker, their quotes by words, in index order. */
  const read = new Map<string, Promise<Map<string, QuoteRecord[]>>>();
  const ofSpeaker = (speaker: string): Promise<Map<string, QuoteRecord[]>> => {
    let words = read.get(speaker);
    if (!words) {
      words = quotes
        .index('bySpeaker')
        .getAll(speaker)
        .then((records) => {
          const byWords = new Map<string, QuoteRecord[]>();
          for (const record of records) {
            const key = quoteTextKey(record.text);
            byWords.set(key, [...(byWords.get(key) ?? []), record]);
          }
          return byWords;
        });
      read.set(speaker, words);
    }
    return words;
  };
  const pending: Promise<unknown>[] = [];
  return {
    async find(speaker, speakerName, textKey) {
      await Promise.all(pending);
      const name = foldForSearch(speakerName);
      const candidates = (await ofSpeaker(speaker)).get(textKey) ?? [];
      return candidates.find((q) => speaker !== '' || foldForSearch(q.speakerName ?? '') === name);
    },
    wrote(record) {
      const words = read.get(record.speaker);
      if (!words) return;
      // As the writer stores it (card keys included): a later merge passes it as `previous`.
      const stored = withCardKeys(record);
      pending.push(
        words.then((byWords) => {
          const key = quoteTextKey(stored.text);
          const list = byWords.get(key) ?? [];
          const at = list.findIndex((q) => q.id === stored.id);
          // A merge keeps the quote where it was (the first of equal words wins, as in the index).
          if (at >= 0) list[at] = stored;
          else byWords.set(key, [...list, stored]);
        }),
      );
    },
  };
}
