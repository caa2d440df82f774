// "Who last changed a note" (options page) reads sync's index BATCH rows at a time: asked every few
// seconds during a 120,000-record first sync, reading every note's row at once kept megabytes per
// question in the worker (BENCHMARKS.md §9: 27 MB of such reads alive at once at 60,000 records).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestNoteRows } from '../../src/background/sync/latest-notes';
import { BATCH } from '../../src/background/sync/records';
import { openSyncDb, type IndexRow } from '../../src/background/sync/sync-db';

const row = (key: string, at: number, hash = 'h'): IndexRow => ({ key, docId: `x${key}`, rev: '1-a', hash, by: 'ana', at });

describe('latest notes for the options page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds the latest notes among thousands, never asking IndexedDB for more than a batch of rows', async () => {
    const db = await openSyncDb(`sync-latest-${Math.random().toString(36).slice(2)}`);
    const tx = db.transaction('index', 'readwrite');
    const total = 2 * BATCH + 500;
    for (let i = 0; i < total; i++) {
      // Times shuffled against key order; every 7th note deleted; quotes beside them.
      void tx.store.put(row(`a:note-${String(i).padStart(5, '0')}`, (i * 7919) % total, i % 7 === 0 ? '' : 'h'));
      void tx.store.put(row(`q:quote-${i}`, total + i));
    }
    await tx.done;
    const counts: (number | undefined)[] = [];
    const getAll = IDBObjectStore.prototype.getAll;
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, query?: IDBValidKey | IDBKeyRange | null, count?: number) {
      counts.push(count);
      return getAll.call(this, query, count);
    });
    const latest = await latestNoteRows(db, 20);
    const expected = Array.from({ length: total }, (_, i) => i)
      .filter((i) => i % 7 !== 0)
      .map((i) => ({ key: `a:note-${String(i).padStart(5, '0')}`, at: (i * 7919) % total }))
      .sort((a, b) => b.at - a.at)
      .slice(0, 20);
    expect(latest.map((r) => ({ key: r.key, at: r.at }))).toEqual(expected);
    expect(counts.length).toBeGreaterThan(1);
    for (const count of counts) expect(count).toBeLessThanOrEqual(BATCH);
  });
});
