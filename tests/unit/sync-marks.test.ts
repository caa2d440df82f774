// A sync pass reads only what changed (the marks the dossier's handle writes with every change,
// in the same transaction), and still misses nothing: not a change made while the pass runs, not
// a change made by any writer. And restoring a backup with sync on brings the backup's versions to
// every device without deleting, anywhere, what the backup lacks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type Annotation } from '../../src/core/annotations';
import { readBackup } from '../../src/background/store/backup';
import { unmarked } from '../../src/background/store/sync-marks';
import { createStore, openStore } from '../../src/background/store';
import { createSyncService } from '../../src/background/sync/service';
import { BATCH } from '../../src/background/sync/records';
import type { PouchFactory } from '../../src/background/sync/pouch-types';
import { serverForThisFile, STORY_PAGE, storyNote } from '../couch/story-fixtures';
import { makeDevice, tick, type Device } from '../couch/devices';
import { NodePouchDB } from '../couch/node-pouch';

const PAGE = STORY_PAGE;
const PASSWORD = 'pw-of-the-team';

const note = (id: string, text: string): Annotation => storyNote(id, 'Kharkiv', text);

const couch = serverForThisFile();
let database = 0;
async function team(): Promise<string> {
  const name = `marks${++database}`;
  await couch().createTeam(name, { writers: ['ana', 'ben'], password: PASSWORD });
  return name;
}
const settings = (db: string, username: string) => ({ server: couch().url, database: db, username, password: PASSWORD, passphrase: 'correct horse battery staple', history: false });

async function notesOf(device: Device): Promise<Record<string, string>> {
  const listing = await device.store.annotations.list({ limit: 5000 });
  return Object.fromEntries(listing.annotations.map((a) => [a.id, a.body.note ?? '']));
}

/** A device whose mirror runs `during` once, in the middle of the next pass that writes to it. */
async function deviceWithHook(name: string): Promise<Device & { arm(during: () => Promise<void>): void }> {
  const unique = `${name}-${Math.random().toString(36).slice(2)}`;
  const db = await openStore({ name: `dossier-${unique}` });
  let hook: (() => Promise<void>) | undefined;
  const Base = NodePouchDB as unknown as new (name: string, options?: Record<string, unknown>) => { bulkDocs(docs: object[], options?: object): Promise<unknown> };
  class HookedPouch extends Base {
    constructor(name: string, options?: Record<string, unknown>) {
      super(name, options);
      // PouchDB sets its methods on the instance: wrap this one's.
      const bulkDocs = this.bulkDocs.bind(this);
      this.bulkDocs = async (docs, opts) => {
        const run = hook;
        hook = undefined;
        if (run) await run();
        return bulkDocs(docs, opts);
      };
    }
  }
  Object.assign(HookedPouch, { replicate: (NodePouchDB as unknown as PouchFactory).replicate.bind(NodePouchDB) });
  const sync = createSyncService({ Pouch: HookedPouch as unknown as PouchFactory, getDb: async () => db, mirrorOptions: { adapter: 'memory' }, syncDbName: `sync-${unique}`, now: tick, debounceMs: 10 });
  return { name, db, store: createStore(async () => db), sync, arm: (during) => (hook = during) };
}

