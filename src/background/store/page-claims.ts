// The v6 rewrite of one quote record (migrations.ts): every page source of a quote the reader
// gathered names the page's host as its outlet; the name the page gave itself becomes its claim.
import { hostOf, siteClaim } from '../../core/web/site-claim';
import type { QuoteRecord, QuoteSourceRecord } from './schema';

function isPage(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url) && hostOf(url) !== '';
}

function asHostSource(source: QuoteSourceRecord): QuoteSourceRecord {
  if (!isPage(source.url)) return source;
  const host = hostOf(source.url);
  if (source.outlet === host) return source;
  const claim = source.siteName ?? siteClaim(source.outlet, host);
  const { siteName: _old, ...rest } = source;
  return { ...rest, outlet: host, ...(claim ? { siteName: claim } : {}) };
}

/** The record rewritten, or undefined when nothing changes (seed records, sources without a page). */
export function pageClaimsAsClaims(record: QuoteRecord): QuoteRecord | undefined {
  if (record.origin !== 'user') return undefined;
  const sources = record.sources?.map(asHostSource);
  const provenanceUrl = record.provenance.url;
  const provenance = isPage(provenanceUrl) && record.provenance.outlet !== hostOf(provenanceUrl) ? { ...record.provenance, outlet: hostOf(provenanceUrl) } : record.provenance;
  const changed = provenance !== record.provenance || (sources ?? []).some((s, i) => s !== record.sources![i]);
  return changed ? { ...record, provenance, ...(sources ? { sources } : {}) } : undefined;
}
