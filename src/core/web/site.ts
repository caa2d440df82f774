// The site a page belongs to, as a bound on what one party can write: its registrable domain by the
// Public Suffix List, its private section included, which is how browsers tell "same site" apart.
// a.evil.example and b.evil.example are one site (every subdomain of a domain is its owner's for
// free); news.bbc.co.uk and www.bbc.co.uk are bbc.co.uk; two blogs on blogspot.com or github.io are
// two sites (their owners differ). An address without a registrable domain (an IP address,
// localhost) is its own site.
import { PublicSuffixes } from './public-suffixes';
import { hostOf } from './site-claim';

/** A page's site; "" for an address that is not a URL with a host. */
export type SiteOf = (url: string) => string;

let readRules: (() => Promise<string>) | undefined;
let loading: Promise<SiteOf> | undefined;

/**
 * Where the list's text comes from: the background fetches the file the package ships
 * (models/public-suffixes.txt), Node's tests read src/data/public-suffixes/rules.txt.
 */
export function setSuffixRulesSource(read: () => Promise<string>): void {
  readRules = read;
  loading = undefined;
}

/** The site function over `suffixes`, remembering the hosts it has seen. */
export function siteOfWith(suffixes: PublicSuffixes | null): SiteOf {
  const known = new Map<string, string>();
  return (url: string): string => {
    const host = hostOf(url);
    if (host === '') return '';
    let site = known.get(host);
    if (site === undefined) {
      site = suffixes?.registrableDomain(host) ?? host;
      if (known.size > 1_000) known.clear();
      known.set(host, site);
    }
    return site;
  };
}

/**
 * The site function, once the list is read (on first use: parsing 11,000 rules is not work for
 * each waking service worker). Callers load it before they open a database transaction, which a
 * wait inside would end. Were the list unreadable, a site is its host (the bound before sites):
 * weaker, but nothing the reader meets is lost for it.
 */
export function loadSiteOf(): Promise<SiteOf> {
  loading ??= (readRules ? readRules() : Promise.reject(new Error('no source set for the public suffix list'))).then(
    (text) => siteOfWith(new PublicSuffixes(text)),
    (error: unknown) => {
      console.warn('Dossier could not read the public suffix list; sites are hosts for now', error);
      loading = undefined;
      return siteOfWith(null);
    },
  );
  return loading;
}
