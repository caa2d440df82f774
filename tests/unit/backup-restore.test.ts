// Backup and restore of the whole dossier (fake-indexeddb): a backup restored into a fresh
// profile gives the same dossier; a bad file, or a disk that fills up midway, changes nothing,
// and the error names the record and field.
import 'fake-indexeddb/auto';
import { IDBObjectStore as FDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/background/store/backup';
import { createAnnotation } from '../../src/core/annotations';
import type { EntityList } from '../../src/core/types';
import type { Reply } from '../../src/shared/messages';
import { openStoreRouter, type StoreRouter as Profile } from './store-router';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const PAGE = 'https://news.example/story';
const TEXT = 'Xi Jinping welcomed Tom Hale in Beijing.';
const source = { outlet: 'Example News', title: 'Story', date: '2024-01-01', url: PAGE, sentence: TEXT };

const SEED: EntityList = {
  version: 1,
  entities: [
    { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [{ text: 'Hale', needsContext: true }], context: 'Senator', provenance: source },
    { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: [{ text: 'Xi', exactCase: true }], context: 'President', provenance: source },
  ],
  claims: [{ id: 'visit', statement: 'Hale visited Beijing.', entities: ['tom-hale'], cues: [['Beijing']], provenance: source }],
  quotes: [{ id: 'q1', text: 'Welcome.', speaker: 'xi-jinping', mentions: ['tom-hale'], provenance: source }],
  distinct: [{ text: 'Hale Street', note: 'A street' }],
};

const profile = (): Promise<Profile> => openStoreRouter({ now: NOW });
// Several profiles at once (a backup of one restored into another): each call names its own.
const send = <T>(p: Profile, type: string, payload: unknown): Promise<Reply<T>> => p.send<T>(type, payload);
const ok = <T>(p: Profile, type: string, payload: unknown): Promise<T> => p.ok<T>(type, payload);

/** Everything in the dossier, without the export time, and the card's quote counters (not in a backup). */
async function everything(p: Profile) {
  const { exported: _exported, ...rest } = await readBackup(p.db, NOW);
  return { ...rest, quoteCounts: await p.db.getAll('quoteCounts') };
}

let full: Profile;
let backupText: string;

beforeEach(async () => {
  full = await profile();
  await full.store.syncSeed(SEED);
  await ok(full, 'entities/save', { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [{ text: 'Lovelace' }], context: 'Mathematician' } });
  await ok(full, 'entities/save', { entity: { id: 'tom-hale', name: 'Tom Hale', kind: 'person', aliases: [], context: 'Edited' } });
  await ok(full, 'entities/delete', { id: 'xi-jinping' });
  await full.store.recordSightings(PAGE, 'Story', { 'tom-hale': 3 }, NOW);
  await full.store.harvestQuotes({ url: PAGE, title: 'Story', outlet: 'Example', date: '2024-05-16', quotes: [{ text: 'We shall see.', speakerName: 'A Stranger', sentence: '"We shall see," said A Stranger.', mentions: ['tom-hale'] }] });
  const start = TEXT.indexOf('Tom Hale');
  const note = createAnnotation({ pageUrl: PAGE, title: 'Story', text: TEXT, start, end: start + 8, now: new Date(NOW), tags: ['visit'], note: 'Who?' });
  await full.store.annotations.save(note, NOW);
  await full.store.annotations.report(PAGE, [note.id], []);
  await full.store.setSiteDisabled('example.org', true);
  await ok(full, 'settings/colours/set', { colours: { person: '#123456' } });
  backupText = (await ok<{ text: string }>(full, 'backup/export', {})).text;
});

const realPut = FDBObjectStore.prototype.put;
afterEach(() => {
  FDBObjectStore.prototype.put = realPut;
});

