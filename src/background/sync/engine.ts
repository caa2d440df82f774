// One sync pass, bounded and resumable, never holding a connection open (the MV3 worker stops
// after 30 s idle): (1) what changed in the dossier since the last pass goes into the local mirror,
// encrypted; (2) the mirror replicates to the server and back (PouchDB, checkpointed: a pass cut
// off midway resumes where it stopped); (3) what came in is decrypted, checked and written to the
// dossier. The dossier stays the source of truth; the mirror is PouchDB's copy of the server.
//
// Local edits are written into the mirror as children of the revision the dossier last matched
// (new_edits: false), so an edit made while another device's edit was on its way becomes a
// CouchDB conflict, with both texts kept, never a silent overwrite. CouchDB's deterministic winner
// rule means every device shows the same version until the user picks; it also prefers an edit
// over a deletion, which is the rule we want.
import type { DossierDB } from '../store/open';
import { documentId, isSealed, open, randomBytes, seal, type SyncKeys } from './crypto';
import { nextStamp, RESCAN, RESTORED, unmarked } from '../store/sync-marks';
import { applyToDossier, BATCH, checkIncoming, kindOf, readMany, readManySinceRestore, scanDossier, type SyncRecord } from './records';
import type { PouchDatabase, PouchFactory } from './pouch-types';
import { remoteDatabase, remoteSalt, SyncFailure, toFailure } from './remote';
import { fingerprint } from './stable-json';
import { readState, writeState, type IndexRow, type SyncConfig, type SyncDB, type SyncState } from './sync-db';
import { settleAll } from '../store/all-or-nothing';

export interface SyncEnv {
  Pouch: PouchFactory;
  getDb(): Promise<DossierDB>;
  syncDb: SyncDB;
  /** The local PouchDB holding the encrypted mirror. */
  mirror: PouchDatabase;
  now(): number;
  /** Entities or claims changed behind the store's back: drop cached match lists. */
  onDossierChanged?(): void;
  /** Sites' on/off switches came in from another device: the pages on them should follow. */
  onSitesChanged?(hosts: string[]): void;
  /** Annotations came in or went: whether the reader has any may have changed (the first stage's record). */
  onAnnotationsChanged?(): void;
}

export interface PassResult {
  pushed: number;
  pulled: number;
  applied: number;
  conflicts: number;
  refused: number;
}

/** A synced document as the server holds it: who wrote it in clear (checked by the server), the rest sealed. */
interface SyncDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  by: string;
  iv: string;
  ct: string;
}

