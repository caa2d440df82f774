// A quote's sources as the card shows them: the pages that carried it, newest first. Views from
// a background older than quote sources have only the provenance, which is then the one source.
import type { QuoteSourceView, QuoteView } from '../../shared/messages';

/**
 * The outlet as the card names it: the host the browser reported, and what the page called itself
 * only as the page's claim: "evil.example, which calls itself “Reuters”" (issue 11).
 */
export function outletLabel(source: Pick<QuoteSourceView, 'outlet' | 'siteName'>): string {
  const claim = typeof source.siteName === 'string' ? source.siteName.trim() : '';
  return claim === '' ? source.outlet : `${source.outlet}, which calls itself “${claim}”`;
}

export function sourcesOfQuote(quote: QuoteView): QuoteSourceView[] {
  const listed: readonly QuoteSourceView[] = Array.isArray(quote.sources) ? quote.sources : [];
  const sources = listed.length > 0 ? listed : [quote.provenance];
  return sources
    .map((s, i) => ({ source: { title: s.title, outlet: outletLabel(s), date: s.date, ...(s.url ? { url: s.url } : {}) }, i }))
    .sort((a, b) => (a.source.date !== b.source.date ? (a.source.date < b.source.date ? 1 : -1) : a.i - b.i))
    .map((x) => x.source);
}

/** How many pages carried the quote (the background may list fewer than it counted). */
export function sourceCountOf(quote: QuoteView): number {
  const listed = sourcesOfQuote(quote).length;
  return typeof quote.sourceCount === 'number' && quote.sourceCount > listed ? quote.sourceCount : listed;
}

/** Quotes newest first by the latest page that carried them. */
export function newestQuotesFirst(quotes: readonly QuoteView[]): QuoteView[] {
  const latest = (q: QuoteView): string => sourcesOfQuote(q)[0]?.date ?? '';
  return quotes
    .map((quote, i) => ({ quote, i }))
    .sort((a, b) => (latest(a.quote) !== latest(b.quote) ? (latest(a.quote) < latest(b.quote) ? 1 : -1) : a.i - b.i))
    .map((x) => x.quote);
}

/** "in 3 sources"; nothing for a quote met once. */
export function inSources(count: number): string {
  return count > 1 ? `in ${count} sources` : '';
}