describe('backup and restore', () => {
  it('writes one JSON file of the whole dossier', async () => {
    const file = await ok<{ filename: string; counts: Record<string, number> }>(full, 'backup/export', {});
    expect(file.filename).toBe('dossier-backup-2024-06-01.json');
    expect(file.counts).toEqual({ entities: 2, claims: 1, quotes: 2, sources: 1, sightings: 1, annotations: 1, settings: 5 });
    const parsed = JSON.parse(backupText) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exported', 'entities', 'claims', 'quotes', 'sources', 'sightings', 'annotations', 'settings']);
    expect(parsed).toMatchObject({ format: 'dossier-backup', version: 1, exported: '2024-06-01T12:00:00.000Z' });
  });

  it('neither writes the diagnostics switch into a backup nor takes it from one; a restore turns it off', async () => {
    await ok(full, 'settings/diagnostics/set', { on: true });
    const text = (await ok<{ text: string }>(full, 'backup/export', {})).text;
    // The same file as with it off (the clock is fixed).
    expect(text).toBe(backupText);
    // A hand-edited backup that carries it restores everything else, and leaves it off.
    const edited = JSON.parse(text) as { settings: { key: string; value: unknown }[] };
    edited.settings.push({ key: 'diagnostics', value: true });
    await ok(full, 'backup/restore', { text: JSON.stringify(edited) });
    expect(await ok(full, 'settings/diagnostics', {})).toEqual({ on: false });
    expect(await ok(full, 'settings/colours', {})).toEqual({ colours: { person: '#123456' } });
  });

  it('refuses a file whose data would make a backup over the limit, and says what to do; spacing does not count', async () => {
    const target = await profile();
    await target.store.syncSeed(SEED);
    const base = JSON.parse(backupText) as { sightings: unknown[] };
    const sighting = (i: number) => ({ entityId: 'tom-hale', url: `https://example.org/${'p'.repeat(180)}/${i}`, title: 'Story', time: NOW, count: 1 });
    // ~41 MB of sightings, compact (~44 MB indented): over the data limit, under the file limit.
    base.sightings = Array.from({ length: 150_000 }, (_, i) => sighting(i));
    const reply = await send(target, 'backup/restore', { text: JSON.stringify(base) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing was restored\. This backup holds 4\d\.\d MB of data, more than the 40 MB a dossier may hold to be backed up and restored\. Remove old sightings/) });
    // The same data, indented as older Dossiers wrote backups (~46 MB of file), is read and refused the same way.
    const spaced = await send(target, 'backup/restore', { text: JSON.stringify(base, null, 1) });
    expect(spaced).toMatchObject({ ok: false, error: expect.stringMatching(/This backup holds 4\d\.\d MB of data/) });
    // Under the limit, a spaced file restores, and its backup is no larger than the file was.
    base.sightings = base.sightings.slice(0, 1000);
    const small = JSON.stringify(base, null, 1);
    await ok(target, 'backup/restore', { text: small });
    expect((await ok<{ text: string }>(target, 'backup/export', {})).text.length).toBeLessThan(small.length);
  }, 60_000);

  it('restores into a fresh profile exactly what was backed up', async () => {
    const fresh = await profile();
    await fresh.store.syncSeed(SEED);
    const reply = await ok<{ counts: Record<string, number> }>(fresh, 'backup/restore', { text: backupText });
    expect(reply.counts.entities).toBe(2);
    expect(await everything(fresh)).toEqual(await everything(full));
    // And it behaves the same: the deleted seed entity stays deleted, the edit stays, search works.
    expect((await fresh.store.getEntityList()).entities.map((e) => e.id).sort()).toEqual(['ada-lovelace', 'tom-hale']);
    expect((await fresh.store.search('lovel', 5)).entities.map((e) => e.id)).toEqual(['ada-lovelace']);
    expect((await fresh.store.annotations.list({})).annotations[0]).toMatchObject({ orphan: true, body: { note: 'Who?' } });
    await fresh.store.syncSeed({ ...SEED, entities: SEED.entities.map((e) => ({ ...e, context: 'Seed update' })) });
    expect((await fresh.store.getEntityList()).entities.find((e) => e.id === 'tom-hale')?.context).toBe('Edited');
    expect((await fresh.store.getEntityList()).entities.some((e) => e.id === 'xi-jinping')).toBe(false);
  });

  const edit = (change: (backup: Record<string, any>) => void) => () => {
    const backup = JSON.parse(backupText) as Record<string, any>;
    change(backup);
    return JSON.stringify(backup);
  };

  it.each([
    ['a wrong type in an entity', edit((b) => (b.entities[0].aliases = 'Lovelace')), /^Nothing was restored\. entities\[0\] \("ada-lovelace"\)\.aliases: expected an array/],
    ['a wrong origin', edit((b) => (b.entities[1].origin = 'mine')), /entities\[1\] \("tom-hale"\)\.origin must be "seed" or "user"/],
    ['a claim with an empty cue group', edit((b) => (b.claims[0].cues = [[]])), /claims\[0\] \("visit"\)\.cues\[0\]: expected at least one phrase/],
    ['a bad annotation', edit((b) => (b.annotations[0].body.colour = 'plaid')), /annotations\[0\] \("urn:uuid:[^"]+"\)\.body\.colour must be one of/],
    ['a sighting with a text count', edit((b) => (b.sightings[0].count = 'three')), /sightings\[0\] \("tom-hale"\)\.count must be an integer/],
    ['a bad colour setting', edit((b) => (b.settings.find((s: { key: string }) => s.key === 'highlight-colours').value = { person: 'url(x)' })), /\("highlight-colours"\)\.value\.person must be a colour/],
    ['a duplicate entity', edit((b) => b.entities.push(b.entities[0])), /entities\[2\] repeats the key "ada-lovelace" of entities\[0\]/],
    ['a __proto__ key', () => backupText.replace('"claims":[', '"claims":[{"__proto__": {"polluted": true}},'), /__proto__: this key is not allowed/],
    ['another file format', edit((b) => (b.format = 'something-else')), /not a Dossier backup/],
    ['a truncated file', () => backupText.slice(0, backupText.length / 2), /truncated/],
    ['48 MB of junk', () => '#'.repeat(48 * 1024 * 1024 + 1), /^Nothing was restored\. The file is 48\.0 MB, more than the 48 MB a restore reads\. A backup Dossier writes is at most 40 MB/],
  ])('refuses %s, naming the record and field, and changes nothing', async (_what, file, error) => {
    const target = await profile();
    await target.store.syncSeed(SEED);
    const before = await everything(target);
    const reply = await send(target, 'backup/restore', { text: file() });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect(await everything(target)).toEqual(before);
  });

  it('leaves the old dossier intact when the disk fills up midway through a restore', async () => {
    const target = await profile();
    await target.store.syncSeed(SEED);
    const before = await everything(target);
    let puts = 0;
    FDBObjectStore.prototype.put = function (this: InstanceType<typeof FDBObjectStore>, ...args: Parameters<typeof realPut>) {
      // Let the clear and a few records through, then the disk is full.
      if (++puts > 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    const reply = await send(target, 'backup/restore', { text: backupText });
    FDBObjectStore.prototype.put = realPut;
    expect(puts).toBeGreaterThan(4);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/storage for extensions is full/) });
    expect(await everything(target)).toEqual(before);
  });
});
