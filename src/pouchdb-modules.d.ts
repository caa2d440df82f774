// PouchDB's packages ship no types; sync types the API it uses in background/sync/pouch-types.ts.
declare module 'pouchdb-core' {
  const PouchDB: { plugin(plugin: unknown): typeof PouchDB };
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
