// The product's restore fills a fresh database and switches to it with one small write in the
// catalog (catalog.ts, dossier-database.ts). At every point it can fail (a full disk while the fresh
// database is written, a failed switch, a worker stopped between two steps, an old connection that
// will not close) the dossier is either the old one or the new one, whole, with its quote counters
// right, and no database is left behind for long.
import 'fake-indexeddb/auto';
import { IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/background/store/backup';
import { CATALOG_NAME } from '../../src/background/store/catalog';
import { NOW } from './big-backup';
import { failWritesAfter, restoreWrites, type FailureMode } from './disk-full';
import { bigBackup, catalog, databases, profile, QUOTES, SIGHTINGS, start, type Profile } from './restore-profiles';

/** The dossier as every opener sees it now (through get()), with its counters. */
async function everything(p: Profile) {
  const db = await p.database.get();
  const { exported: _exported, ...rest } = await readBackup(db, NOW);
  return { ...rest, quoteCounts: await db.getAll('quoteCounts') };
}

/** The catalog's own writes fail from now on (a full disk at the switch). */
function failCatalogWrites(how: FailureMode): void {
  const realPut = FDBObjectStore.prototype.put;
  FDBObjectStore.prototype.put = function (this: InstanceType<typeof FDBObjectStore>, ...args: Parameters<typeof realPut>) {
    if (this.name !== 'names') return realPut.apply(this, args);
    if (how === 'throw') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const request = realPut.apply(this, args);
    (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
    return request;
  };
}

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'restored',
    (error: unknown) => error,
  );

afterEach(restoreWrites);

describe('a restore into a fresh database', () => {
  it('switches every opener to the restored dossier, counters right, and deletes the old database', async () => {
    const p = await profile();
    const backup = await bigBackup();
    const held = await p.database.get();
    const counts = await p.store.admin.restoreBackup(backup);
    expect(counts).toMatchObject({ quotes: QUOTES, sightings: SIGHTINGS });

    const after = await everything(p);
    expect(after.quotes.map((q) => q.id).sort()).toEqual(backup.quotes.map((q) => q.id).sort());
    expect(after.sightings).toHaveLength(SIGHTINGS);
    const byTom = backup.quotes.filter((q) => q.speaker === 'tom').length;
    expect((await p.store.getEntityCard('tom', 'https://news.example/now')).quotesByTotal).toBe(byTom);
    expect(after.quoteCounts.find((c) => c.id === 'tom')?.by).toBe(byTom);

    // Every opener resolves the new database: the old connection was closed, the old database deleted.
    const now = await p.database.get();
    expect(now).not.toBe(held);
    expect(() => held.transaction('quotes')).toThrow();
    const { current, doomed } = await catalog(p);
    expect(current).not.toBe('dossier');
    expect(doomed).toEqual([]);
    expect(await databases(p)).toEqual([CATALOG_NAME, current].sort());

    // A restarted worker opens the restored dossier, not the old name.
    const restarted = start(p.factory);
    expect((await restarted.store.getEntityCard('tom', 'https://news.example/now')).quotesByTotal).toBe(byTom);
    expect((await everything(restarted)).sightings).toHaveLength(SIGHTINGS);
  });

  it('a second restore replaces the first restored dossier the same way', async () => {
    const p = await profile();
    const backup = await bigBackup();
    await p.store.admin.restoreBackup(backup);
    const first = (await catalog(p)).current;
    await p.store.admin.restoreBackup({ ...backup, quotes: backup.quotes.slice(0, 10), sightings: [] });
    const second = (await catalog(p)).current;
    expect(second).not.toBe(first);
    expect(await databases(p)).toEqual([CATALOG_NAME, second].sort());
    expect((await everything(p)).quotes).toHaveLength(10);
  });

  for (const how of ['throw', 'abort'] as FailureMode[]) {
    for (const at of [5, 1_999, 2_000, 2_400, 4_000]) {
      it(`a full disk at write ${at} of the fresh database (${how}) leaves the old dossier whole, and deletes the fresh one`, async () => {
        const p = await profile();
        const backup = await bigBackup();
        const before = await everything(p);
        const fault = failWritesAfter(at, how);
        const outcome = await failure(p.store.admin.restoreBackup(backup));
        restoreWrites();
        expect(fault.failedOn()).toBeDefined();
        expect(String((outcome as { message?: string }).message)).toMatch(/storage for extensions is full/);
        expect(await everything(p)).toEqual(before);
        // The disk was full for the catalog too: the fresh database is gone, its name may stay
        // doomed (harmless: the next open forgets it).
        expect((await catalog(p)).current).toBe('dossier');
        expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
      });
    }

    it(`a failed switch (${how}) leaves the old dossier whole, for this worker and the next`, async () => {
      const p = await profile();
      const faulty = start(p.factory, { beforeSwitch: () => failCatalogWrites(how) });
      const before = await everything(faulty);
      const outcome = await failure(faulty.store.admin.restoreBackup(await bigBackup()));
      restoreWrites();
      expect(outcome).toBeInstanceOf(Error);
      expect(await everything(faulty)).toEqual(before);
      expect((await catalog(p)).current).toBe('dossier');
      expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
      expect(await everything(start(p.factory))).toEqual(before);
    });
  }

  it('a worker stopped after filling the fresh database but before the switch: the next start has the old dossier and deletes the leftover', async () => {
    const p = await profile();
    const before = await everything(p);
    let filled!: () => void;
    const stopped = new Promise<void>((resolve) => (filled = resolve));
    const dying = start(p.factory, { beforeSwitch: () => (filled(), new Promise<void>(() => undefined)) });
    void dying.store.admin.restoreBackup(await bigBackup());
    await stopped;
    expect(await databases(p)).toHaveLength(3);

    const next = start(p.factory);
    expect(await everything(next)).toEqual(before);
    expect(await catalog(p)).toEqual({ current: 'dossier', doomed: [] });
    expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
  });

  it('a worker stopped after the switch but before deleting the old database: the next start has the new dossier and deletes the old', async () => {
    const p = await profile();
    const backup = await bigBackup();
    // The old database held open by a connection that ignores versionchange (as a stuck context
    // would): the switch happens, the deletion waits, the name stays doomed.
    const stuck = await new Promise<IDBDatabase>((resolve) => {
      const request = p.factory.open('dossier');
      request.onsuccess = () => resolve(request.result);
    });
    await p.store.admin.restoreBackup(backup);
    expect((await everything(p)).quotes).toHaveLength(QUOTES);
    const { current, doomed } = await catalog(p);
    expect(doomed).toEqual(['dossier']);
    expect(await databases(p)).toContain('dossier');

    stuck.close();
    const next = start(p.factory);
    expect((await everything(next)).quotes).toHaveLength(QUOTES);
    expect(await catalog(p)).toEqual({ current, doomed: [] });
    expect(await databases(p)).toEqual([CATALOG_NAME, current].sort());
  });
});
