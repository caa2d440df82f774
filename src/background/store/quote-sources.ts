// What makes two quotes "the same" and how their sources are kept. The same words by the same
// speaker on two sites are one quote with two sources; a second visit to a page adds nothing.
import type { Provenance } from '../../core/types';
import type { QuoteRecord, QuoteSourceRecord } from './schema';
import { foldForSearch } from './search-keys';
import type { SiteOf } from '../../core/web/site';

/** A quote keeps at most this many sources: enough for "in N sources", bounded against a flood. */
export const QUOTE_SOURCES_MAX = 50;

/**
 * The words only: case, accents, typography, punctuation and spacing folded, since sites differ
 * in marks ("…" or "..."), in a trailing comma kept inside the quote, and in curly apostrophes.
 */
export function quoteTextKey(text: string): string {
  return foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function sourceFromProvenance(p: Provenance): QuoteSourceRecord {
  return { title: p.title, outlet: p.outlet, date: p.date, ...(p.url ? { url: p.url } : {}) };
}

function sameSource(a: QuoteSourceRecord, b: QuoteSourceRecord): boolean {
  if (a.url || b.url) return pageOf(a.url) === pageOf(b.url);
  return a.outlet === b.outlet && a.title === b.title && a.date === b.date;
}

/** Pages compare without their #fragment, as sightings do. */
function pageOf(url: string | undefined): string {
  if (!url) return '';
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** Sources of a record as met; records from before v3 (or the seed) have their provenance only. */
export function sourcesOf(record: QuoteRecord): QuoteSourceRecord[] {
  return record.sources && record.sources.length > 0 ? record.sources : [sourceFromProvenance(record.provenance)];
}

/** The record with `source` added, or undefined when it already has that source (or is full). */
export function withSource(record: QuoteRecord, source: QuoteSourceRecord): QuoteRecord | undefined {
  const sources = sourcesOf(record);
  if (sources.some((s) => sameSource(s, source))) return undefined;
  if (sources.length >= QUOTE_SOURCES_MAX) return undefined;
  return { ...record, sources: [...sources, source] };
}

/**
 * Whether one of the record's sources is a page of `url`'s site (its registrable domain,
 * core/web/site.ts). A harvest adds one source per site: three pages, or three subdomains, of
 * evil.example carrying the same words are one party's say-so, and must neither read as "in 3
 * sources" nor fill the quote's QUOTE_SOURCES_MAX with one site's pages, leaving no room for the
 * outlets that carry it next.
 */
export function hasSourceOnSite(record: QuoteRecord, url: string, siteOf: SiteOf): boolean {
  const site = siteOf(url);
  return site !== '' && sourcesOf(record).some((s) => s.url !== undefined && siteOf(s.url) === site);
}

/** Newest first by date; the order met breaks ties (later met first). */
export function newestSources(sources: readonly QuoteSourceRecord[]): QuoteSourceRecord[] {
  return sources
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.date !== b.s.date ? (a.s.date < b.s.date ? 1 : -1) : b.i - a.i))
    .map((x) => x.s);
}

/** The date of the newest source: what "newest first" sorts quotes by. */
export function latestDate(record: QuoteRecord): string {
  return sourcesOf(record).reduce((max, s) => (s.date > max ? s.date : max), '');
}
