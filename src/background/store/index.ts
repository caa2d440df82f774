// The store as the router and the entry see it: every call gets the database lazily and fails
// with a StoreError, never with a raw DOMException.
import type { EntityList } from '../../core/types';
import type { ArticleSource, ClaimCardData, EntityCardData, FirstStageInit, HarvestedQuote, MatchList, PageInit, QuoteView, SearchResults } from '../../shared/messages';
import { createMatchListCache } from './list-cache/memory';
import { NO_LIST_COPY, type ListCopy } from './list-cache/session-copy';
import { createWarmth } from './card-warmth';
import { readPageSettings } from './match-list';
import { getColours, SETTING_DIAGNOSTICS } from './options-settings';
import { FIRST_STAGE_FORMAT, type FirstStageRecord } from '../../shared/first-stage-record';
import { hasAnnotationsOnOrigin } from './annotated-origin';
import { addList, type AddListResult } from './add-list';
import { guard } from './errors';
import { harvestQuotes, type HarvestRequest, type HarvestResult } from './harvest';
import type { DossierDB } from './open';
import * as queries from './queries';
import { syncSeed, type SeedSyncResult } from './seed-sync';
import * as writes from './writes';
import { createAnnotationStore, type AnnotationStore } from './annotation-store';
import { createDossierAdminStore, type DossierAdminStore } from './dossier-store';
import type { DossierDatabase } from './dossier-database';
import { clearReadingHistory, forgetReadingPage, readingHistorySummary, type ReadingHistorySummary } from './sightings/clear-history';
import { createPruner, getKeepDays, setKeepDays } from './sightings/retention';
import type { HistoryKeepDays } from '../../shared/dossier-messages';

export type DatabaseReplacer = DossierDatabase['replace'];

export interface Store {
  getEntityList(): Promise<EntityList>;
  /** The lean list for a page's matcher, from memory while nothing changed it. */
  getMatchList(): Promise<MatchList>;
  /** Site switch, lean list and colours for a page's start. */
  getPageInit(host: string): Promise<PageInit>;
  /** Site switch and the list's anchor filter for a page's first stage: no list. */
  /** With the sending frame's address: whether its origin has annotations (else the page need not ask). */
  getFirstStage(host: string, frameUrl?: string): Promise<FirstStageInit>;
  /** What every page's first stage reads from storage.local (first-stage/publisher.ts), without any host. */
  getFirstStageRecord(): Promise<FirstStageRecord>;
  /** A further page of a card's quotes (by or about the entity), newest first. */
  getCardQuotes(entityId: string, which: 'by' | 'about', offset: number): Promise<{ quotes: QuoteView[]; total: number }>;
  getEntityCard(entityId: string, url: string): Promise<EntityCardData>;
  /** The reader pressed on a highlight of this entity: its card is read now, for the click (card-warmth.ts). */
  warmEntityCard(entityId: string, url: string): Promise<{ warmed: boolean }>;
  getClaimCard(claimId: string): Promise<ClaimCardData>;
  recordSightings(url: string, title: string, counts: Readonly<Record<string, number>>, now: number): Promise<{ recorded: number }>;
  /** The pages kept where the reader met a name: how many, since when, and for how long they are kept. */
  readingHistory(): Promise<ReadingHistorySummary & { keepDays: HistoryKeepDays }>;
  /** Keeps `days` of visits from now on (null: all), forgetting older ones at once; the copies forgotten. */
  keepReadingHistory(days: HistoryKeepDays, now: number): Promise<number>;
  /** Forgets one page under every entity; how many entities it was under. */
  forgetReadingPage(url: string): Promise<number>;
  /** Forgets the pages whose latest visit is at `since` or later (-Infinity: all); how many. */
  clearReadingHistory(since: number): Promise<number>;
  search(query: string, limit: number): Promise<SearchResults>;
  getSiteDisabled(host: string): Promise<boolean>;
  setSiteDisabled(host: string, disabled: boolean): Promise<boolean>;
  syncSeed(seed: EntityList): Promise<SeedSyncResult>;
  harvestQuotes(request: HarvestRequest): Promise<HarvestResult>;
  addList(list: EntityList, now: number): Promise<AddListResult>;
  annotations: AnnotationStore;
  /** The options page: entity admin, sites, colours, backup. */
  admin: DossierAdminStore;
  /** Sync writes (or wrote) entities or claims into the database directly: drop the match list kept in memory and its copy. */
  forgetCachedLists(): void;
  /** A fingerprint of what open pages show (the list and the colours): dossier-broadcast.ts compares it. */
  getShownVersion(): Promise<string>;
}

export interface StoreHooks {
  /** After every write that may change the list or the colours (not sightings, quotes or annotations). */
  dossierWritten?: () => void;
  /** The list was read again and found changed without a write through this store (list-cache/memory.ts). */
  listChanged?: () => void;
}

/**
 * `replaceDb` (the product's, dossier-database.ts): a restore fills a fresh database and switches to
 * it. Without it (tests holding one database) a restore replaces the stores in place, in one
 * transaction: all or nothing either way.
 */
