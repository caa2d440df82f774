// The sync messages (options page ↔ background), kept apart from messages.ts, which only names
// them. No reply ever carries the password, the passphrase or a key.

export type SyncProblemKind = 'offline' | 'auth' | 'forbidden' | 'passphrase' | 'quota' | 'server' | 'read-only';

export interface SyncStatus {
  on: boolean;
  /** Where and as whom (no password): shown so the user knows which dossier this is. */
  server?: string;
  database?: string;
  username?: string;
  history?: boolean;
  running: boolean;
  /** epoch ms of the last good pass */
  lastSyncedAt?: number;
  problem?: { kind: SyncProblemKind; message: string; at: number };
  /** Changes of ours the server refused (read-only member): kept in this browser. */
  refused?: { count: number; at: number };
  /** epoch ms of the next try after a failure */
  nextRetryAt?: number;
  conflicts: number;
  last?: { pushed: number; pulled: number; applied: number; conflicts: number };
}

export interface SyncSettings {
  /** http(s) address of the CouchDB server, e.g. https://couch.example.org/ */
  server: string;
  database: string;
  username: string;
  password: string;
  /** Encrypts everything before it leaves the browser; never sent anywhere. */
  passphrase: string;
  /** Sync "Seen elsewhere" (browsing history) too. */
  history: boolean;
}

export interface SyncConflictVersion {
  rev: string;
  note: string;
  tags: string[];
  /** Who wrote this version (the server's user name) and when (epoch ms). */
  by: string;
  at: number;
  /** The version the dossier shows until the user picks. */
  shown: boolean;
}

export interface SyncConflict {
  /** The synced document (an opaque id). */
  id: string;
  annotationId: string;
  title: string;
  url: string;
  quote: string;
  versions: SyncConflictVersion[];
}

/** Who last changed a note, as sync knows it. */
export interface SyncAuthorship {
  annotationId: string;
  note: string;
  title: string;
  by: string;
  at: number;
}

export interface SyncBackgroundMessages {
  'sync/status': { req: Record<string, never>; res: SyncStatus; senders: 'extension-page' };
  /** Turns sync on (or changes its settings): checks the passphrase against the database first. */
  'sync/configure': { req: SyncSettings; res: SyncStatus; senders: 'extension-page' };
  /** Turns sync off: forgets the credentials, keys and the local encrypted copy; the dossier stays. */
  'sync/disable': { req: Record<string, never>; res: SyncStatus; senders: 'extension-page' };
  'sync/now': { req: Record<string, never>; res: SyncStatus; senders: 'extension-page' };
  'sync/conflicts': { req: Record<string, never>; res: { conflicts: SyncConflict[] }; senders: 'extension-page' };
  /** Keeps one version (rev), or, with `note`, that version with the user's merged text. */
  'sync/resolve': { req: { id: string; rev: string; note?: string }; res: { resolved: boolean }; senders: 'extension-page' };
  /** The conflict of one note, for its bubble on the page (the note frame, an extension page). */
  'sync/conflict': { req: { annotationId: string }; res: { conflict: SyncConflict | null }; senders: 'extension-page' };
  'sync/authors': { req: Record<string, never>; res: { notes: SyncAuthorship[] }; senders: 'extension-page' };
  /** The sites whose on/off switch the user shares through sync (only those sync). */
  'sync/shared-sites': { req: Record<string, never>; res: { hosts: string[] }; senders: 'extension-page' };
  'sync/share-site': { req: { host: string; shared: boolean }; res: { shared: boolean }; senders: 'extension-page' };
}
