// `npm start -- --sync`: a CouchDB-compatible server for trying sync (express-pouchdb in memory,
// the same as the tests use; a devDependency), on 127.0.0.1:5984 with a database "dossier" and a
// user who may write. Its documents live as long as this command runs.
export const SYNC_DEMO = { port: 5984, database: 'dossier', username: 'demo', password: 'demo-password' };

export async function startSyncDemo(): Promise<string> {
  const { startCouchServer } = await import('../../../tests/couch/server');
  const couch = await startCouchServer(SYNC_DEMO.port);
  await couch.createTeam(SYNC_DEMO.database, { writers: [SYNC_DEMO.username], password: SYNC_DEMO.password });
  return [
    `Sync demo server: ${couch.url} (in memory, until this command ends)`,
    `In Dossier's options, Sync: server ${couch.url}, database "${SYNC_DEMO.database}", user "${SYNC_DEMO.username}", password "${SYNC_DEMO.password}", and a passphrase of your own.`,
  ].join('\n');
}
