// The part of PouchDB's API that sync uses, typed here: DefinitelyTyped's @types/pouchdb-core
// declares a global `Buffer` that breaks Node's own types in this project.

export interface PouchDoc {
  _id: string;
  _rev: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface PouchDatabase {
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  put(doc: { _id: string; _rev?: string; [field: string]: unknown }): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<{ ok?: boolean; id?: string; rev?: string; error?: string | boolean; reason?: string }[]>;
  changes(options: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  allDocs(options: { keys: string[]; include_docs?: boolean }): Promise<{ rows: { id?: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }[] }>;
  info(): Promise<{ update_seq: number | string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReplicationResult {
  ok: boolean;
  status: string;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

export interface Replication extends PromiseLike<ReplicationResult> {
  on(event: 'denied', listener: (error: unknown) => void): Replication;
  cancel(): void;
}

export interface ReplicateOptions {
  batch_size?: number;
  batches_limit?: number;
  retry?: boolean;
}

export interface PouchFactory {
  new (name: string, options?: Record<string, unknown>): PouchDatabase;
  replicate(source: PouchDatabase, target: PouchDatabase, options?: ReplicateOptions): Replication;
}
