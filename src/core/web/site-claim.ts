// A site as a reader names it, and what a page claims to be: pure, so the background's harvest
// and the store's migration of older quotes (page-claims.ts) read them the same way.

/** The host a reader would recognise: without "www.", which names the same site. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Case, accents, spaces and punctuation aside: "BBC News" and "bbc-news" name the same thing. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** The page's name for itself, kept as a claim; none when it only repeats the host ("BBC" on bbc.co.uk). */
export function siteClaim(claimed: string, host: string): string | undefined {
  const name = claimed.trim();
  const folded = fold(name);
  return folded !== '' && !fold(host).startsWith(folded) ? name : undefined;
}
