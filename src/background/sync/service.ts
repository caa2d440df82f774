// Sync as the rest of the background sees it: turn on (after checking the passphrase against the
// database), turn off (forget credentials, keys and the encrypted copy), run a pass now, after a
// local change (debounced), on the alarm, at start-up, with backoff after failures, one pass at a
// time. State lives in sync's database, never in globals, so a restarted worker carries on.
import type { SyncAuthorship, SyncConflict, SyncSettings, SyncStatus } from '../../shared/sync-messages';
import type { DossierDB } from '../store/open';
import { listConflicts, resolveConflict } from './conflicts';
import { runPass, type SyncEnv } from './engine';
import { readOne } from './records';
import { latestNoteRows } from './latest-notes';
import { listSharedSites, setSiteShared } from '../store/shared-sites';
import { unmarked } from '../store/sync-marks';
import type { PouchDatabase, PouchFactory } from './pouch-types';
import { agreeOnKeys, remoteDatabase, SyncFailure, toFailure } from './remote';
import { openSyncDb, readConfig, readState, writeState, type SyncConfig, type SyncDB, type SyncState } from './sync-db';
import { settleAll } from '../store/all-or-nothing';

export interface SyncServiceOptions {
  Pouch: PouchFactory;
  getDb(): Promise<DossierDB>;
  /** The mirror's PouchDB options (adapter); its name is fixed per sync database. */
  mirrorOptions?: Record<string, unknown>;
  syncDbName?: string;
  now?(): number;
  onDossierChanged?(): void;
  onSitesChanged?(hosts: string[]): void;
  onAnnotationsChanged?(): void;
  /** How long after a local change the pass starts (ms): edits in a burst share one pass. */
  debounceMs?: number;
  /**
   * Called when passes start; the returned function when they end. The background keeps its
   * worker alive meanwhile: a first sync of a big dossier runs for minutes, and an MV3 worker
   * doing only IndexedDB and fetch work is stopped 30 s after the event that woke it.
   */
  keepAlive?(): () => void;
}

