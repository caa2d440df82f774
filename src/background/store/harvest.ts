// Quotes learnt while reading. Each harvested quote either joins the quote it repeats (same
// words, same speaker: one more source) or becomes a new quote. All of one page's quotes go in one
// transaction, so a failure leaves the store as it was.
import type { ArticleSource, HarvestedQuote } from '../../shared/messages';
import type { DossierDB } from './open';
import { hasSourceOnSite, quoteTextKey, withSource } from './quote-sources';
import type { QuoteRecord, QuoteSourceRecord } from './schema';
import { foldForSearch } from './search-keys';
import { allOrNothing } from './all-or-nothing';
import { withQuoteWriter, type QuoteWriter } from './quote-writer';
import { sameQuotes, type QuoteStore, type SameQuotes } from './same-quotes';
import { SiteQuota } from './site-quota';
import { loadSiteOf, type SiteOf } from '../../core/web/site';
import { localDay } from '../../core/web/met-day';

export interface HarvestResult {
  added: number;
  merged: number;
}

/** A harvest as the background decided it (see ../harvest-source.ts): url and outlet from the browser. */
export type HarvestRequest = ArticleSource & {
  quotes: readonly HarvestedQuote[];
  /** The reader's day (yyyy-mm-dd) the page was met, today if not given: the day the site's bound counts (site-quota.ts). */
  metOn?: string;
  /** What the page calls itself (og:site_name), kept as its claim only. */
  siteName?: string;
};

/**
 * One page (one address) adds at most this many quotes, over all its visits: a page that shows
 * new "quotes" on every load cannot fill the dossier. A long article has a few dozen.
 */
export const PAGE_QUOTES_MAX = 100;

type HarvestTx = ReturnType<typeof harvestTransaction>;

function harvestTransaction(db: DossierDB) {
  return db.transaction(['entities', 'quotes', 'quoteCounts', 'sources', 'siteQuotes'], 'readwrite');
}

/** FNV-1a: a stable id from the quote's identity, so the same quote gets the same id anywhere. */
function hashId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

async function knownIds(tx: HarvestTx, ids: readonly string[]): Promise<string[]> {
  const entities = tx.objectStore('entities');
  const found: string[] = [];
  for (const id of new Set(ids)) if ((await entities.getKey(id)) !== undefined) found.push(id);
  return found;
}

export type { QuoteStore };

/** `base`, or `base-2`, `base-3`… when another record already has that id. */
export async function freeQuoteId(quotes: QuoteStore, base: string): Promise<string> {
  let id = base;
  for (let n = 2; (await quotes.getKey(id)) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

interface HarvestContext {
  tx: HarvestTx;
  writer: QuoteWriter;
  same: SameQuotes;
  source: QuoteSourceRecord;
  siteOf: SiteOf;
  quota: SiteQuota;
  result: HarvestResult;
}

async function harvestOne({ tx, writer, same, source, siteOf, quota, result }: HarvestContext, quote: HarvestedQuote): Promise<void> {
  const [speakerId] = quote.speakerId ? await knownIds(tx, [quote.speakerId]) : [];
  // A role speaks for an organisation only ("A Kremlin spokesman"); sent for anything else, the
  // quote is not kept: a page's words must not put a name of its choosing under a person's quotes.
  const role = quote.speakerIsRole === true;
  if (role && (speakerId === undefined || (await tx.objectStore('entities').get(speakerId))?.kind !== 'organisation')) return;
  const mentions = (await knownIds(tx, quote.mentions)).filter((id) => id !== speakerId);
  // Only quotes that concern the dossier are kept: by a known entity or naming one.
  if (!speakerId && mentions.length === 0) return;
  const speaker = speakerId ?? '';
  const textKey = quoteTextKey(quote.text);
  if (textKey === '') return;

  const quotes = tx.objectStore('quotes');
  const repeated = await same.find(speaker, quote.speakerName, textKey);
  if (repeated) {
    // One source per site (quote-sources.ts): a second page or subdomain of the same site adds nothing.
    if (source.url !== undefined && hasSourceOnSite(repeated, source.url, siteOf)) return;
    const updated = withSource(repeated, source);
    if (updated) {
      await writer.put(updated, { previous: repeated });
      same.wrote(updated);
      result.merged++;
    }
    return;
  }
  // A new quote goes on the card of its speaker and of each name it mentions: each bounds the site.
  const under = speakerId ? [speakerId, ...mentions] : mentions;
  if (!(await quota.allows(under))) return;
  await quota.charge(under);
  const identity = `${speaker || `name:${foldForSearch(quote.speakerName)}`}|${textKey}`;
  const { siteName: _claim, ...provenanceSource } = source;
  const record: QuoteRecord = {
    id: await freeQuoteId(quotes, `q-${hashId(identity)}`),
    text: quote.text,
    speaker,
    mentions,
    // The provenance has no place for a claim: it names the host only.
    provenance: { ...provenanceSource, sentence: quote.sentence },
    origin: 'user',
    sources: [source],
    // The role is kept beside its organisation's id: the card names it as the speaker.
    ...(speakerId && !role ? {} : { speakerName: quote.speakerName }),
  };
  // freeQuoteId found no record under this id.
  await writer.put(record, { previous: undefined });
  same.wrote(record);
  result.added++;
}

/** The page's quotes once each (same speaker, same words), in the order the page gave them. */
function distinctQuotes(quotes: readonly HarvestedQuote[]): HarvestedQuote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = `${q.speakerId ?? `name:${foldForSearch(q.speakerName)}`}|${quoteTextKey(q.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function harvestQuotes(db: DossierDB, request: HarvestRequest): Promise<HarvestResult> {
  // Loaded before the transaction: waiting on it inside would end the transaction.
  const siteOf = await loadSiteOf();
  const source: QuoteSourceRecord = {
    url: request.url,
    title: request.title,
    outlet: request.outlet,
    date: request.date,
    ...(request.siteName ? { siteName: request.siteName } : {}),
  };
  const result: HarvestResult = { added: 0, merged: 0 };
  const tx = harvestTransaction(db);
  return allOrNothing(tx, async () => {
    const sources = tx.objectStore('sources');
    const known = await sources.get(request.url);
    // Quotes this page added on earlier visits count against its bound (records from before the
    // bound have no count: they start from 0).
    const room = PAGE_QUOTES_MAX - (known?.quotes ?? 0);
    const same = sameQuotes(tx.objectStore('quotes'));
    const quota = new SiteQuota(tx.objectStore('siteQuotes'), request.metOn ?? localDay(Date.now()), siteOf(request.url));
    await withQuoteWriter(tx, async (writer) => {
      const context = { tx, writer, same, source, siteOf, quota, result };
      for (const quote of distinctQuotes(request.quotes)) {
        if (result.added + result.merged >= room) break;
        await harvestOne(context, quote);
      }
    });
    if (result.added > 0) await quota.save();
    if (result.added + result.merged > 0) {
      await sources.put({
        key: request.url,
        outlet: request.outlet,
        title: request.title,
        date: request.date,
        url: request.url,
        quotes: (known?.quotes ?? 0) + result.added + result.merged,
      });
    }
    return result;
  });
}
