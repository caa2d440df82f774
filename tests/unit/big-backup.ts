// The restore tests' material: a few people and a backup of theirs with thousands of quotes and
// sightings, enough that the restore's writes go out in several chunks (bulk-put.ts).
import type { Backup, BackupQuote } from '../../src/background/store/backup-validate';
import type { Entity } from '../../src/core/types';

export const NOW = Date.parse('2024-06-01T12:00:00Z');
export const provenance = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: 'https://news.example/s', sentence: 'S.' };
export const person = (id: string): Entity => ({ id, name: `Person ${id}`, kind: 'person', aliases: [], context: 'Politician', provenance });

/** `base` (a backup just read) with `quotes` quotes and `sightings` sightings of `ids`' people. */
export function withManyRecords(base: Backup, ids: readonly string[], size: { quotes: number; sightings: number }): Backup {
  const quotes: BackupQuote[] = Array.from({ length: size.quotes }, (_, i) => ({
    id: `q${i}`,
    text: `Words number ${i}.`,
    speaker: ids[i % ids.length]!,
    mentions: [ids[(i * 3 + 1) % ids.length]!, ids[(i * 7 + 2) % ids.length]!],
    provenance,
    origin: 'user',
  }));
  // Each on its own day: the store keeps one record per entity and day (store/sightings/), so these
  // stay one write each and the restore's writes still run over several chunks.
  const sightings = Array.from({ length: size.sightings }, (_, i) => ({
    entityId: ids[i % ids.length]!,
    url: `https://news.example/${i}`,
    title: `Story ${i}`,
    time: NOW + i * 86_400_000,
    count: 1 + (i % 5),
  }));
  return { ...base, quotes, sightings };
}
