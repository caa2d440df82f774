// Install and update of the seed list, in one transaction: all or nothing. The seed's hash is kept
// in settings, so a cold start with an unchanged seed costs one read.
export { seedHash } from './seed-hash';
import type { EntityList, Provenance } from '../../core/types';
import { allOrNothing } from './all-or-nothing';
import { seedHash } from './seed-hash';
import { removedEntityIds } from './entity-tombstones';
import type { DossierDB } from './open';
import { belongsToUser, entityRecord } from './records';
import { SETTING_DISTINCT, SETTING_SEED_HASH, sourceKey, type QuoteRecord } from './schema';
import { withCardKeys } from './quote-card-keys';
import { withQuoteWriter } from './quote-writer';

export interface SeedSyncResult {
  action: 'installed' | 'merged' | 'unchanged';
  added: number;
  updated: number;
  /** Seed items left alone because the user added or edited them. */
  kept: number;
  /** Unedited seed items the new seed no longer has. */
  removed: number;
}

/**
 * `hash`: the seed's, when the build computed it (build.mjs): hashing the bundled seed took ~5 ms of
 * every wake of a stopped worker, before its first answer.
 */
export async function syncSeed(db: DossierDB, seed: EntityList, hash = seedHash(seed)): Promise<SeedSyncResult> {
  const previous = await db.get('settings', SETTING_SEED_HASH);
  const result: SeedSyncResult = {
    action: previous === undefined ? 'installed' : 'merged',
    added: 0,
    updated: 0,
    kept: 0,
    removed: 0,
  };
  if (previous === hash) return { ...result, action: 'unchanged' };

  const tx = db.transaction(['entities', 'claims', 'quotes', 'quoteCounts', 'sources', 'settings'], 'readwrite');
  // One transaction, aborted on any failure: a seed is installed whole or not at all.
  return allOrNothing(tx, async () => {
    const merge = async <R extends { id: string; origin?: 'seed' | 'user'; editedAt?: number }>(
      store: { get(id: string): Promise<R | undefined>; put(r: R): Promise<unknown>; getAll(): Promise<R[]>; delete(id: string): Promise<void> },
      items: readonly R[],
    ): Promise<void> => {
      const ids = new Set(items.map((item) => item.id));
      for (const item of items) {
        const existing = await store.get(item.id);
        if (!existing) {
          await store.put(item);
          result.added++;
        } else if (belongsToUser(existing)) {
          result.kept++;
        } else if (JSON.stringify(existing) !== JSON.stringify(item)) {
          await store.put(item);
          result.updated++;
        }
      }
      for (const record of await store.getAll()) {
        if (!ids.has(record.id) && !belongsToUser(record)) {
          await store.delete(record.id);
          result.removed++;
        }
      }
    };

    // Seed entities the user deleted stay deleted (see entity-tombstones.ts).
    const removed = await removedEntityIds(tx.objectStore('settings'));
    const kept = seed.entities.filter((e) => !removed.has(e.id));
    await merge(tx.objectStore('entities'), kept.map((e) => entityRecord(e, 'seed')));
    await merge(tx.objectStore('claims'), seed.claims.map((c) => ({ ...c, origin: 'seed' as const })));
    // A seed quote the reader has since met on other pages keeps those sources through an update.
    const quotes = tx.objectStore('quotes');
    const seedQuotes: QuoteRecord[] = [];
    for (const q of seed.quotes) {
      const existing = await quotes.get(q.id);
      // With its card keys, so an unchanged quote compares equal to the stored one.
      seedQuotes.push(withCardKeys(existing?.sources ? { ...q, origin: 'seed' as const, sources: existing.sources } : { ...q, origin: 'seed' as const }));
    }
    // Quotes go through the writer, which keeps the card's counters (a seed update may change a
    // quote's speaker or mentions, or drop it).
    await withQuoteWriter(tx, (writer) =>
      merge({ get: (id) => quotes.get(id), getAll: () => quotes.getAll(), put: (r) => writer.put(r), delete: (id) => writer.delete(id) }, seedQuotes),
    );

    const sources = tx.objectStore('sources');
    const provenances: Provenance[] = [...seed.entities, ...seed.claims, ...seed.quotes].map((item) => item.provenance);
    for (const p of provenances) {
      await sources.put({ key: sourceKey(p), outlet: p.outlet, title: p.title, date: p.date, ...(p.url ? { url: p.url } : {}) });
    }
    const settings = tx.objectStore('settings');
    await settings.put(seed.distinct, SETTING_DISTINCT);
    await settings.put(hash, SETTING_SEED_HASH);
    return result;
  });
}
