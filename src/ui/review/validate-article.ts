// The page/article reply comes from a content script running beside an arbitrary page: its shape
// and sizes are checked before extraction runs on it.
import type { ContentMessages, ResponseOf } from '../../shared/messages';

export type PageArticle = ResponseOf<ContentMessages, 'page/article'>;

const TEXT_MAX = 300_000;
const isStr = (x: unknown): x is string => typeof x === 'string';

export function toPageArticle(x: unknown): PageArticle {
  if (typeof x !== 'object' || x === null) throw new Error('The page did not send an article.');
  const r = x as Record<string, unknown>;
  if (!isStr(r.url) || !isStr(r.text)) throw new Error('The page did not send an article.');
  if (r.text.trim() === '') throw new Error('This page has no text to learn from.');
  const date = isStr(r.date) && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : new Date().toISOString().slice(0, 10);
  let host = '';
  try {
    host = new URL(r.url).hostname.replace(/^www\./, '');
  } catch {
    throw new Error('The page sent an article without a valid address.');
  }
  const outlet = isStr(r.outlet) && r.outlet.trim() !== '' ? r.outlet.trim().slice(0, 200) : host;
  const title = isStr(r.title) && r.title.trim() !== '' ? r.title.trim().slice(0, 1000) : r.url;
  return { url: r.url, title, outlet: outlet || 'web page', date, text: r.text.slice(0, TEXT_MAX), readable: r.readable === true };
}
