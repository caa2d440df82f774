// Where an article comes from, as its page declares it: the site's name and the published date.
// Only what the page states in its metadata is used; nothing is guessed from the prose.

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** "2024-05-16T09:30:00Z" -> "2024-05-16"; undefined for anything that is not a real date. */
export function isoDay(value: string | null | undefined): string | undefined {
  const day = ISO_DAY.exec((value ?? '').trim())?.[1];
  return day !== undefined && !Number.isNaN(Date.parse(day)) ? day : undefined;
}

/** Today in the reader's time zone, as yyyy-mm-dd. */
export function today(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function metaContent(doc: Document, selector: string): string | undefined {
  const value = doc.querySelector<HTMLMetaElement>(selector)?.content.trim();
  return value ? value : undefined;
}

/** og:site_name, else the host without "www.". */
export function outletOf(doc: Document, siteName?: string | null): string {
  const named = metaContent(doc, 'meta[property="og:site_name"]') ?? siteName?.trim();
  if (named) return named.slice(0, 200);
  return (doc.location?.hostname ?? '').replace(/^www\./, '');
}

/** datePublished from JSON-LD blocks (an object, an array, or an @graph of them). */
function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on the page is the page's problem
    }
    const stack: unknown[] = [data];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      if (Array.isArray(item)) stack.push(...item);
      else if (typeof item === 'object' && item !== null) {
        const record = item as Record<string, unknown>;
        const day = typeof record.datePublished === 'string' ? isoDay(record.datePublished) : undefined;
        if (day) return day;
        if (Array.isArray(record['@graph'])) stack.push(record['@graph']);
      }
    }
  }
  return undefined;
}

/** The published day the page declares, else today (the day the reader met the quote). */
export function publishedDay(doc: Document, readabilityTime?: string | null, now?: Date): string {
  return (
    isoDay(metaContent(doc, 'meta[property="article:published_time"]')) ??
    isoDay(readabilityTime) ??
    jsonLdDate(doc) ??
    isoDay(metaContent(doc, 'meta[itemprop="datePublished"]')) ??
    isoDay(doc.querySelector('time[datetime]')?.getAttribute('datetime')) ??
    today(now)
  );
}
