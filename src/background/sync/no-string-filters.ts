// Stands in for pouchdb-changes-filter in the extension's bundle (build.mjs aliases it here). That
// plugin turns filters named by a design document into code with Function(): eval, which the
// bundle must not contain and MV3's policy would refuse anyway. Sync never filters changes by a
// named filter; without the plugin PouchDB simply has no named filters.
export default function noStringFilters(): void {}
