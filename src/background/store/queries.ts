// Read-only lookups: what the content script needs for its matcher, and what a card shows.
import type { EntityList } from '../../core/types';
import type { ClaimCardData, EntityCardData, EntitySummary, QuoteView, SearchResults, SightingView } from '../../shared/messages';
import { StoreError } from './errors';
import type { DossierDB } from './open';
import { asDistinctNames } from './read-settings';
import { newestSources, sourcesOf } from './quote-sources';
import { createQuoteOrderCache, type QuoteOrder } from './card-quotes';
import { pageKey, toClaim, toEntity, toQuote } from './records';
import { SETTING_DISTINCT, SETTING_DISTINCT_USER, type EntityRecord, type QuoteRecord } from './schema';
import { foldForSearch } from './search-keys';

/** A card lists the latest pages only; older ones add nothing a reader would scroll to. */
export const CARD_SIGHTINGS_LIMIT = 20;
/** The card lists this many sources of one quote and counts the rest. */
export const CARD_QUOTE_SOURCES_LIMIT = 10;
/**
 * Quotes per card section and per "show more": a reader scans a few; thousands (a head of state
 * with 100,000 quotes stored) took seconds to send and render.
 */
export const CARD_QUOTES_PAGE = 20;

export async function getEntityList(db: DossierDB): Promise<EntityList> {
  const tx = db.transaction(['entities', 'claims', 'quotes', 'settings']);
  const [entities, claims, quotes, distinct, userDistinct] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('claims').getAll(),
    tx.objectStore('quotes').getAll(),
    tx.objectStore('settings').get(SETTING_DISTINCT),
    tx.objectStore('settings').get(SETTING_DISTINCT_USER),
  ]);
  return {
    version: 1,
    entities: entities.map(toEntity),
    claims: claims.map(toClaim),
    quotes: quotes.map(toQuote),
    distinct: [...asDistinctNames(distinct), ...asDistinctNames(userDistinct)],
  };
}

/** Where a card's quote order comes from: the store keeps it in memory (card-quotes.ts). */
export type QuoteOrderOf = (db: DossierDB, entityId: string) => Promise<QuoteOrder>;
const uncachedOrder: QuoteOrderOf = (db, entityId) => createQuoteOrderCache().get(db, entityId);

export async function getEntityCard(db: DossierDB, entityId: string, url: string, orderOf: QuoteOrderOf = uncachedOrder): Promise<EntityCardData> {
  if (!(await db.getKey('entities', entityId))) throw new StoreError('not-found', `No entity "${entityId}" in Dossier's list.`);
  const order = await orderOf(db, entityId);
  const tx = db.transaction(['entities', 'claims', 'quotes', 'sightings']);
  const entities = tx.objectStore('entities');
  const [entity, claims, sightings, quotesBy, quotesAbout] = await Promise.all([
    entities.get(entityId),
    tx.objectStore('claims').index('byEntity').getAll(entityId),
    tx.objectStore('sightings').index('byEntity').getAll(entityId),
    quotePage(tx.objectStore('quotes'), order.by, 0),
    quotePage(tx.objectStore('quotes'), order.about, 0),
  ]);
  if (!entity) throw new StoreError('not-found', `No entity "${entityId}" in Dossier's list.`);
  // Names of the shown quotes' speakers only: one lookup per speaker, not per stored quote.
  const names = await speakerNames([...quotesBy, ...quotesAbout], (id) => entities.get(id));
  const here = pageKey(url);
  const others: SightingView[] = sightings
    .filter((s) => s.url !== here)
    .sort((a, b) => b.time - a.time)
    .slice(0, CARD_SIGHTINGS_LIMIT)
    .map(({ url: page, title, time, count }) => ({ url: page, title, time, count }));
  return {
    entity: toEntity(entity),
    claims: claims.map(toClaim),
    quotesBy: quotesBy.map((q) => quoteView(q, names)),
    quotesAbout: quotesAbout.map((q) => quoteView(q, names)),
    quotesByTotal: order.by.length,
    quotesAboutTotal: order.about.length,
    sightings: others,
  };
}

