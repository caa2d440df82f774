// A CouchDB-compatible server for tests, the demo and the bench: express-pouchdb over PouchDB's
// in-memory adapter, on 127.0.0.1. Its data lives in this process, so stop() and start() model a
// server going down and coming back (with its documents), and `requests` logs every request.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NodePouchDB } from './node-pouch';

const require = createRequire(import.meta.url);

/**
 * pouchdb-validation 4.2 replaces an incoming document's `_revisions` with the stored one's before
 * it validates, so a replicated update (new_edits: false) of an existing document is silently
 * dropped whenever a database has a validate_doc_update: no edit or deletion would ever reach the
 * server. CouchDB itself does not do this. The test server loads the module with that line removed.
 */
function loadFixedValidation(): void {
  const path = require.resolve('pouchdb-validation', { paths: [dirname(require.resolve('express-pouchdb'))] });
  if (require.cache[path]) return;
  const buggy = 'newDoc._revisions = (oldDoc || {})._revisions;';
  const source = readFileSync(path, 'utf8');
  if (!source.includes(buggy)) return;
  const NodeModule = require('node:module') as { new (id: string): NodeJS.Module & { _compile(code: string, file: string): void }; _nodeModulePaths(dir: string): string[] };
  const fixed = new NodeModule(path);
  fixed.filename = path;
  fixed.paths = NodeModule._nodeModulePaths(dirname(path));
  fixed._compile(source.replace(buggy, ''), path);
  fixed.loaded = true;
  require.cache[path] = fixed;
}

export interface CouchServer {
  /** http://127.0.0.1:port/ */
  readonly url: string;
  readonly port: number;
  /** Every request's method and path, in order (cleared by the test when it likes). */
  readonly requests: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /** As the server admin: method, path, JSON body → status and parsed body. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Creates a database, writers (role dossier-writer) and read-only members, with the validation document. */
  createTeam(database: string, users: { writers?: string[]; readers?: string[]; password: string; validation?: boolean }): Promise<void>;
  /** Every document of a database as stored (with conflicts and deleted ones), read directly. */
  rawDocuments(database: string): Promise<string>;
  /**
   * Cuts the next request whose path contains `marker`: its socket is destroyed mid-request, and
   * with `thenStop` the whole server stops (start() brings it back with its documents).
   */
  dropNext(marker: string, thenStop?: boolean): void;
  close(): Promise<void>;
}

export const ADMIN = { name: 'admin', password: 'admin-secret' };

/** The validation document of README "Sync": only writers and admins write, and only as themselves. */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins) || {};
  var isAdmin = roles.indexOf('_admin') !== -1 || (admins.names || []).indexOf(userCtx.name) !== -1;
  if (isAdmin) return;
  if (roles.indexOf('dossier-writer') === -1) throw({ forbidden: 'You are a read-only member of this database.' });
  if (newDoc._id.indexOf('_design/') === 0) throw({ forbidden: 'Only admins change design documents.' });
  if (!newDoc._deleted && newDoc._id !== 'dossier-sync-config' && newDoc.by !== userCtx.name) throw({ forbidden: 'A document must name its writer.' });
}`;

export async function startCouchServer(port = 0): Promise<CouchServer> {
  loadFixedValidation();
  const Memory = NodePouchDB.defaults({ adapter: 'memory', prefix: `couch-${process.pid}-${Math.random().toString(36).slice(2)}-` }) as new (name: string) => {
    allDocs(o: object): Promise<{ rows: unknown[] }>;
    changes(o: object): Promise<unknown>;
    get(id: string, o?: object): Promise<unknown>;
  };
  // express-pouchdb is an express 4 app: called as the handler of a plain Node server.
  const couchApp = require('express-pouchdb')(Memory, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' }) as RequestListener;
  const requests: string[] = [];
  let dropMarker: string | undefined;
  let stopAfterDrop = false;
  const app = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (dropMarker && (req.url ?? '').includes(dropMarker)) {
      dropMarker = undefined;
      req.socket.destroy();
      if (stopAfterDrop) void stop();
      return;
    }
    couchApp(req, res);
  });

  let server: Server | undefined;
  const sockets = new Set<Socket>();
  app.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let chosenPort = port;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      app.once('error', reject);
      app.listen(chosenPort, '127.0.0.1', () => {
        chosenPort = (app.address() as AddressInfo).port;
        resolve();
      });
      server = app;
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
      server = undefined;
    });
  await start();
  const url = () => `http://127.0.0.1:${chosenPort}/`;
  const auth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
  async function admin(method: string, path: string, body?: unknown) {
    const res = await fetch(url() + path.replace(/^\//, ''), {
      method,
      headers: { 'content-type': 'application/json', authorization: auth },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
  // Admin party off: the first request makes the admin.
  await fetch(`${url()}_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });

  const couch: CouchServer = {
    get url() {
      return url();
    },
    get port() {
      return chosenPort;
    },
    requests,
    stop,
    start,
    admin,
    async createTeam(database, { writers = [], readers = [], password, validation = true }) {
      await admin('PUT', database);
      for (const name of writers) await admin('PUT', `_users/org.couchdb.user:${name}`, { name, password, roles: ['dossier-writer'], type: 'user' });
      for (const name of readers) await admin('PUT', `_users/org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' });
      await admin('PUT', `${database}/_security`, { admins: { names: [], roles: [] }, members: { names: [...writers, ...readers], roles: [] } });
      if (validation) await admin('PUT', `${database}/_design/dossier`, { validate_doc_update: VALIDATE_DOC_UPDATE });
    },
    async rawDocuments(database) {
      const db = new Memory(database);
      const all = await db.allDocs({ include_docs: true, conflicts: true });
      const changes = await db.changes({ include_docs: true, style: 'all_docs' });
      const leaves: unknown[] = [];
      for (const row of all.rows as { id: string; doc?: { _conflicts?: string[] } }[]) {
        for (const rev of row.doc?._conflicts ?? []) leaves.push(await db.get(row.id, { rev }));
      }
      return JSON.stringify({ all, changes, leaves });
    },
    dropNext(marker, thenStop = false) {
      dropMarker = marker;
      stopAfterDrop = thenStop;
    },
    close: stop,
  };
  return couch;
}
