// The keys a card's quote sections are read by. A card lists an entity's quotes newest first; with
// 100,000 quotes stored a head of state has ~4,000, and sorting them meant reading every record
// (200-800 ms per click). Each record therefore carries its newest source date beside the entity
// ids, so compound indexes hand the quotes over already in order and a card reads only its page.
import { latestDate } from './quote-sources';
import type { QuoteCardKeys, QuoteRecord } from './schema';

export type { QuoteCardKeys };

/** The record with its card keys computed from its sources and mentions: every writer puts this. */
export function withCardKeys<R extends QuoteRecord>(record: R): R {
  const latest = latestDate(record);
  const about = [...new Set(record.mentions)].filter((id) => id !== record.speaker);
  return { ...record, latest, mentionLatest: about.map((id): [string, string] => [id, latest]) };
}

/** The record without its derived keys, as a backup carries it (restore computes them again). */
export function withoutCardKeys<R extends QuoteRecord>(record: R): Omit<R, 'latest' | 'mentionLatest'> {
  const { latest: _latest, mentionLatest: _mentionLatest, ...rest } = record;
  return rest;
}
