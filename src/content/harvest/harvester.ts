// "Learn as you read": once the page is highlighted and the browser is idle, read the article's
// main text and send the quotes that concern the dossier to the background. Runs once per page,
// only in the top frame and only on pages that look like articles; never on the highlighting path.
import type { Matcher } from '../../core/matching/matcher';
import type { EntityList } from '../../core/types';
import type { ArticleSource, HarvestedQuote } from '../../shared/messages';
import { outletOf, publishedDay } from './article-meta';
import { looksLikeArticle, readArticle } from './read-article';
import { selectQuotes } from './select-quotes';
import { whenIdle } from '../scan/idle';
import type { Timeline } from '../timeline';

/** Performance-timeline names: benchmarks and tests read these from the page (diagnostics on). */
export const HARVEST_MEASURE = 'dossier:harvest-readability';
export const HARVEST_QUOTES_MEASURE = 'dossier:harvest-quotes';
export const HARVEST_DONE_MARK = 'dossier:harvested';

/**
 * More elements than this is no single article (a 20 MB page has 100,000): Readability's check and
 * parse are each one synchronous call over the whole page, which took 5.8 s of CPU in one task
 * on the heavy bench's 20 MB page (issue 14). Such a page gives no quotes.
 */
export const MAX_ARTICLE_ELEMENTS = 30_000;

export type SendHarvest = (request: ArticleSource & { quotes: HarvestedQuote[] }) => Promise<unknown>;

export async function harvestPage(
  doc: Document,
  list: EntityList,
  matcher: Matcher,
  send: SendHarvest,
  signal: AbortSignal,
  timeline: Timeline,
): Promise<number> {
  if (list.entities.length === 0 || !/^https?:$/.test(doc.location?.protocol ?? '')) return 0;
  await whenIdle(2000, signal);
  if (signal.aborted || doc.getElementsByTagName('*').length > MAX_ARTICLE_ELEMENTS || !looksLikeArticle(doc)) return 0;
  // The check and the parse each get an idle period of their own: together they made one long task.
  await whenIdle(2000, signal);
  if (signal.aborted) return 0;
  const started = performance.now();
  const article = readArticle(doc);
  timeline.measure(HARVEST_MEASURE, started);
  if (!article || signal.aborted) return 0;
  // Readability's parse cannot be cut up (one synchronous call on a clone of the page); finding
  // the quotes can wait for the next idle period, so the two never add up to one long task.
  await whenIdle(2000, signal);
  if (signal.aborted) return 0;
  const selecting = performance.now();
  const quotes = selectQuotes(article.text, list, matcher);
  timeline.measure(HARVEST_QUOTES_MEASURE, selecting);
  if (quotes.length > 0) {
    await send({
      url: doc.location.href,
      title: (doc.title || article.title).slice(0, 1000),
      outlet: outletOf(doc, article.siteName),
      date: publishedDay(doc, article.publishedTime),
      quotes,
    });
  }
  timeline.mark(HARVEST_DONE_MARK, undefined, { quotes: quotes.length });
  return quotes.length;
}