export function createStore(getDb: () => Promise<DossierDB>, replaceDb?: DatabaseReplacer, hooks: StoreHooks = {}, listCopy: ListCopy = NO_LIST_COPY): Store {
  const run = <T>(operation: (db: DossierDB) => Promise<T>): Promise<T> => guard(async () => operation(await getDb()));
  const matchList = createMatchListCache(undefined, undefined, () => hooks.listChanged?.(), listCopy);
  // Writes that may change entities, claims or distinct names drop the match list kept in memory,
  // even when they fail midway (all-or-nothing makes that unlikely, but stale is worse). A card's
  // quotes need nothing dropped: the store's own indexes keep their order (card-quotes.ts).
  const warmCards = createWarmth<EntityCardData>();
  // The reader's "keep pages for": visits older go after a page visit, at most once an hour.
  const pruneHistory = createPruner();
  const cardKey = (entityId: string, url: string): string => `${entityId}\n${url}`;
  const readCard = (entityId: string, url: string): Promise<EntityCardData> => run((db) => queries.getEntityCard(db, entityId, url));
  const forget = (): void => {
    matchList.invalidate();
    warmCards.forget();
    hooks.dossierWritten?.();
  };
  const writing = <T>(operation: (db: DossierDB) => Promise<T>): Promise<T> => {
    const written = matchList.writing();
    return run(operation).finally(() => {
      written();
      forget();
    });
  };
  /** Writes that leave the match list as it is but may change what a card shows. */
  const cardWrite = <T>(operation: (db: DossierDB) => Promise<T>): Promise<T> => run(operation).finally(() => warmCards.forget());
  return {
    getEntityList: () => run((db) => queries.getEntityList(db)),
    getMatchList: () => run((db) => matchList.get(db)),
    getPageInit: (host) =>
      run(async (db) => {
        const { disabled, colours, diagnostics } = await readPageSettings(db, host);
        // Present only when on: the usual reply stays as it was.
        const init: PageInit = disabled ? { disabled, colours } : { disabled, colours, list: await matchList.get(db) };
        if (diagnostics) init.diagnostics = true;
        return init;
      }),
    getFirstStage: (host, frameUrl) =>
      run(async (db) => {
        const { disabled, diagnostics } = await readPageSettings(db, host);
        const init: FirstStageInit = disabled ? { disabled } : { disabled, ...(await matchList.filter(db)) };
        if (diagnostics) init.diagnostics = true;
        if (!disabled && frameUrl !== undefined && (await hasAnnotationsOnOrigin(db, frameUrl))) init.annotated = true;
        return init;
      }),
    getFirstStageRecord: () =>
      run(async (db) => {
        const [{ filter, version }, diagnostics, annotations] = await Promise.all([matchList.filter(db), db.get('settings', SETTING_DIAGNOSTICS), db.count('annotations')]);
        return { format: FIRST_STAGE_FORMAT, filter, version, diagnostics: diagnostics === true, annotating: annotations > 0 };
      }),
    getCardQuotes: (entityId, which, offset) => run((db) => queries.getCardQuotes(db, entityId, which, offset)),
    getEntityCard: (entityId, url) => warmCards.take(cardKey(entityId, url)) ?? readCard(entityId, url),
    warmEntityCard: (entityId, url) => {
      warmCards.keep(cardKey(entityId, url), () => readCard(entityId, url));
      return Promise.resolve({ warmed: true });
    },
    getClaimCard: (claimId) => run((db) => queries.getClaimCard(db, claimId)),
    recordSightings: (url, title, counts, now) =>
      cardWrite(async (db) => {
        const recorded = await writes.recordSightings(db, url, title, counts, now);
        await pruneHistory(db, now);
        return recorded;
      }),
    readingHistory: () => run(async (db) => ({ ...(await readingHistorySummary(db)), keepDays: await getKeepDays(db) })),
    keepReadingHistory: (days, now) => cardWrite((db) => setKeepDays(db, days, now)),
    forgetReadingPage: (url) => cardWrite((db) => forgetReadingPage(db, url)),
    clearReadingHistory: (since) => cardWrite((db) => clearReadingHistory(db, since)),
    search: (query, limit) => run((db) => queries.search(db, query, limit)),
    getSiteDisabled: (host) => run((db) => writes.getSiteDisabled(db, host)),
    setSiteDisabled: (host, disabled) => run((db) => writes.setSiteDisabled(db, host, disabled)),
    syncSeed: (seed) => writing((db) => syncSeed(db, seed)),
    // Quotes only: the match list has none and stays.
    harvestQuotes: (request) => cardWrite((db) => harvestQuotes(db, request)),
    addList: (list, now) => writing((db) => addList(db, list, now)),
    annotations: createAnnotationStore(run),
    // Entity edits, imports, restores and colours; its reads are named one by one there, so a new
    // admin write can never forget to invalidate.
    admin: createDossierAdminStore(
      writing,
      run,
      replaceDb && ((fill) => guard(() => replaceDb(fill)).finally(forget)),
    ),
    forgetCachedLists: forget,
    getShownVersion: () =>
      run(async (db) => {
        const [list, colours] = await Promise.all([matchList.get(db), getColours(db)]);
        return `${list.version ?? ''}/${JSON.stringify(colours)}`;
      }),
  };
}

export { StoreError, toStoreError, type StoreErrorCode } from './errors';
export { openStore, type DossierDB, type OpenStoreOptions } from './open';
export { SCHEMA_VERSION, UPGRADE_STEPS, type UpgradeStep } from './migrations';
export { seedHash, type SeedSyncResult } from './seed-sync';
export { DB_NAME } from './schema';
export { createDossierDatabase, type DossierDatabase, type DossierDatabaseOptions } from './dossier-database';
