// Read-only lookups: what the content script needs for its matcher, and what a card shows.
import type { EntityList } from '../../core/types';
import type { ClaimCardData, EntityCardData, EntitySummary, QuoteView, SearchResults, SightingView } from '../../shared/messages';
import { StoreError } from './errors';
import type { DossierDB } from './open';
import { asDistinctNames } from './read-settings';
import { newestSources, sourcesOf } from './quote-sources';
import { readQuoteSection } from './card-quotes';
import { recountEntity } from './quote-counts';
import { pageKey, toClaim, toEntity, toQuote } from './records';
import { SETTING_DISTINCT, SETTING_DISTINCT_USER, type EntityRecord, type QuoteRecord } from './schema';
import { foldForSearch } from './search-keys';
import { readCardSightings } from './sightings/read-pages';

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

export async function getEntityCard(db: DossierDB, entityId: string, url: string): Promise<EntityCardData> {
  const tx = db.transaction(['entities', 'claims', 'quotes', 'quoteCounts', 'sightings']);
  const entities = tx.objectStore('entities');
  const quotes = tx.objectStore('quotes');
  const counts = tx.objectStore('quoteCounts');
  const [entity, claims, sightings, quotesBy, quotesAbout] = await Promise.all([
    entities.get(entityId),
    tx.objectStore('claims').index('byEntity').getAll(entityId),
    readCardSightings(tx.objectStore('sightings'), entityId, pageKey(url), CARD_SIGHTINGS_LIMIT),
    readQuoteSection(quotes, counts, entityId, 'by', 0, CARD_QUOTES_PAGE),
    readQuoteSection(quotes, counts, entityId, 'about', 0, CARD_QUOTES_PAGE),
  ]);
  if (!entity) throw new StoreError('not-found', `No entity "${entityId}" in Dossier's list.`);
  // Not awaited: the card need not wait for a write (which may queue behind a harvest).
  if (quotesBy.counted || quotesAbout.counted) void recountEntity(db, entityId);
  // Names of the shown quotes' speakers only: one lookup per speaker, not per stored quote.
  const names = await speakerNames([...quotesBy.records, ...quotesAbout.records], (id) => entities.get(id));
  const others: SightingView[] = sightings.map(({ url: page, title, time, count }) => ({ url: page, title, time, count }));
  return {
    entity: toEntity(entity),
    claims: claims.map(toClaim),
    quotesBy: quotesBy.records.map((q) => quoteView(q, names)),
    quotesAbout: quotesAbout.records.map((q) => quoteView(q, names)),
    quotesByTotal: quotesBy.total,
    quotesAboutTotal: quotesAbout.total,
    sightings: others,
  };
}

/** The card's "show more": the next page of quotes by (or about) the entity after `offset`. */
export async function getCardQuotes(
  db: DossierDB,
  entityId: string,
  which: 'by' | 'about',
  offset: number,
): Promise<{ quotes: QuoteView[]; total: number }> {
  const tx = db.transaction(['entities', 'quotes', 'quoteCounts']);
  const page = await readQuoteSection(tx.objectStore('quotes'), tx.objectStore('quoteCounts'), entityId, which, offset, CARD_QUOTES_PAGE);
  const names = await speakerNames(page.records, (id) => tx.objectStore('entities').get(id));
  if (page.counted) void recountEntity(db, entityId);
  return { quotes: page.records.map((q) => quoteView(q, names)), total: page.total };
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
  // A speaker the list does not know is stored by name (speaker ""), and a role beside the
  // organisation it speaks for ("A Kremlin spokesman"), see harvest.ts.
  const speakerName = record.speakerName ?? (record.speaker !== '' ? names.get(record.speaker) : undefined) ?? record.speaker;
  return { ...toQuote(record), speakerName, sources: newestSources(sources).slice(0, CARD_QUOTE_SOURCES_LIMIT), sourceCount: sources.length };
}