/** What is sealed in a document: the record's key (the id is only its HMAC), the payload, when. */
interface Inner {
  k: string;
  p?: unknown;
  at: number;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A revision that continues `parent` (or starts a document): the mirror takes it as given. */
function childRevision(parent: string | undefined): { _rev: string; _revisions: { start: number; ids: string[] } } {
  const id = hex(randomBytes(16));
  if (!parent) return { _rev: `1-${id}`, _revisions: { start: 1, ids: [id] } };
  const dash = parent.indexOf('-');
  const depth = Number(parent.slice(0, dash));
  return { _rev: `${depth + 1}-${id}`, _revisions: { start: depth + 1, ids: [id, parent.slice(dash + 1)] } };
}

export async function sealRecord(keys: SyncKeys, docId: string, inner: Inner, by: string): Promise<Pick<SyncDoc, 'by' | 'iv' | 'ct'>> {
  return { by, ...(await seal(keys, docId, inner)) };
}

export async function openDoc(keys: SyncKeys, doc: { _id: string; iv?: unknown; ct?: unknown }): Promise<Inner> {
  if (!isSealed(doc)) throw new Error('not a Dossier document');
  const inner = (await open(keys, doc._id, doc)) as Partial<Inner>;
  if (typeof inner.k !== 'string' || typeof inner.at !== 'number') throw new Error('malformed Dossier document');
  // The id must be the HMAC of the key inside: a member cannot make a document stand for another record.
  if ((await documentId(keys, inner.k)) !== doc._id) throw new Error('document id does not match its record');
  return inner as Inner;
}

type Pending = { key: string; payload: unknown; hash: string; row: IndexRow | undefined };

/**
 * What pushLocal wrote: how many documents, and whether each one simply continued the mirror's
 * winning revision, which was the one the dossier matched (so none can have made a conflict or
 * let a hidden branch win). Then the pass need not read them back from the mirror.
 */
interface Pushed {
  pushed: number;
  linear: boolean;
}

/**
 * (1) Dossier → mirror. Normally only the records marked since the last pass (sync-marks.ts: the
 * store's writers mark them in the same transaction as the change); everything on the first
 * pass, after a restore, or when a mark says RESCAN. A mark goes only once its record has been
 * written to the mirror, and only if it is older than the pass: a write made during the pass
 * keeps its mark for the next one, so no change is missed.
 */
async function pushLocal(env: SyncEnv, config: SyncConfig): Promise<Pushed> {
  const db = await env.getDb();
  const startedAt = nextStamp();
  // A mirror never written to holds no revision but those this pass writes: nothing to compare.
  const fresh = (await env.mirror.info()).update_seq === 0;
  let linear = true;
  const special = await db.getAllKeys('syncMarks', IDBKeyRange.upperBound(RESCAN));
  const restored = special.includes(RESTORED);
  const firstPass = (await env.syncDb.count('index')) === 0;
  const full = restored || special.includes(RESCAN) || firstPass;
  // A first pass of a big dossier outlives many a worker: one stopped midway has filled part of
  // the index, so without this mark the next pass would read only the change marks and never
  // send the rest. The mark (stamp 0) goes with the other old marks when a full pass completes.
  if (firstPass && !special.includes(RESCAN)) await unmarked(db).put('syncMarks', 0, RESCAN);
  let pushed = 0;
  const write = async (items: Pending[]) => {
    if (items.length === 0) return;
    const at = env.now();
    // WebCrypto runs off the main thread: a batch's HMACs and encryptions go in parallel.
    const sealedItems = await Promise.all(
      items.map(async ({ key, payload, hash, row }) => {
        const docId = row?.docId ?? (await documentId(config.keys, key));
        const revision = childRevision(row?.rev);
        const sealed = await sealRecord(config.keys, docId, payload === undefined ? { k: key, at } : { k: key, p: payload, at }, config.username);
        const doc: SyncDoc = { _id: docId, ...revision, ...sealed, ...(payload === undefined ? { _deleted: true } : {}) };
        const indexRow: IndexRow = { key, docId, rev: revision._rev, hash, by: config.username, at };
        return { doc, indexRow };
      }),
    );
    const docs = sealedItems.map((s) => s.doc);
    const rows = sealedItems.map((s) => s.indexRow);
    if (linear) linear = await continuesWinners(env, items, docs, fresh);
    await env.mirror.bulkDocs(docs, { new_edits: false });
    const tx = env.syncDb.transaction('index', 'readwrite');
    await settleAll([...rows.map((r) => tx.store.put(r)), tx.done]);
    pushed += docs.length;
  };
  const synced = (key: string): boolean => kindOf(key) !== undefined && (config.history || kindOf(key) !== 's');

  if (!full) {
    // Only what changed: the marks, BATCH at a time, in key order.
    let after: string | undefined = RESCAN;
    for (;;) {
      const range = IDBKeyRange.lowerBound(after, true);
      const tx = db.transaction('syncMarks');
      const keys = await tx.store.getAllKeys(range, BATCH);
      if (keys.length === 0) break;
      after = keys[keys.length - 1]!;
      const wanted = keys.filter(synced);
      const [{ payloads, restored: restoredSince }, rows] = await Promise.all([readManySinceRestore(db, wanted), indexRowsOf(env, wanted)]);
      // A restore landed during this pass: the next pass treats it (absence is then no deletion).
      if (restoredSince) break;
      const changed: Pending[] = [];
      wanted.forEach((key, i) => {
        const payload = payloads[i];
        const row = rows[i];
        if (payload === undefined) {
          if (row && row.hash !== '') changed.push({ key, payload: undefined, hash: '', row });
          return;
        }
        const hash = fingerprint(payload);
        if (row?.hash !== hash) changed.push({ key, payload, hash, row });
      });
      await write(changed);
      await dropMarks(db, keys, startedAt);
      if (keys.length < BATCH) break;
    }
    return { pushed, linear };
  }

  for await (const batch of scanDossier(db, { history: config.history })) {
    const rows = await indexRowsOf(env, batch.map((r) => r.key));
    const changed: Pending[] = [];
    for (let i = 0; i < batch.length; i++) {
      const { key, payload } = batch[i]!;
      const hash = fingerprint(payload);
      if (rows[i]?.hash !== hash) changed.push({ key, payload, hash, row: rows[i] });
    }
    await write(changed);
  }
  // On a first pass nothing synced can be missing; otherwise the index is walked for records gone.
  if (!firstPass && !(await pushAbsent(env, config, db, restored, synced, write))) return { pushed, linear };
  await dropOldMarks(db, startedAt);
  return { pushed, linear };
}

/**
 * Whether these documents, about to be written, each continue the mirror's winning revision and
 * that is the revision the dossier matched (or neither exists). A deletion never counts: it can
 * let an older branch of the note win, which the dossier must then show. Reads the mirror's
 * metadata only (allDocs without the documents).
 */
async function continuesWinners(env: SyncEnv, items: readonly Pending[], docs: readonly SyncDoc[], fresh: boolean): Promise<boolean> {
  if (items.some((item) => item.payload === undefined)) return false;
  if (fresh) return true;
  const { rows } = await env.mirror.allDocs({ keys: docs.map((d) => d._id) });
  return rows.every((found, i) => found.value?.rev === items[i]!.row?.rev);
}

/**
 * After a full scan: index rows whose record is gone from the dossier, BATCH at a time in key
 * order (the index is never held whole: 120,000 rows at full scale). Deleted here since the last
 * pass, or, after a restore, simply not in the backup: those come back from the mirror instead (a
 * restore adds and changes records, it never deletes synced ones on every device). Returns false
 * when a restore landed during the pass: absence then means "not in that backup", and the next
 * pass, which knows it, decides.
 */
async function pushAbsent(
  env: SyncEnv,
  config: SyncConfig,
  db: DossierDB,
  restored: boolean,
  synced: (key: string) => boolean,
  write: (items: Pending[]) => Promise<void>,
): Promise<boolean> {
  // A record deleted after the restore has a mark newer than the restore's: that one is a deletion.
  const restoredAt = restored ? ((await db.get('syncMarks', RESTORED)) ?? 0) : 0;
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch = await env.syncDb.getAll('index', range, BATCH);
    if (batch.length === 0) return true;
    after = batch[batch.length - 1]!.key;
    const live = batch.filter((row) => row.hash !== '' && synced(row.key));
    const { payloads, restored: restoredNow } = await readManySinceRestore(
      db,
      live.map((row) => row.key),
    );
    if (restoredNow && !restored) return false;
    const absent = live.filter((_, i) => payloads[i] === undefined);
    let deleted = absent;
    if (restored && absent.length > 0) {
      const tx = db.transaction('syncMarks');
      const stamps = await Promise.all(absent.map((row) => tx.store.get(row.key)));
      deleted = absent.filter((_, n) => (stamps[n] ?? 0) > restoredAt);
      await bringBack(env, config, absent.filter((_, n) => !((stamps[n] ?? 0) > restoredAt)));
    }
    await write(deleted.map((row) => ({ key: row.key, payload: undefined, hash: '', row })));
    if (batch.length < BATCH) return true;
  }
}

