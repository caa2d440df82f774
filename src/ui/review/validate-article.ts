// The page/article reply comes from a content script running beside an arbitrary page: its shape
// and sizes are checked before extraction runs on it. The page's outlet and date are its own claims: the outlet kept is the host the content script
// read the article from (its location, which the page cannot forge), the page's name for itself
// only shown as its claim; a date later than tomorrow becomes today (core/web/met-day.ts).
import type { ContentMessages, ResponseOf } from '../../shared/messages';
import { localDay, metDay } from '../../core/web/met-day';
import { siteClaim } from '../../core/web/site-claim';

export type PageArticle = ResponseOf<ContentMessages, 'page/article'> & {
  /** What the page calls itself (og:site_name), when it is not the host again: a claim only. */
  siteName?: string;
};

const TEXT_MAX = 300_000;
const isStr = (x: unknown): x is string => typeof x === 'string';

export function toPageArticle(x: unknown): PageArticle {
  if (typeof x !== 'object' || x === null) throw new Error('The page did not send an article.');
  const r = x as Record<string, unknown>;
  if (!isStr(r.url) || !isStr(r.text)) throw new Error('The page did not send an article.');
  if (r.text.trim() === '') throw new Error('This page has no text to learn from.');
  const now = Date.now();
  const declared = isStr(r.date) && /^\d{4}-\d{2}-\d{2}$/.test(r.date) && !Number.isNaN(Date.parse(r.date)) ? r.date : undefined;
  const date = declared ? metDay(declared, now) : localDay(now);
  let host = '';
  try {
    host = new URL(r.url).hostname.replace(/^www\./, '');
  } catch {
    throw new Error('The page sent an article without a valid address.');
  }
  const claimed = isStr(r.outlet) ? siteClaim(r.outlet.slice(0, 200), host) : undefined;
  const outlet = host || 'web page';
  const title = isStr(r.title) && r.title.trim() !== '' ? r.title.trim().slice(0, 1000) : r.url;
  return { url: r.url, title, outlet, date, text: r.text.slice(0, TEXT_MAX), readable: r.readable === true, ...(claimed ? { siteName: claimed } : {}) };
}