/** The card's "show more": the next page of quotes by (or about) the entity after `offset`. */
export async function getCardQuotes(
  db: DossierDB,
  entityId: string,
  which: 'by' | 'about',
  offset: number,
  orderOf: QuoteOrderOf = uncachedOrder,
): Promise<{ quotes: QuoteView[]; total: number }> {
  const ids = (await orderOf(db, entityId))[which];
  const tx = db.transaction(['entities', 'quotes']);
  const page = await quotePage(tx.objectStore('quotes'), ids, offset);
  const names = await speakerNames(page, (id) => tx.objectStore('entities').get(id));
  return { quotes: page.map((q) => quoteView(q, names)), total: ids.length };
}

/** One page of records by id, in the order given; a quote deleted meanwhile is left out. */
async function quotePage(quotes: { get(id: string): Promise<QuoteRecord | undefined> }, ids: readonly string[], offset: number): Promise<QuoteRecord[]> {
  const records = await Promise.all(ids.slice(offset, offset + CARD_QUOTES_PAGE).map((id) => quotes.get(id)));
  return records.filter((q): q is QuoteRecord => q !== undefined);
}

export async function getClaimCard(db: DossierDB, claimId: string): Promise<ClaimCardData> {
  const tx = db.transaction(['claims', 'entities']);
  const claim = await tx.objectStore('claims').get(claimId);
  if (!claim) throw new StoreError('not-found', `No claim "${claimId}" in Dossier's list.`);
  const entities = await Promise.all(claim.entities.map((id) => tx.objectStore('entities').get(id)));
  return { claim: toClaim(claim), entities: entities.filter((e): e is EntityRecord => e !== undefined).map(summary) };
}

/**
 * Entities whose name or alias (or any later word of it) starts with the query, then quotes that
 * contain it; both case- and diacritic-insensitive.
 */
export async function search(db: DossierDB, query: string, limit: number): Promise<SearchResults> {
  const folded = foldForSearch(query);
  if (!folded || limit <= 0) return { entities: [], quotes: [] };
  const tx = db.transaction(['entities', 'quotes']);
  const entities = tx.objectStore('entities');
  const found = new Map<string, EntityRecord>();
  const range = IDBKeyRange.bound(folded, `${folded}\uffff`);
  for (let cursor = await entities.index('byKey').openCursor(range); cursor && found.size < limit; cursor = await cursor.continue()) {
    found.set(cursor.value.id, cursor.value);
  }
  const quotes: QuoteRecord[] = [];
  for (let cursor = await tx.objectStore('quotes').openCursor(); cursor && quotes.length < limit; cursor = await cursor.continue()) {
    if (foldForSearch(cursor.value.text).includes(folded)) quotes.push(cursor.value);
  }
  const names = await speakerNames(quotes, (id) => entities.get(id));
  return { entities: [...found.values()].map(summary), quotes: quotes.map((q) => quoteView(q, names)) };
}

function summary(record: EntityRecord): EntitySummary {
  return { id: record.id, name: record.name, kind: record.kind, context: record.context };
}

async function speakerNames(
  quotes: readonly QuoteRecord[],
  lookup: (id: string) => Promise<EntityRecord | undefined>,
): Promise<Map<string, string>> {
  const ids = [...new Set(quotes.map((q) => q.speaker))];
  const records = await Promise.all(ids.map(lookup));
  // An unknown speaker shows its id rather than hiding the quote.
  return new Map(ids.map((id, i) => [id, records[i]?.name ?? id]));
}

function quoteView(record: QuoteRecord, names: ReadonlyMap<string, string>): QuoteView {
  const sources = sourcesOf(record);
  // A speaker the list does not know is stored by name (speaker ""), see harvest.ts.
  const speakerName = (record.speaker !== '' ? names.get(record.speaker) : undefined) ?? record.speakerName ?? record.speaker;
  return { ...toQuote(record), speakerName, sources: newestSources(sources).slice(0, CARD_QUOTE_SOURCES_LIMIT), sourceCount: sources.length };
}
