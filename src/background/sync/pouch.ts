// PouchDB as the extension uses it: the core, IndexedDB for the local encrypted mirror, HTTP for
// the CouchDB server, and replication. No map/reduce or find: they are not needed, and the
// changes filter that evaluates strings is never given one (the bundle audit checks for eval).
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { PouchFactory } from './remote';

export const BrowserPouch = PouchDB.plugin(idb).plugin(http).plugin(replication) as unknown as PouchFactory;
