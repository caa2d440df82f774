// The store as the router and the entry see it: every call gets the database lazily and fails
// with a StoreError, never with a raw DOMException.
import type { EntityList } from '../../core/types';
import type { ArticleSource, ClaimCardData, EntityCardData, HarvestedQuote, SearchResults } from '../../shared/messages';
import { addList, type AddListResult } from './add-list';
import { guard } from './errors';
import { harvestQuotes, type HarvestResult } from './harvest';
import type { DossierDB } from './open';
import * as queries from './queries';
import { syncSeed, type SeedSyncResult } from './seed-sync';
import * as writes from './writes';
import { createAnnotationStore, type AnnotationStore } from './annotation-store';
import { createDossierAdminStore, type DossierAdminStore } from './dossier-store';

export interface Store {
  getEntityList(): Promise<EntityList>;
  getEntityCard(entityId: string, url: string): Promise<EntityCardData>;
  getClaimCard(claimId: string): Promise<ClaimCardData>;
  recordSightings(url: string, title: string, counts: Readonly<Record<string, number>>, now: number): Promise<{ recorded: number }>;
  search(query: string, limit: number): Promise<SearchResults>;
  getSiteDisabled(host: string): Promise<boolean>;
  setSiteDisabled(host: string, disabled: boolean): Promise<boolean>;
  syncSeed(seed: EntityList): Promise<SeedSyncResult>;
  harvestQuotes(request: ArticleSource & { quotes: readonly HarvestedQuote[] }): Promise<HarvestResult>;
  addList(list: EntityList, now: number): Promise<AddListResult>;
  annotations: AnnotationStore;
  /** The options page: entity admin, sites, colours, backup. */
  admin: DossierAdminStore;
}

export function createStore(getDb: () => Promise<DossierDB>): Store {
  const run = <T>(operation: (db: DossierDB) => Promise<T>): Promise<T> => guard(async () => operation(await getDb()));
  return {
    getEntityList: () => run((db) => queries.getEntityList(db)),
    getEntityCard: (entityId, url) => run((db) => queries.getEntityCard(db, entityId, url)),
    getClaimCard: (claimId) => run((db) => queries.getClaimCard(db, claimId)),
    recordSightings: (url, title, counts, now) => run((db) => writes.recordSightings(db, url, title, counts, now)),
    search: (query, limit) => run((db) => queries.search(db, query, limit)),
    getSiteDisabled: (host) => run((db) => writes.getSiteDisabled(db, host)),
    setSiteDisabled: (host, disabled) => run((db) => writes.setSiteDisabled(db, host, disabled)),
    syncSeed: (seed) => run((db) => syncSeed(db, seed)),
    harvestQuotes: (request) => run((db) => harvestQuotes(db, request)),
    addList: (list, now) => run((db) => addList(db, list, now)),
    annotations: createAnnotationStore(run),
    admin: createDossierAdminStore(run),
  };
}

export { StoreError, toStoreError, type StoreErrorCode } from './errors';
export { openStore, type DossierDB, type OpenStoreOptions } from './open';
export { SCHEMA_VERSION, UPGRADE_STEPS, type UpgradeStep } from './migrations';
export { seedHash, type SeedSyncResult } from './seed-sync';
export { DB_NAME } from './schema';
