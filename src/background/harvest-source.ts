// Where a harvested quote was met, decided by the background from what the browser says about the
// sender, never from what the page says about itself. A page on evil.example that calls itself
// "Reuters" (og:site_name, a byline) is recorded as evil.example; its own name is kept beside it,
// shown only as its claim ("evil.example, which calls itself “Reuters”"), never as the source.
import type { ArticleSource, HarvestedQuote } from '../shared/messages';
import { hostOf, siteClaim } from '../core/web/site-claim';
import type { HarvestRequest } from './store/harvest';
import { localDay, metDay } from '../core/web/met-day';

export { hostOf, siteClaim };

/**
 * The harvest as the store records it: the page's address is the sender frame's (the browser's),
 * its outlet that address's host, and the name the page gives itself only a claim (none when it is
 * the host again). Its date, the page's own claim too, is never later than the day it is met
 * (`now`): see core/web/met-day.ts. `metOn`, the reader's day, is what the site's daily bound counts.
 */
export function harvestFromSender(request: ArticleSource & { quotes: HarvestedQuote[] }, senderUrl: string, now: number): HarvestRequest | null {
  const host = hostOf(senderUrl);
  if (!/^https?:/i.test(senderUrl) || host === '') return null;
  const siteName = siteClaim(request.outlet, host);
  return { url: senderUrl, title: request.title, outlet: host, date: metDay(request.date, now), metOn: localDay(now), quotes: request.quotes, ...(siteName ? { siteName } : {}) };
}
