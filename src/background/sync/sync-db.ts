// Sync's own small database, apart from the dossier: the connection settings (server, user,
// password, the derived keys as non-extractable CryptoKeys), the state shown in the options page,
// and one index row per synced record. Kept apart on purpose: a backup or an export reads the
// dossier's stores only, so credentials and keys can never leave in one; turning sync off deletes
// this database whole. PouchDB keeps its encrypted mirror in a database of its own.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SyncKeys } from './crypto';

export const SYNC_DB_NAME = 'dossier-sync';

export interface SyncConfig {
  /** Server origin and path, e.g. https://couch.example.org/ (ends with "/"). */
  server: string;
  database: string;
  username: string;
  password: string;
  keys: SyncKeys;
  /** base64 salt of the database's config document: a new one there means another dossier. */
  salt: string;
  /** Sync "Seen elsewhere" too (off unless the user turns it on). */
  history: boolean;
}

export type SyncProblem = 'offline' | 'auth' | 'forbidden' | 'passphrase' | 'quota' | 'server' | 'read-only';

export interface SyncState {
  lastSyncedAt?: number;
  /** The last pass's failure, cleared by a good pass. */
  problem?: { kind: SyncProblem; message: string; at: number };
  /** Changes the server refused (read-only member): kept here, never retried blindly. */
  refused?: { count: number; at: number };
  /** Consecutive failures: the backoff grows with them. */
  failures: number;
  nextRetryAt?: number;
  /** The mirror's update sequence up to which incoming changes are in the dossier. */
  appliedSeq: number | string;
  /** Counts of the last good pass, for the options page and the bench. */
  last?: { pushed: number; pulled: number; applied: number; conflicts: number };
}

/** One synced record: which document holds it, at which revision, and what we last saw of it. */
export interface IndexRow {
  key: string;
  docId: string;
  /** The mirror's revision the dossier's copy matches. */
  rev: string;
  /** fingerprint() of the payload at that revision; '' for a deletion. */
  hash: string;
  /** Who wrote that revision (the server's user name) and when (epoch ms). */
  by: string;
  at: number;
}

export interface ConflictRow {
  docId: string;
  key: string;
  since: number;
}

interface SyncSchema extends DBSchema {
  meta: { key: string; value: unknown };
  index: { key: string; value: IndexRow; indexes: { byDoc: string } };
  conflicts: { key: string; value: ConflictRow };
}

export type SyncDB = IDBPDatabase<SyncSchema>;

/** Opens (creating on first use) sync's database; the global indexedDB (fake-indexeddb in Node). */
export function openSyncDb(name = SYNC_DB_NAME): Promise<SyncDB> {
  return openDB<SyncSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('meta');
      db.createObjectStore('index', { keyPath: 'key' }).createIndex('byDoc', 'docId', { unique: true });
      db.createObjectStore('conflicts', { keyPath: 'docId' });
    },
  });
}

const INITIAL_STATE: SyncState = { failures: 0, appliedSeq: 0 };

export async function readConfig(db: SyncDB): Promise<SyncConfig | undefined> {
  const value = (await db.get('meta', 'config')) as SyncConfig | undefined;
  return value && typeof value.server === 'string' && value.keys ? value : undefined;
}

export async function readState(db: SyncDB): Promise<SyncState> {
  const value = (await db.get('meta', 'state')) as SyncState | undefined;
  return value && typeof value.failures === 'number' ? value : { ...INITIAL_STATE };
}

export async function writeState(db: SyncDB, state: SyncState): Promise<void> {
  await db.put('meta', state, 'state');
}
