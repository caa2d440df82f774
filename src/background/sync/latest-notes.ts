// The notes last changed through sync, for "who last changed a note" in the options page. The
// index holds a row per synced note (20,000 at full scale), and the options page asks every few
// seconds, during a long first sync too: reading them all at once kept megabytes per question in
// the worker, more while questions waited on a busy IndexedDB (BENCHMARKS.md §9). The rows are
// walked BATCH at a time and only the `count` latest are kept.
import { BATCH } from './records';
import type { IndexRow, SyncDB } from './sync-db';

const NOTES = IDBKeyRange.bound('a:', 'a:\uffff');

/** The `count` index rows of notes (not deletions) with the latest `at`, latest first. */
export async function latestNoteRows(db: SyncDB, count: number): Promise<IndexRow[]> {
  let kept: IndexRow[] = [];
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? NOTES : IDBKeyRange.bound(after, 'a:\uffff', true);
    const rows = await db.getAll('index', range, BATCH);
    kept = [...kept, ...rows.filter((r) => r.hash !== '')].sort((a, b) => b.at - a.at).slice(0, count);
    if (rows.length < BATCH) return kept;
    after = rows[rows.length - 1]!.key;
  }
}