export interface SyncService {
  status(): Promise<SyncStatus>;
  configure(settings: SyncSettings): Promise<SyncStatus>;
  disable(): Promise<SyncStatus>;
  /** Runs a pass now, whatever the backoff says (the user asked). */
  syncNow(): Promise<SyncStatus>;
  /** A local write happened: a pass soon, if sync is on and no backoff holds it. */
  nudge(): void;
  /** The alarm or start-up: a pass if one is due. */
  tick(): Promise<void>;
  conflicts(): Promise<SyncConflict[]>;
  /** Keeps version `rev`; with `note`, that version with the merged text. */
  resolve(id: string, rev: string, note?: string): Promise<boolean>;
  /** One note's conflict (its bubble on the page), or null. */
  conflictOf(annotationId: string): Promise<SyncConflict | null>;
  authors(): Promise<SyncAuthorship[]>;
  sharedSites(): Promise<string[]>;
  /** Shares (or stops sharing) a site's on/off switch; a pass follows soon. */
  shareSite(host: string, shared: boolean): Promise<boolean>;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 30 * 60_000;
const AUTHORS_SHOWN = 20;
/** A pass scans the dossier: edits and page reads in a burst share one (the worker lives 30 s idle). */
const DEBOUNCE_MS = 5000;

export function backoffDelay(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

export function normaliseServer(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new SyncFailure('server', 'The server address must be a full address such as https://couch.example.org/');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncFailure('server', 'The server address must start with https:// (or http:// for a server on this machine).');
  if (url.username || url.password) throw new SyncFailure('server', 'Put the user name and password in their own fields, not in the address.');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const now = options.now ?? Date.now;
  let syncDb: Promise<SyncDB> | undefined;
  let mirror: PouchDatabase | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const getSyncDb = (): Promise<SyncDB> => {
    syncDb ??= openSyncDb(options.syncDbName).catch((error: unknown) => {
      syncDb = undefined;
      throw error;
    });
    return syncDb;
  };
  const mirrorName = () => `${options.syncDbName ?? 'dossier-sync'}-mirror`;
  const getMirror = (): PouchDatabase => (mirror ??= new options.Pouch(mirrorName(), options.mirrorOptions));

  async function env(): Promise<SyncEnv> {
    return {
      Pouch: options.Pouch,
      getDb: options.getDb,
      syncDb: await getSyncDb(),
      mirror: getMirror(),
      now,
      ...(options.onDossierChanged ? { onDossierChanged: options.onDossierChanged } : {}),
      ...(options.onSitesChanged ? { onSitesChanged: options.onSitesChanged } : {}),
      ...(options.onAnnotationsChanged ? { onAnnotationsChanged: options.onAnnotationsChanged } : {}),
    };
  }

  async function status(): Promise<SyncStatus> {
    const db = await getSyncDb();
    const config = await readConfig(db);
    const state = await readState(db);
    const base: SyncStatus = { on: config !== undefined, running: running !== undefined, conflicts: await db.count('conflicts') };
    if (!config) return base;
    return {
      ...base,
      server: config.server,
      database: config.database,
      username: config.username,
      history: config.history,
      ...(state.lastSyncedAt !== undefined ? { lastSyncedAt: state.lastSyncedAt } : {}),
      ...(state.problem ? { problem: state.problem } : {}),
      ...(state.refused ? { refused: state.refused } : {}),
      ...(state.nextRetryAt !== undefined ? { nextRetryAt: state.nextRetryAt } : {}),
      ...(state.last ? { last: state.last } : {}),
    };
  }

  async function pass(config: SyncConfig): Promise<void> {
    const e = await env();
    let state: SyncState;
    try {
      const result = await runPass(e, config);
      state = await readState(e.syncDb);
      state.lastSyncedAt = now();
      delete state.problem;
      delete state.nextRetryAt;
      state.failures = 0;
      state.last = { pushed: result.pushed, pulled: result.pulled, applied: result.applied, conflicts: result.conflicts };
      if (result.refused > 0) {
        state.refused = { count: result.refused, at: now() };
        state.problem = {
          kind: 'read-only',
          message: `The server refused ${result.refused === 1 ? '1 change' : `${result.refused} changes`}: you are a read-only member of this database. ${result.refused === 1 ? 'It is' : 'They are'} kept in this browser.`,
          at: now(),
        };
      }
    } catch (error) {
      const failure = toFailure(error);
      state = await readState(e.syncDb);
      state.failures += 1;
      state.problem = { kind: failure.kind, message: failure.message, at: now() };
      state.nextRetryAt = now() + backoffDelay(state.failures);
    }
    await writeState(e.syncDb, state);
  }

  /** One pass at a time; a request during a pass runs one more after it. */
  function runExclusive(force: boolean): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    const release = options.keepAlive?.();
    running = (async () => {
      do {
        again = false;
        const db = await getSyncDb();
        const config = await readConfig(db);
        if (!config) {
          await forgetMarks();
          return;
        }
        const state = await readState(db);
        if (!force && state.problem?.kind === 'passphrase') return; // Needs the user: retrying cannot help.
        if (!force && state.nextRetryAt !== undefined && now() < state.nextRetryAt) return;
        await pass(config);
        force = false;
      } while (again);
    })().finally(() => {
      running = undefined;
      release?.();
    });
    return running;
  }

  /**
   * Sync off: the dossier's change marks serve nobody (turning sync on starts with a full scan),
   * so the alarm's tick drops them and they never outgrow a couple of minutes of writes.
   */
  async function forgetMarks(): Promise<void> {
    const dossier = await options.getDb();
    if ((await dossier.count('syncMarks')) > 0) await unmarked(dossier).clear('syncMarks');
  }

  async function forgetLocalCopy(db: SyncDB): Promise<void> {
    const tx = db.transaction(['meta', 'index', 'conflicts'], 'readwrite');
    await settleAll([tx.objectStore('meta').clear(), tx.objectStore('index').clear(), tx.objectStore('conflicts').clear(), tx.done]);
    await getMirror().destroy().catch(() => undefined);
    mirror = undefined;
  }

  return {
    status,
    async configure(settings) {
      const server = normaliseServer(settings.server);
      const connection = { server, database: settings.database.trim(), username: settings.username.trim(), password: settings.password };
      if (!/^[a-z][a-z0-9_$()+/-]*$/.test(connection.database)) {
        throw new SyncFailure('server', 'A CouchDB database name starts with a lower-case letter and has only a-z, 0-9 and _$()+-/.');
      }
      if (settings.passphrase.length < 8) throw new SyncFailure('passphrase', 'Choose a passphrase of at least 8 characters.');
      await running;
      const remote = remoteDatabase(options.Pouch, connection);
      let agreed;
      try {
        agreed = await agreeOnKeys(remote, settings.passphrase);
      } finally {
        await remote.close().catch(() => undefined);
      }
      const db = await getSyncDb();
      const previous = await readConfig(db);
      // Another server, database or key: the old copy belongs to another dossier.
      if (previous && (previous.server !== server || previous.database !== connection.database || previous.salt !== agreed.salt)) await forgetLocalCopy(db);
      const config: SyncConfig = { ...connection, keys: agreed.keys, salt: agreed.salt, history: settings.history };
      await db.put('meta', config, 'config');
      const state = await readState(db);
      delete state.problem;
      delete state.nextRetryAt;
      state.failures = 0;
      await writeState(db, state);
      await runExclusive(true);
      return status();
    },
    async disable() {
      clearTimeout(timer);
      await running;
      await forgetLocalCopy(await getSyncDb());
      return status();
    },
    async syncNow() {
      await runExclusive(true);
      return status();
    },
    nudge() {
      clearTimeout(timer);
      timer = setTimeout(() => void runExclusive(false).catch(() => undefined), options.debounceMs ?? DEBOUNCE_MS);
    },
    async tick() {
      await runExclusive(false);
    },
    async conflicts() {
      const db = await getSyncDb();
      const config = await readConfig(db);
      return config ? listConflicts(await env(), config) : [];
    },
    async conflictOf(annotationId) {
      const config = await readConfig(await getSyncDb());
      if (!config) return null;
      return (await listConflicts(await env(), config, `a:${annotationId}`))[0] ?? null;
    },
    async resolve(id, rev, note) {
      const config = await readConfig(await getSyncDb());
      if (!config) return false;
      const resolved = await resolveConflict(await env(), config, id, rev, note);
      if (resolved) void runExclusive(true).catch(() => undefined);
      return resolved;
    },
    async sharedSites() {
      return listSharedSites(await options.getDb());
    },
    async shareSite(host, shared) {
      const result = await setSiteShared(await options.getDb(), host, shared);
      this.nudge();
      return result;
    },
    async authors() {
      const db = await getSyncDb();
      if (!(await readConfig(db))) return [];
      const rows = await latestNoteRows(db, AUTHORS_SHOWN);
      const dossier = await options.getDb();
      const notes: SyncAuthorship[] = [];
      for (const row of rows.slice(0, AUTHORS_SHOWN)) {
        const a = (await readOne(dossier, row.key)) as { title?: string; body?: { note?: string } } | undefined;
        if (a) notes.push({ annotationId: row.key.slice(2), note: a.body?.note ?? '', title: a.title ?? '', by: row.by, at: row.at });
      }
      return notes;
    },
  };
}
