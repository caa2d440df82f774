// The server side of a pass: opening the remote database with the user's credentials, its config
// document (salt, rounds, a known text sealed with the key: how devices agree on the key and how
// a wrong passphrase is caught before anything is written), and what a failure means to a user.
import { deriveKeys, fromBase64, MIN_ITERATIONS, open, PBKDF2_ITERATIONS, randomBytes, seal, toBase64, type Sealed, type SyncKeys } from './crypto';
import type { SyncProblem } from './sync-db';

export const CONFIG_DOC_ID = 'dossier-sync-config';
const CHECK_TEXT = 'dossier-sync-check-v1';

import type { PouchDatabase, PouchFactory } from './pouch-types';
export type { PouchFactory } from './pouch-types';

export interface Connection {
  server: string;
  database: string;
  username: string;
  password: string;
}

export function remoteDatabase(Pouch: PouchFactory, c: Connection): PouchDatabase {
  return new Pouch(new URL(encodeURIComponent(c.database), c.server).href, {
    auth: { username: c.username, password: c.password },
    skip_setup: true,
  });
}

interface ConfigDoc {
  _id: string;
  _rev?: string;
  format: 'dossier-sync';
  salt: string;
  iterations: number;
  check: Sealed;
}

function asConfigDoc(value: unknown): ConfigDoc | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<ConfigDoc>;
  if (v.format !== 'dossier-sync' || typeof v.salt !== 'string' || typeof v.iterations !== 'number' || !v.check) return undefined;
  return v as ConfigDoc;
}

/** A failure the options page can say plainly. */
export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

/** PouchDB's errors carry an HTTP status; a dropped connection carries none (or a TypeError). */
export function toFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const e = (error ?? {}) as { status?: number; name?: string; message?: string; reason?: string };
  const detail = e.reason ?? e.message ?? String(error);
  if (e.name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return new SyncFailure('quota', 'This browser has no room left to store the sync copy. Free some disk space; nothing was lost.');
  }
  if (e.status === 401) return new SyncFailure('auth', 'Sign-in refused by the server: check the user name and password.');
  if (e.status === 403) return new SyncFailure('forbidden', `The server refused access to this database (${detail}).`);
  if (e.status === 404) return new SyncFailure('server', 'The server has no such database: check its name, or create it (see README, "Sync").');
  if (e.status === undefined || e.status === 0 || /fetch|network|ECONNREFUSED|ECONNRESET|socket/i.test(detail) || error instanceof TypeError) {
    return new SyncFailure('offline', 'Could not reach the server; Dossier will try again.');
  }
  return new SyncFailure('server', `The server answered ${e.status}: ${detail}`);
}

/**
 * Agrees on the key with the database: derives it with the salt there and checks the sealed text,
 * or, on a database Dossier never used, writes a new salt and check. A wrong passphrase throws
 * before anything of the dossier is read or written.
 */
export async function agreeOnKeys(remote: PouchDatabase, passphrase: string): Promise<{ keys: SyncKeys; salt: string }> {
  let existing: ConfigDoc | undefined;
  try {
    existing = asConfigDoc(await remote.get(CONFIG_DOC_ID));
    if (!existing) throw new SyncFailure('server', 'The database holds something other than a Dossier dossier: use an empty database.');
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw toFailure(error);
  }
  if (existing) {
    if (existing.iterations < MIN_ITERATIONS) throw new SyncFailure('passphrase', 'The database asks for a weak key derivation; Dossier refuses it.');
    const keys = await deriveKeys(passphrase, fromBase64(existing.salt), existing.iterations);
    try {
      if ((await open(keys, CONFIG_DOC_ID, existing.check)) !== CHECK_TEXT) throw new Error('check');
    } catch {
      throw new SyncFailure('passphrase', 'Wrong passphrase for this database: nothing was synced and your dossier is unchanged.');
    }
    return { keys, salt: existing.salt };
  }
  const salt = toBase64(randomBytes(16));
  const keys = await deriveKeys(passphrase, fromBase64(salt), PBKDF2_ITERATIONS);
  const doc: ConfigDoc = { _id: CONFIG_DOC_ID, format: 'dossier-sync', salt, iterations: PBKDF2_ITERATIONS, check: await seal(keys, CONFIG_DOC_ID, CHECK_TEXT) };
  try {
    await remote.put({ ...doc });
  } catch (error) {
    const failure = toFailure(error);
    if (failure.kind === 'forbidden') {
      throw new SyncFailure('read-only', 'This database has no Dossier set-up yet, and you may only read it: a member who may write must turn sync on first.');
    }
    // Another device set it up at the same moment: use theirs.
    if ((error as { status?: number }).status === 409) return agreeOnKeys(remote, passphrase);
    throw failure;
  }
  return { keys, salt };
}

/** The salt the database holds now: another one means it was set up again (another passphrase). */
export async function remoteSalt(remote: PouchDatabase): Promise<string | undefined> {
  try {
    return asConfigDoc(await remote.get(CONFIG_DOC_ID))?.salt;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw toFailure(error);
  }
}
