// A pass does not read back from the mirror the documents it has just pushed (issue 15: on a first
// sync of 120,000 records that read-back was a second pass over them all), and that shortcut loses
// no conflict: a rival branch that arrived while the note was being edited here is still shown.
// Node, a real CouchDB-compatible server on 127.0.0.1, mirrors in memory (as sync-engine.test.ts).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { serverForThisFile, storyNote } from '../couch/story-fixtures';
import { makeDevice, tick, type Device } from '../couch/devices';
import { NodePouchDB } from '../couch/node-pouch';
import type { PouchDatabase, PouchFactory, Replication, ReplicateOptions } from '../../src/background/sync/pouch-types';

const PASSWORD = 'pw-of-the-team';
const couch = serverForThisFile();
let database = 0;

async function team(): Promise<string> {
  const name = `readback${++database}`;
  await couch().createTeam(name, { writers: ['ana', 'ben'], password: PASSWORD });
  return name;
}

const settings = (db: string, username: string) => ({ server: couch().url, database: db, username, password: PASSWORD, passphrase: 'correct horse battery staple', history: false });

interface Watch {
  /** Documents the engine read from its mirror's changes (the incoming side of a pass). */
  read: number;
  /** Runs once, when the next pull from the server has finished (before the pass applies it). */
  afterPull?: () => Promise<void>;
}

interface ChangesFeed extends PromiseLike<{ results: unknown[] }> {
  then: PromiseLike<{ results: unknown[] }>['then'];
}

/** NodePouch, watched: counts what the engine reads from the mirror, and can act after a pull. */
function watchedPouch(watch: Watch): PouchFactory {
  type Base = new (name: string, options?: Record<string, unknown>) => { changes(options: Record<string, unknown>): ChangesFeed };
  const Base = (NodePouchDB.defaults({}) as unknown as Base & { replicate(s: PouchDatabase, t: PouchDatabase, o?: ReplicateOptions): Replication });
  class Watched extends Base {
    override changes(options: Record<string, unknown>): ChangesFeed {
      const feed = super.changes(options);
      // The engine's reads ask for the documents and their conflicts; the replicator's do not.
      if (options.include_docs && options.conflicts) {
        feed.then(
          (r) => (watch.read += r.results.filter((c) => (c as { id: string }).id.startsWith('x')).length),
          () => undefined,
        );
      }
      return feed;
    }
  }
  const replicate = (source: PouchDatabase, target: PouchDatabase, options?: ReplicateOptions): Replication => {
    const replication = Base.replicate(source, target, options);
    const pull = String((source as unknown as { name?: string }).name).startsWith('http');
    const done = Promise.resolve(replication).then(async (result) => {
      const act = pull ? watch.afterPull : undefined;
      if (act) {
        watch.afterPull = undefined;
        await act();
      }
      return result;
    });
    const wrapped: Replication = {
      on: (event, listener) => {
        replication.on(event, listener);
        return wrapped;
      },
      cancel: () => replication.cancel(),
      then: (onDone, onFailed) => done.then(onDone, onFailed),
    };
    return wrapped;
  };
  return Object.assign(Watched, { replicate }) as unknown as PouchFactory;
}

async function notesOf(device: Device): Promise<Record<string, string>> {
  const listing = await device.store.annotations.list({});
  return Object.fromEntries(listing.annotations.map((a) => [a.id, a.body.note ?? '']));
}

describe('sync: notes that come in', () => {
  it("tell the background, so the first stage's record says the reader has annotations", async () => {
    const db = await team();
    const a = await makeDevice('a');
    let told = 0;
    const b = await makeDevice('b', undefined, { onAnnotationsChanged: () => void told++ });
    await a.store.annotations.save(storyNote('urn:uuid:only', 'Kharkiv', 'a note'), tick());
    await a.sync.configure(settings(db, 'ana'));
    expect((await b.store.getFirstStageRecord()).annotating).toBe(false);
    await b.sync.configure(settings(db, 'ben'));
    expect(told).toBeGreaterThan(0);
    expect((await b.store.getFirstStageRecord()).annotating).toBe(true);
    // A pass that brings no note says nothing.
    const before = told;
    await b.sync.syncNow();
    expect(told).toBe(before);
  }, 60_000);
});

describe('sync: a pass and its own push', () => {
  it('does not read back the notes it has just pushed; the other device reads each of them', async () => {
    const db = await team();
    const watchA: Watch = { read: 0 };
    const watchB: Watch = { read: 0 };
    const a = await makeDevice('a', watchedPouch(watchA));
    const b = await makeDevice('b', watchedPouch(watchB));
    for (let i = 0; i < 40; i++) await a.store.annotations.save(storyNote(`urn:uuid:n${i}`, 'Kharkiv', `note ${i}`), tick());
    const first = await a.sync.configure(settings(db, 'ana'));
    expect(first.last?.pushed).toBe(40);
    expect(watchA.read).toBe(0);
    for (let i = 0; i < 5; i++) await a.store.annotations.save(storyNote(`urn:uuid:n${i}`, 'Kharkiv', `edited ${i}`), tick());
    expect((await a.sync.syncNow()).last?.pushed).toBe(5);
    expect(watchA.read).toBe(0);
    await b.sync.configure(settings(db, 'ben'));
    expect(watchB.read).toBeGreaterThanOrEqual(40);
    expect(await notesOf(b)).toEqual(await notesOf(a));
    expect(Object.keys(await notesOf(b))).toHaveLength(40);
  }, 60_000);

  it("still shows a conflict whose rival arrived while the note was being edited here", async () => {
    const db = await team();
    const watchA: Watch = { read: 0 };
    const a = await makeDevice('a', watchedPouch(watchA));
    // Both devices on the watched class: with B on plain NodePouch beside it, B never received A's
    // note in this process (with the engine before this change too; cause not found).
    const b = await makeDevice('b', watchedPouch({ read: 0 }));
    const id = 'urn:uuid:rival';
    await a.store.annotations.save(storyNote(id, 'Beijing', 'first text'), tick());
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    // B edits without syncing; A edits twice, so A's branch is the deeper one and wins.
    await b.store.annotations.save(storyNote(id, 'Beijing', 'edited on B'), tick());
    for (const text of ['A, once', 'A, twice']) {
      await a.store.annotations.save(storyNote(id, 'Beijing', text), tick());
      await a.sync.syncNow();
    }
    await b.sync.syncNow();
    // A pulls B's losing branch; the user edits the note on A before A applies it.
    watchA.afterPull = async () => {
      await a.store.annotations.save(storyNote(id, 'Beijing', 'A, during the pass'), tick());
    };
    await a.sync.syncNow();
    expect(watchA.afterPull).toBeUndefined();
    // The next pass pushes that edit on top of A's branch and does not read it back.
    await a.sync.syncNow();
    await b.sync.syncNow();
    for (const device of [a, b]) {
      const conflicts = await device.sync.conflicts();
      expect(conflicts.map((c) => c.annotationId)).toEqual([id]);
      expect(conflicts[0]!.versions.map((v) => v.note).sort()).toEqual(['A, during the pass', 'edited on B']);
    }
  }, 60_000);
});