describe('sync marks', () => {
  it('marks every kind of synced write in its own transaction, and nothing when the transaction aborts', async () => {
    const device = await makeDevice('m');
    const marks = async () => (await device.db.getAllKeys('syncMarks')).filter((k) => k !== '*');
    await device.db.clear('syncMarks');
    await device.store.annotations.save(note('urn:uuid:n1', 'a note'), tick());
    const saved = await device.store.admin.saveEntity({ name: 'Ada Example', kind: 'person', aliases: [], context: '' }, tick());
    await device.store.admin.deleteEntity(saved.id, tick());
    // The entity's save and deletion; the save also cleared any tombstone of its id ("r:").
    expect(await marks()).toEqual(['a:urn:uuid:n1', `e:${saved.id}`, `r:${saved.id}`]);
    // An aborted write leaves no mark: the mark is part of the change, not a note beside it.
    const stored = (await device.db.get('annotations', 'urn:uuid:n1'))!;
    const tx = device.db.transaction('annotations', 'readwrite');
    void tx.store.put({ ...stored, id: 'urn:uuid:never' }).catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(await marks()).not.toContain('a:urn:uuid:never');
  });

  it('keeps no marks while sync is off: the next tick drops them (turning sync on scans everything)', async () => {
    const device = await makeDevice('off');
    await device.store.annotations.save(note('urn:uuid:off', 'written with sync off'), tick());
    expect(await device.db.count('syncMarks')).toBeGreaterThan(0);
    await device.sync.tick();
    expect(await device.db.count('syncMarks')).toBe(0);
  });

  it('pushes only marked records after the first pass: a record written behind the marks is not read', async () => {
    const db = await team();
    const a = await makeDevice('a');
    const b = await makeDevice('b');
    await a.store.annotations.save(note('urn:uuid:1', 'one'), tick());
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    // Written through the unmarked handle: a full scan would find it, a pass of marks does not.
    const record = (await a.db.get('annotations', 'urn:uuid:1'))!;
    await unmarked(a.db).put('annotations', { ...record, id: 'urn:uuid:hidden', body: { ...(record.body as object), note: 'hidden' } } as never);
    await a.store.annotations.save(note('urn:uuid:2', 'two'), tick());
    const status = await a.sync.syncNow();
    expect(status.last?.pushed).toBe(1);
    await b.sync.syncNow();
    expect(await notesOf(b)).toEqual({ 'urn:uuid:1': 'one', 'urn:uuid:2': 'two' });
    expect(await a.db.count('syncMarks')).toBe(0);
  }, 60_000);

  it('misses no change made while a pass runs: the write keeps its mark for the next pass', async () => {
    const db = await team();
    const a = await deviceWithHook('a');
    const b = await makeDevice('b');
    await a.store.annotations.save(note('urn:uuid:x', 'first'), tick());
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    // The pass reads "second", and while it writes the mirror the user saves "third" and a new note.
    await a.store.annotations.save(note('urn:uuid:x', 'second'), tick());
    let ran = false;
    a.arm(async () => {
      ran = true;
      await a.store.annotations.save(note('urn:uuid:x', 'third'), tick());
      await a.store.annotations.save(note('urn:uuid:y', 'new during the pass'), tick());
    });
    const first = await a.sync.syncNow();
    expect(ran).toBe(true);
    expect(first.last?.pushed).toBe(1);
    expect(await a.db.getAllKeys('syncMarks')).toEqual(['a:urn:uuid:x', 'a:urn:uuid:y']);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await notesOf(b)).toEqual({ 'urn:uuid:x': 'third', 'urn:uuid:y': 'new during the pass' });
    expect(await a.db.count('syncMarks')).toBe(0);
  }, 60_000);

  it('restoring a backup with sync on sends its versions everywhere and deletes nothing it lacks', async () => {
    const db = await team();
    const a = await makeDevice('a');
    const b = await makeDevice('b');
    await a.store.annotations.save(note('urn:uuid:kept', 'as in the backup'), tick());
    await a.store.annotations.save(note('urn:uuid:gone', 'deleted right after the restore'), tick());
    const backup = await readBackup(a.db, tick());
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    await a.store.annotations.save(note('urn:uuid:kept', 'edited after the backup'), tick());
    await b.store.annotations.save(note('urn:uuid:later', 'written on B after the backup'), tick());
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(Object.keys(await notesOf(a)).sort()).toEqual(['urn:uuid:gone', 'urn:uuid:kept', 'urn:uuid:later']);

    await a.store.admin.restoreBackup(backup);
    // Deleted after the restore, before the pass: a deletion, not a record to bring back.
    await a.store.annotations.delete('urn:uuid:gone');
    expect(await notesOf(a)).toEqual({ 'urn:uuid:kept': 'as in the backup' });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const both = { 'urn:uuid:kept': 'as in the backup', 'urn:uuid:later': 'written on B after the backup' };
    expect(await notesOf(a)).toEqual(both);
    expect(await notesOf(b)).toEqual(both);
    // Deleting after the restore still deletes everywhere.
    await a.store.annotations.delete('urn:uuid:later');
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await notesOf(b)).toEqual({ 'urn:uuid:kept': 'as in the backup' });
  }, 60_000);

  it('a full pass finds the records gone in every batch of the index, not only the first', async () => {
    const db = await team();
    const a = await makeDevice('a');
    const b = await makeDevice('b');
    const id = (n: number) => `urn:uuid:g-${String(n).padStart(4, '0')}`;
    const total = BATCH * 2 + 10;
    for (let from = 0; from < total; from += 100) {
      const tx = a.db.transaction('annotations', 'readwrite');
      for (let n = from; n < Math.min(total, from + 100); n++) void tx.store.put({ ...note(id(n), `note ${n}`), time: n, orphan: false } as never);
      await tx.done;
    }
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    expect(Object.keys(await notesOf(b))).toHaveLength(total);
    // A store cleared (marks cannot name what went: RESCAN), then three notes written again, one
    // in each batch of the index: the next pass scans all and deletes the rest everywhere.
    const kept = [5, BATCH + 5, 2 * BATCH + 5];
    const backAgain = kept.map((n) => ({ ...note(id(n), `note ${n}`), time: n, orphan: false }));
    await a.db.clear('annotations');
    const tx = a.db.transaction('annotations', 'readwrite');
    for (const record of backAgain) void tx.store.put(record as never);
    await tx.done;
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(Object.keys(await notesOf(b)).sort()).toEqual(kept.map(id));
  }, 120_000);

  it('a first pass stopped midway (the worker ended) is finished by the next pass: nothing is left unsent', async () => {
    const db = await team();
    const a = await deviceWithHook('a');
    const b = await makeDevice('b');
    const id = (n: number) => `urn:uuid:s-${String(n).padStart(5, '0')}`;
    const total = BATCH * 2 + 10;
    // Written while sync was off, so without marks (the alarm's tick drops them then, and the
    // new store's RESCAN with them).
    await unmarked(a.db).clear('syncMarks');
    const tx = unmarked(a.db).transaction('annotations', 'readwrite');
    for (let n = 0; n < total; n++) void tx.store.put({ ...note(id(n), `note ${n}`), time: n, orphan: false } as never);
    await tx.done;
    expect(await a.db.count('syncMarks')).toBe(0);
    // The first batch reaches the mirror, then the pass dies at the second.
    a.arm(async () => {
      a.arm(async () => {
        throw new Error('the worker stopped');
      });
    });
    const cut = await a.sync.configure(settings(db, 'ana'));
    expect(cut.problem).toBeDefined();
    await a.sync.syncNow();
    await b.sync.configure(settings(db, 'ben'));
    expect(Object.keys(await notesOf(b))).toHaveLength(total);
    expect(await a.db.count('syncMarks')).toBe(0);
  }, 120_000);

  it("syncs the on/off switch of the sites the user shares, and only those", async () => {
    const db = await team();
    const a = await makeDevice('a');
    const b = await makeDevice('b');
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    await a.store.setSiteDisabled('private.example', true);
    await a.store.setSiteDisabled('shared.example', true);
    await a.sync.shareSite('shared.example', true);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await b.store.getSiteDisabled('shared.example')).toBe(true);
    expect(await b.store.getSiteDisabled('private.example')).toBe(false);
    expect(await b.sync.sharedSites()).toEqual(['shared.example']);
    // Switched back on where it is shared: on everywhere.
    await a.store.setSiteDisabled('shared.example', false);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await b.store.getSiteDisabled('shared.example')).toBe(false);
    // No longer shared: B keeps its switch as it is, and A's next change stays on A.
    await b.store.setSiteDisabled('shared.example', true);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await a.store.getSiteDisabled('shared.example')).toBe(true);
    await a.sync.shareSite('shared.example', false);
    await a.store.setSiteDisabled('shared.example', false);
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await b.sync.sharedSites()).toEqual([]);
    expect(await b.store.getSiteDisabled('shared.example')).toBe(true);
    expect(await a.store.getSiteDisabled('shared.example')).toBe(false);
  }, 60_000);

  it('a restore that lands during a pass is never pushed as deletions by that pass', async () => {
    const db = await team();
    const a = await deviceWithHook('a');
    const b = await makeDevice('b');
    const id = (n: number) => `urn:uuid:n-${String(n).padStart(5, '0')}`;
    // A batch of notes in the backup, one more after it: the marks of the edits below fill one
    // batch and start a second, which the pass reads after the restore.
    for (let n = 0; n < BATCH; n++) await a.store.annotations.save(note(id(n), `note ${n}`), tick());
    const backup = await readBackup(a.db, tick());
    await a.store.annotations.save(note(id(BATCH), 'not in the backup'), tick());
    await a.sync.configure(settings(db, 'ana'));
    for (let n = 0; n <= BATCH; n++) await a.store.annotations.save(note(id(n), `note ${n}, edited`), tick());
    a.arm(async () => {
      await a.store.admin.restoreBackup(backup);
    });
    await a.sync.syncNow();
    await a.sync.syncNow();
    await b.sync.configure(settings(db, 'ben'));
    const onB = await notesOf(b);
    // The note the backup lacks is not deleted anywhere: the server's copy comes back to A (its
    // unsynced edit went with the restore, which replaces this browser's dossier).
    expect(Object.keys(onB)).toHaveLength(BATCH + 1);
    expect(onB[id(BATCH)]).toBe('not in the backup');
    expect((await notesOf(a))[id(BATCH)]).toBe('not in the backup');
  }, 120_000);
});
