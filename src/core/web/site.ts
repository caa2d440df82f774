// The site a page belongs to, as a bound on what one party can write: its registrable domain by the
// Public Suffix List (tldts), its private section included, which is how browsers tell "same site"
// apart. a.evil.example and b.evil.example are one site (every subdomain of a domain is its owner's
// for free); news.bbc.co.uk and www.bbc.co.uk are bbc.co.uk; two blogs on blogspot.com or github.io
// are two sites (their owners differ). An address without a registrable domain (an IP address,
// localhost) is its own site.
import { hostOf } from './site-claim';

/** A page's site; "" for an address that is not a URL with a host. */
export type SiteOf = (url: string) => string;

let loading: Promise<SiteOf> | undefined;

/**
 * The site function, once the suffix table is loaded. Evaluating the table takes 13–18 ms (Node,
 * measured), so it is loaded on first use, not when a service worker wakes to answer a page; the
 * bundle keeps it as an inline module that a dynamic import evaluates. Callers load it before they
 * open a database transaction, which an import's wait would end.
 */
export function loadSiteOf(): Promise<SiteOf> {
  loading ??= import('tldts').then(({ getDomain }) => {
    const known = new Map<string, string>();
    return (url: string): string => {
      const host = hostOf(url);
      if (host === '') return '';
      let site = known.get(host);
      if (site === undefined) {
        site = getDomain(host, { allowPrivateDomains: true }) ?? host;
        if (known.size > 1_000) known.clear();
        known.set(host, site);
      }
      return site;
    };
  });
  return loading;
}
