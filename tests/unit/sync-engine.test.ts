// Sync between two devices through a real CouchDB-compatible server (express-pouchdb in memory,
// on 127.0.0.1), in Node: the dossier stores on fake-indexeddb, the mirrors in memory, WebCrypto
// from Node. The real-browser tests (tests/browser/sync-two-profiles.test.ts) show the same with
// two Chromium profiles; these pin the engine's rules one by one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type Annotation } from '../../src/core/annotations';
import { serverForThisFile, STORY_PAGE, storyNote } from '../couch/story-fixtures';
import { makeDevice, tick, type Device } from '../couch/devices';
import { NodePouch } from '../couch/node-pouch';
import { openStore } from '../../src/background/store';
import { createSyncService } from '../../src/background/sync/service';

const PAGE = STORY_PAGE;
const PASSWORD = 'pw-of-the-team';
const PASSPHRASE = 'correct horse battery staple';

const note = storyNote;

const couch = serverForThisFile();
let database = 0;

async function team(readers: string[] = []): Promise<string> {
  const name = `team${++database}`;
  await couch().createTeam(name, { writers: ['ana', 'ben'], readers, password: PASSWORD });
  return name;
}

function settings(db: string, username: string, passphrase = PASSPHRASE) {
  return { server: couch().url, database: db, username, password: PASSWORD, passphrase, history: false };
}

async function notesOf(device: Device): Promise<Record<string, string>> {
  const listing = await device.store.annotations.list({});
  return Object.fromEntries(listing.annotations.map((a) => [a.id, a.body.note ?? '']));
}

async function pair(): Promise<[Device, Device, string]> {
  const db = await team();
  const a = await makeDevice('a');
  const b = await makeDevice('b');
  return [a, b, db];
}

