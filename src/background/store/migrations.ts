// Schema history. Step i upgrades version i to i+1 inside the versionchange transaction, so a
// step that fails aborts the whole upgrade and the old data stays as it was.
import type { UpgradeStep } from './upgrade-step';
import type { DossierSchema } from './schema';
import { sourceFromProvenance } from './quote-sources';
import { searchKeysOf } from './search-keys';
import { withCardKeys } from './quote-card-keys';
import { pageClaimsAsClaims } from './page-claims';
import { RESCAN } from './sync-marks';
import { groupSightingsByDay } from './sightings/upgrade';

export type { UpgradeStep, UpgradeTransaction } from './upgrade-step';

const createBaseStores: UpgradeStep = (db) => {
  const entities = db.createObjectStore('entities', { keyPath: 'id' });
  entities.createIndex('byKind', 'kind');
  const claims = db.createObjectStore('claims', { keyPath: 'id' });
  claims.createIndex('byEntity', 'entities', { multiEntry: true });
  const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
  quotes.createIndex('bySpeaker', 'speaker');
  quotes.createIndex('byMention', 'mentions', { multiEntry: true });
  db.createObjectStore('sources', { keyPath: 'key' });
  // v1–v7's flat sightings; v8 (sightings/upgrade.ts) makes them day records.
  const sightings = db.createObjectStore('sightings', { keyPath: ['entityId', 'url'] }) as unknown as { createIndex(name: string, keyPath: string): unknown };
  sightings.createIndex('byEntity', 'entityId');
  sightings.createIndex('byTime', 'time');
  db.createObjectStore('settings');
};

/** v2: search index over names/aliases, provenance of every record, the annotations store. */
const addSearchAndOrigin: UpgradeStep = async (db, tx) => {
  const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
  annotations.createIndex('byUrl', 'url');
  annotations.createIndex('byTime', 'time');
  const entities = tx.objectStore('entities');
  entities.createIndex('byKey', 'keys', { multiEntry: true });

  // v1 records knew nothing of origin: everything in them came from the seed.
  for (let cursor = await entities.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    await cursor.update({ ...record, origin: record.origin ?? 'seed', keys: searchKeysOf(record) });
  }
  for (const name of ['claims', 'quotes'] as const) {
    const store = tx.objectStore(name);
    for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (!cursor.value.origin) await cursor.update({ ...cursor.value, origin: 'seed' });
    }
  }
};

/**
 * v3: a quote may carry several sources (the same words met on several sites). Existing quotes get
 * their provenance as their one source; readers still accept records without `sources`.
 */
const addQuoteSources: UpgradeStep = async (_db, tx) => {
  const quotes = tx.objectStore('quotes');
  for (let cursor = await quotes.openCursor(); cursor; cursor = await cursor.continue()) {
    if (!cursor.value.sources) await cursor.update({ ...cursor.value, sources: [sourceFromProvenance(cursor.value.provenance)] });
  }
};

/**
 * v4: a card reads its quotes newest first from indexes instead of sorting every record of the
 * entity (see quote-card-keys.ts). Existing quotes get their keys here; every writer sets them.
 */
const addQuoteCardIndexes: UpgradeStep = async (_db, tx) => {
  const quotes = tx.objectStore('quotes');
  quotes.createIndex('bySpeakerLatest', ['speaker', 'latest']);
  quotes.createIndex('byMentionLatest', 'mentionLatest', { multiEntry: true });
  for (let cursor = await quotes.openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update(withCardKeys(cursor.value));
  }
};

/**
 * v5: the card's quote totals are read from per-entity counters instead of counting index ranges
 * (see quote-counts.ts). The store starts empty: a missing counter is counted from the indexes and
 * then stored, by the card or by the next writer of that entity's quotes. Filling every counter
 * here instead took 17.8 s for 100,000 quotes and 9,935 entities in Chromium (on a busy 2-core
 * machine), during which the database, and so every tab's highlights, waited.
 */
const addQuoteCounts: UpgradeStep = (db) => {
  db.createObjectStore('quoteCounts', { keyPath: 'id' });
};

/**
 * v6: a page's own name is its claim, not the source (issue 11). Quotes met on pages before
 * carried the page's og:site_name as their outlet; they now name the page's host, with the old
 * name kept as the page's claim. Only records the reader gathered change; seed records are ours.
 */
const pageNamesAsClaims: UpgradeStep = async (_db, tx) => {
  const quotes = tx.objectStore('quotes');
  for (let cursor = await quotes.openCursor(); cursor; cursor = await cursor.continue()) {
    const updated = pageClaimsAsClaims(cursor.value);
    if (updated) await cursor.update(updated);
  }
};

/** v7: sync's change marks (sync-marks.ts); the first pass after the upgrade scans everything once. */
const addSyncMarks: UpgradeStep = async (db, tx) => {
  db.createObjectStore('syncMarks');
  await tx.objectStore('syncMarks').put(0, RESCAN);
};

/** v9: the daily bound on the quotes one site adds per entity (site-quota.ts); starts empty. */
const addSiteQuotes: UpgradeStep = (db) => {
  db.createObjectStore('siteQuotes');
};

export const UPGRADE_STEPS: readonly UpgradeStep[] = [createBaseStores, addSearchAndOrigin, addQuoteSources, addQuoteCardIndexes, addQuoteCounts, pageNamesAsClaims, addSyncMarks, groupSightingsByDay, addSiteQuotes];
export const SCHEMA_VERSION = UPGRADE_STEPS.length;
