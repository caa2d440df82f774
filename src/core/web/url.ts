// One key per article: the same story reached from a newsletter, a share button or a search ad
// must find the same annotations. Normalising strips what identifies the *visit*, keeps what
// identifies the *page*.

// Parameters that only say where a click came from. Compared lower-cased; prefixes end in "_".
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'ref', 'ref_src', 'ref_url', 'cmpid', 'cmp', 'ocid', 'smid', 'smtyp', 'src_trk',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'spm', 'ito', 'taid', 'at_medium', 'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'ns_', 'pk_', 'mtm_', 'hsa_'];
// Static servers answer "/news/" and "/news/index.html" with the same page.
const INDEX_FILE = /\/index\.html?$/i;

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Hash-routed apps ("#/story/12", "#!/story/12") keep the page in the fragment. */
function isRouteFragment(hash: string): boolean {
  return hash.startsWith('#/') || hash.startsWith('#!');
}

function strip(url: URL): string {
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  // Sorted by name only: the order of repeated values (?tag=a&tag=b) can matter to the server.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (!isRouteFragment(url.hash)) url.hash = '';
  url.pathname = url.pathname.replace(INDEX_FILE, '/');
  return url.href;
}

function parse(text: string, base?: string): URL | undefined {
  try {
    return new URL(text.trim(), base);
  } catch {
    return undefined;
  }
}

/**
 * Only an address on the page's own origin (scheme, host and port) may stand for the page. A
 * canonical is what the page says about itself: a sibling subdomain (evil.news.example naming
 * news.example/story), a "www."/"amp." mirror or another site would make its annotations, passages
 * and notes answer a page the reader never annotated (issue 11).
 */
function isSameOrigin(a: URL, b: URL): boolean {
  return a.origin === b.origin;
}

/**
 * The key annotations are stored under. `canonical` is the page's `<link rel=canonical>` href,
 * used when it is http(s) and on the page's own origin. A string that is not a URL comes back trimmed.
 */
export function normaliseUrl(url: string, canonical?: string): string {
  const page = parse(url);
  if (!page) return url.trim();
  if (canonical) {
    const preferred = parse(canonical, page.href);
    if (preferred && /^https?:$/.test(preferred.protocol) && isSameOrigin(page, preferred)) return strip(preferred);
  }
  return strip(page);
}