function indexRowsOf(env: SyncEnv, keys: readonly string[]): Promise<(IndexRow | undefined)[]> {
  const tx = env.syncDb.transaction('index');
  return Promise.all(keys.map((key) => tx.store.get(key)));
}

/** Removes these marks unless a write during the pass gave them a stamp newer than the pass's. */
async function dropMarks(db: DossierDB, keys: readonly string[], startedAt: number): Promise<void> {
  if (keys.length === 0) return;
  const tx = unmarked(db).transaction('syncMarks', 'readwrite');
  await Promise.all([
    ...keys.map(async (k) => {
      const stamp = await tx.store.get(k);
      if (stamp !== undefined && stamp < startedAt) await tx.store.delete(k);
    }),
    tx.done,
  ]);
}

/** After a full scan: every mark older than the pass, BATCH per short transaction (120,000 after a big import). */
async function dropOldMarks(db: DossierDB, startedAt: number): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const keys = await db.getAllKeys('syncMarks', range, BATCH);
    if (keys.length === 0) return;
    await dropMarks(db, keys, startedAt);
    if (keys.length < BATCH) return;
    after = keys[keys.length - 1]!;
  }
}

/** After a restore: the mirror's copy of synced records the backup lacks goes back into the dossier. */
async function bringBack(env: SyncEnv, config: SyncConfig, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  const found = await env.mirror.allDocs({ keys: rows.map((r) => r.docId), include_docs: true });
  const records: SyncRecord[] = [];
  for (const result of found.rows) {
    const doc = result.doc as unknown as SyncDoc | undefined;
    if (!doc || doc._deleted) continue;
    try {
      const inner = await openDoc(config.keys, doc);
      records.push(...checkIncoming([{ key: inner.k, payload: inner.p }]));
    } catch {
      continue; // Unreadable or malformed: left out, as in applyIncoming.
    }
  }
  const touchedList = records.some((r) => 'ecr'.includes(kindOf(r.key) ?? ''));
  // Before the write too, as in applyIncoming.
  if (touchedList) env.onDossierChanged?.();
  await applyToDossier(await env.getDb(), records, new Map(records.map((r) => [r.key, ''])));
  if (touchedList) env.onDossierChanged?.();
  if (records.some((r) => kindOf(r.key) === 'a')) env.onAnnotationsChanged?.();
  reportSites(env, records.map((r) => r.key));
}

