// PouchDB for Node, composed once (plugins change the one PouchDB object): memory, HTTP, replication.
import { createRequire } from 'node:module';
import type { PouchFactory } from '../../src/background/sync/pouch-types';

const require = createRequire(import.meta.url);

interface Composable {
  plugin(plugin: unknown): Composable;
  defaults(options: Record<string, unknown>): unknown;
}

export const NodePouchDB = (require('pouchdb-core') as Composable)
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));

export const NodePouch = NodePouchDB as unknown as PouchFactory;