describe('sync engine', () => {
  it('holds the keep-alive for exactly as long as a pass runs (the MV3 worker must outlive a long first sync)', async () => {
    const db = await team();
    const dossier = await openStore({ name: `dossier-keep-${Math.random().toString(36).slice(2)}` });
    const events: string[] = [];
    let held = false;
    const sync = createSyncService({
      Pouch: NodePouch,
      getDb: async () => {
        if (held) events.push('work while held');
        return dossier;
      },
      mirrorOptions: { adapter: 'memory' },
      syncDbName: `sync-keep-${Math.random().toString(36).slice(2)}`,
      now: tick,
      keepAlive: () => {
        held = true;
        events.push('hold');
        return () => {
          held = false;
          events.push('release');
        };
      },
    });
    await sync.configure(settings(db, 'ana'));
    expect(events[0]).toBe('hold');
    expect(events).toContain('work while held');
    expect(events.at(-1)).toBe('release');
    expect(events.filter((e) => e === 'hold')).toHaveLength(events.filter((e) => e === 'release').length);
    expect(held).toBe(false);
  });

  it('brings notes written on each device while the server was down to both', async () => {
    const [a, b, db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    await couch().stop();
    await a.store.annotations.save(note('urn:uuid:a1', 'a new offensive', 'written on A'), tick());
    await b.store.annotations.save(note('urn:uuid:b1', 'Xi Jinping', 'written on B'), tick());
    const down = await a.sync.syncNow();
    expect(down.problem).toMatchObject({ kind: 'offline' });
    await couch().start();
    await a.sync.syncNow();
    await b.sync.syncNow();
    const status = await a.sync.syncNow();
    expect(status.problem).toBeUndefined();
    expect(await notesOf(a)).toEqual({ 'urn:uuid:a1': 'written on A', 'urn:uuid:b1': 'written on B' });
    expect(await notesOf(b)).toEqual({ 'urn:uuid:a1': 'written on A', 'urn:uuid:b1': 'written on B' });
  }, 60_000);

  it('keeps both texts of a note edited on both devices, shows the conflict, and lets the user pick', async () => {
    const [a, b, db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    await a.store.annotations.save(note('urn:uuid:c', 'Kharkiv', 'first text'), tick());
    await a.sync.syncNow();
    await b.sync.configure(settings(db, 'ben'));
    expect(await notesOf(b)).toEqual({ 'urn:uuid:c': 'first text' });
    await a.store.annotations.save(note('urn:uuid:c', 'Kharkiv', 'edited on A'), tick());
    await b.store.annotations.save(note('urn:uuid:c', 'Kharkiv', 'edited on B'), tick());
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const device of [a, b]) {
      const [conflict, ...more] = await device.sync.conflicts();
      expect(more).toEqual([]);
      expect(conflict!.annotationId).toBe('urn:uuid:c');
      expect(conflict!.versions.map((v) => v.note).sort()).toEqual(['edited on A', 'edited on B']);
      expect(conflict!.versions.map((v) => v.by).sort()).toEqual(['ana', 'ben']);
    }
    // Both show the same version until the user picks.
    expect(await notesOf(a)).toEqual(await notesOf(b));
    const [conflict] = await b.sync.conflicts();
    const hidden = conflict!.versions.find((v) => !v.shown)!;
    expect(await b.sync.resolve(conflict!.id, hidden.rev)).toBe(true);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await notesOf(a)).toEqual({ 'urn:uuid:c': hidden.note });
    expect(await notesOf(b)).toEqual({ 'urn:uuid:c': hidden.note });
    expect(await a.sync.conflicts()).toEqual([]);
    expect(await b.sync.conflicts()).toEqual([]);
  }, 60_000);

  it('keeps an edit made on one device against a deletion on the other', async () => {
    const [a, b, db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    await a.store.annotations.save(note('urn:uuid:d', 'Beijing', 'keep me'), tick());
    await a.sync.syncNow();
    await b.sync.configure(settings(db, 'ben'));
    await a.store.annotations.delete('urn:uuid:d');
    await b.store.annotations.save(note('urn:uuid:d', 'Beijing', 'edited, so kept'), tick());
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await notesOf(a)).toEqual({ 'urn:uuid:d': 'edited, so kept' });
    expect(await notesOf(b)).toEqual({ 'urn:uuid:d': 'edited, so kept' });
  }, 60_000);

  it('syncs a deletion when nobody edited the note', async () => {
    const [a, b, db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    await a.store.annotations.save(note('urn:uuid:e', 'Beijing', 'to go'), tick());
    await a.sync.syncNow();
    await b.sync.configure(settings(db, 'ben'));
    expect(await notesOf(b)).toEqual({ 'urn:uuid:e': 'to go' });
    await b.store.annotations.delete('urn:uuid:e');
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await notesOf(a)).toEqual({});
  }, 60_000);

  it('stores only ciphertext on the server: no note, tag, title, address or name in its documents', async () => {
    const [a, , db] = await pair();
    await a.store.admin.saveEntity({ name: 'Ilsa Vantarro', kind: 'person', aliases: [{ text: 'Vantarro' }], context: 'Mayor of Quintavia' }, tick());
    await a.store.annotations.save(note('urn:uuid:s', 'Kharkiv', 'secret-note-text', ['secret-tag']), tick());
    await a.sync.configure(settings(db, 'ana'));
    const raw = await couch().rawDocuments(db);
    expect(raw).toContain('"by":"ana"');
    for (const plain of ['secret-note-text', 'secret-tag', 'Ilsa Vantarro', 'Vantarro', 'Quintavia', 'news.example', 'Kharkiv', 'urn:uuid:s', 'ilsa-vantarro']) {
      expect(raw).not.toContain(plain);
    }
  }, 60_000);

  it('keeps the password, passphrase and server out of a backup and of every status reply', async () => {
    const [a, , db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    const backup = (await a.store.admin.exportBackup(tick())).text;
    expect(backup).toContain('"format"');
    for (const secret of [PASSWORD, PASSPHRASE, couch().url, 'ana']) expect(backup).not.toContain(secret);
    const status = JSON.stringify(await a.sync.status());
    expect(status).not.toContain(PASSWORD);
    expect(status).not.toContain(PASSPHRASE);
  }, 60_000);

  it('refuses a wrong passphrase with a clear message and touches nothing', async () => {
    const [a, b, db] = await pair();
    await a.store.annotations.save(note('urn:uuid:p', 'Kharkiv', 'from A'), tick());
    await a.sync.configure(settings(db, 'ana'));
    await b.store.annotations.save(note('urn:uuid:q', 'Beijing', 'only on B'), tick());
    await expect(b.sync.configure(settings(db, 'ben', 'not the passphrase'))).rejects.toThrow(/Wrong passphrase/);
    expect(await notesOf(b)).toEqual({ 'urn:uuid:q': 'only on B' });
    expect((await b.sync.status()).on).toBe(false);
    expect(await couch().rawDocuments(db)).not.toContain('only on B');
  }, 60_000);

  it("refuses a read-only member's push with a message and keeps the change in the browser", async () => {
    const db = await team(['cleo']);
    const a = await makeDevice('a');
    const c = await makeDevice('c');
    await a.store.annotations.save(note('urn:uuid:r', 'Kharkiv', 'by a writer'), tick());
    await a.sync.configure(settings(db, 'ana'));
    await c.sync.configure(settings(db, 'cleo'));
    expect(await notesOf(c)).toEqual({ 'urn:uuid:r': 'by a writer' });
    await c.store.annotations.save(note('urn:uuid:r2', 'Beijing', 'by a reader'), tick());
    const status = await c.sync.syncNow();
    expect(status.problem).toMatchObject({ kind: 'read-only', message: expect.stringMatching(/read-only member.*kept in this browser/) });
    expect(status.refused?.count).toBe(1);
    expect(await notesOf(c)).toMatchObject({ 'urn:uuid:r2': 'by a reader' });
    await a.sync.syncNow();
    expect(await notesOf(a)).toEqual({ 'urn:uuid:r': 'by a writer' });
  }, 60_000);

  it('converges with nothing duplicated when the connection drops in the middle of a pass', async () => {
    const [a, b, db] = await pair();
    await a.sync.configure(settings(db, 'ana'));
    await b.sync.configure(settings(db, 'ben'));
    for (let i = 0; i < 30; i++) await a.store.annotations.save(note(`urn:uuid:m${i}`, 'Kharkiv', `note ${i}`), tick());
    couch().dropNext('_bulk_docs');
    const cut = await a.sync.syncNow();
    expect(cut.problem).toMatchObject({ kind: 'offline' });
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(Object.keys(await notesOf(b))).toHaveLength(30);
    const all = (await couch().admin('GET', `${db}/_all_docs`)).body as { rows: { id: string }[] };
    // 30 notes, the config document and the design document: no duplicate.
    expect(all.rows).toHaveLength(32);
  }, 60_000);

  it('says "Sign-in refused by the server" for a wrong password', async () => {
    const db = await team();
    const a = await makeDevice('a');
    await expect(a.sync.configure({ ...settings(db, 'ana'), password: 'wrong' })).rejects.toThrow(/Sign-in refused by the server/);
  }, 60_000);
});