/** Tells env which sites' switches a pull wrote (keys `h:<host>`), if any. */
function reportSites(env: SyncEnv, keys: Iterable<string>): void {
  const hosts = [...keys].filter((key) => kindOf(key) === 'h').map((key) => key.slice(2));
  if (hosts.length > 0) env.onSitesChanged?.(hosts);
}

/** (2) Mirror ↔ server, one shot each way. Refused documents (read-only member) are counted, not fatal. */
async function replicate(env: SyncEnv, remote: PouchDatabase): Promise<{ pulled: number; refused: number }> {
  const Pouch = env.Pouch;
  const options = { batch_size: BATCH, batches_limit: 2, retry: false };
  let refused = 0;
  const push = Pouch.replicate(env.mirror, remote, options);
  push.on('denied', () => refused++);
  const pushResult = await push;
  if (pushResult.status === 'aborted') throw toFailure(new Error('replication aborted'));
  refused = Math.max(refused, pushResult.doc_write_failures);
  const pullResult = await Pouch.replicate(remote, env.mirror, options);
  return { pulled: pullResult.docs_written, refused };
}

/** (3) Mirror → dossier: the changes since the last applied sequence, BATCH at a time. */
async function applyIncoming(env: SyncEnv, config: SyncConfig, state: SyncState): Promise<{ applied: number; conflicts: number }> {
  const db = await env.getDb();
  let applied = 0;
  let conflicts = 0;
  let touchedList = false;
  let touchedAnnotations = false;
  for (;;) {
    const changes = await env.mirror.changes({ since: state.appliedSeq, limit: BATCH, include_docs: true, conflicts: true });
    if (changes.results.length === 0) break;
    const records: SyncRecord[] = [];
    const rows: IndexRow[] = [];
    const losers: { _id: string; _rev: string; _deleted: true }[] = [];
    const conflictRows: { docId: string; key: string; conflicted: boolean }[] = [];
    const docs = changes.results.map((c) => c.doc as unknown as SyncDoc | undefined).filter((d): d is SyncDoc => d !== undefined && d._id.startsWith('x'));
    const lookup = env.syncDb.transaction('index');
    const indexRows = await Promise.all(docs.map((d) => lookup.store.index('byDoc').get(d._id)));
    // Decrypted in parallel; our own writes (already in the dossier) are skipped unread.
    const opened = await Promise.all(
      docs.map(async (doc, i) => {
        const row = indexRows[i];
        if (row?.rev === doc._rev && !doc._conflicts?.length) return undefined;
        if (doc._deleted && !isSealed(doc)) return row ? { doc, row, key: row.key, payload: undefined, at: env.now() } : undefined;
        try {
          const inner = await openDoc(config.keys, doc);
          return { doc, row, key: inner.k, payload: doc._deleted ? undefined : inner.p, at: inner.at };
        } catch {
          return undefined; // Not readable with our key (a stray document): never written to the dossier.
        }
      }),
    );
    const currents = await readMany(db, opened.map((item) => item?.key ?? ''));
    const expected = new Map<string, string | null>();
    for (const [n, item] of opened.entries()) {
      if (!item) continue;
      const { doc, row, key, payload, at } = item;
      const current = currents[n];
      const hasConflicts = (doc._conflicts?.length ?? 0) > 0;
      const settleRivals = (): void => {
        if (hasConflicts && kindOf(key) === 'a') {
          conflicts++;
          conflictRows.push({ docId: doc._id, key, conflicted: true });
        } else {
          // Entities, claims and quotes merge by id: the winner stays, the other branches go.
          for (const rev of doc._conflicts ?? []) losers.push({ _id: doc._id, _rev: rev, _deleted: true });
          conflictRows.push({ docId: doc._id, key, conflicted: false });
        }
      };
      const changedHere = row ? (current === undefined ? '' : fingerprint(current)) !== row.hash : current !== undefined && fingerprint(current) !== fingerprint(payload);
      if (changedHere) {
        // Changed here while the pass ran: the next push branches it, so it becomes a conflict, not
        // a loss. If the winner is the revision the dossier matched, that push continues it and is
        // not read back (passOwnWrites): its rivals are settled now, as the read-back would have.
        if (row?.rev === doc._rev && hasConflicts) settleRivals();
        continue;
      }
      let checked: SyncRecord;
      try {
        [checked] = checkIncoming([{ key, payload }]) as [SyncRecord];
      } catch {
        continue; // A malformed record from another device: kept on the server, not written here.
      }
      settleRivals();
      if (row?.rev === doc._rev) continue;
      expected.set(key, row ? row.hash : null);
      records.push(checked);
      rows.push({ key, docId: doc._id, rev: doc._rev, hash: checked.payload === undefined ? '' : fingerprint(checked.payload), by: doc.by, at });
      if ('ecr'.includes(kindOf(key) ?? '')) touchedList = true;
      if (kindOf(key) === 'a') touchedAnnotations = true;
    }
    // Before the write too: a worker stopped during it then leaves no copy of the list from before (store/list-cache/session-copy.ts).
    if (touchedList) env.onDossierChanged?.();
    const written = await applyToDossier(db, records, expected);
    applied += written.size;
    reportSites(env, written);
    const rowsWritten = rows.filter((r) => written.has(r.key));
    if (losers.length > 0) await env.mirror.bulkDocs(losers );
    const tx = env.syncDb.transaction(['index', 'conflicts'], 'readwrite');
    const writes: Promise<unknown>[] = rowsWritten.map((r) => tx.objectStore('index').put(r));
    for (const c of conflictRows) {
      writes.push(c.conflicted ? tx.objectStore('conflicts').put({ docId: c.docId, key: c.key, since: env.now() }) : tx.objectStore('conflicts').delete(c.docId));
    }
    await settleAll([...writes, tx.done]);
    state.appliedSeq = changes.last_seq;
    await writeState(env.syncDb, state);
  }
  if (touchedList) env.onDossierChanged?.();
  if (touchedAnnotations) env.onAnnotationsChanged?.();
  return { applied, conflicts };
}

/**
 * After a push whose every document continued the revision the dossier matched: the incoming
 * side moves past those documents, which are already in the dossier, instead of reading them
 * back (120,000 on a first sync). Only if everything written to the mirror since `before` is
 * ours: one sequence per document we wrote (a conflict resolved meanwhile in the options page
 * would add its own; then they are read as before). What the server sends later comes after.
 */
async function passOwnWrites(env: SyncEnv, before: number | string, pushed: number): Promise<void> {
  const after = (await env.mirror.info()).update_seq;
  const state = await readState(env.syncDb);
  if (typeof before !== 'number' || typeof after !== 'number' || after - before !== pushed || state.appliedSeq !== before) return;
  state.appliedSeq = after;
  await writeState(env.syncDb, state);
}

/** One whole pass. Throws SyncFailure; the caller records it and schedules the retry. */
export async function runPass(env: SyncEnv, config: SyncConfig): Promise<PassResult> {
  const remote = remoteDatabase(env.Pouch, config);
  try {
    const salt = await remoteSalt(remote);
    if (salt !== config.salt) {
      throw new SyncFailure(
        'passphrase',
        salt === undefined
          ? 'The database on the server lost its Dossier set-up (emptied or re-created): sync stopped, your dossier is unchanged. Turn sync off and on again.'
          : 'The database on the server was set up again with another passphrase: sync stopped, your dossier is unchanged.',
      );
    }
    // Incoming first (a previous pass may have been cut off after pulling), then ours, then the server.
    await applyIncoming(env, config, await readState(env.syncDb));
    const before = (await env.mirror.info()).update_seq;
    const { pushed, linear } = await pushLocal(env, config);
    if (linear && pushed > 0) await passOwnWrites(env, before, pushed);
    const { pulled, refused } = await replicate(env, remote);
    const { applied, conflicts } = await applyIncoming(env, config, await readState(env.syncDb));
    return { pushed, pulled, applied, conflicts, refused };
  } catch (error) {
    throw toFailure(error);
  } finally {
    await remote.close().catch(() => undefined);
  }
}
