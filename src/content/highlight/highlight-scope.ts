// Where our ::highlight rules are written: on the elements that hold a painted range, marked with
// an attribute of a random name (`[data-…]::highlight(name)`, painted-elements.ts), where the
// engine passes highlight styles down to an element's descendants (highlight inheritance); on
// every element (`::highlight(name)`) where it does not.
//
// Why it matters: a rule that every element takes makes Chromium restyle every element at once,
// in one task it cannot split. On a 20 MB article (86,700 paragraphs) `::highlight(name)` took
// 430–500 ms, and `:root::highlight(name)` (every element takes the root's highlight styles by
// inheritance) 205–250 ms (BENCHMARKS.md part 1). A rule on an attribute that only the few elements
// holding a painted range carry restyles those elements alone: 14–22 ms for the sheet and 3–4 ms
// for 50 attributes on the same page. Chromium has highlight inheritance since 134; Firefox (153
// ESR) does not: there a rule on an ancestor paints nothing, so Firefox keeps it on every element.
//
// The engine is read from the isolated world's navigator, which the page cannot rewrite; the
// build's browser name guards against a Firefox whose user agent was set to Chrome's.

/** The first Chromium version whose highlight pseudo-elements inherit from the parent element's. */
export const HIGHLIGHT_INHERITANCE_SINCE = 134;

/** `marked`: on elements carrying our attribute; `every`: on every element. */
export type HighlightScope = 'marked' | 'every';

interface NavigatorLike {
  userAgent: string;
  userAgentData?: { brands?: readonly { brand: string; version: string }[] };
}

/** Chromium's major version, or null for another engine. */
export function chromiumVersion(nav: NavigatorLike): number | null {
  const brand = nav.userAgentData?.brands?.find((b) => b.brand === 'Chromium');
  if (brand) return Number.parseInt(brand.version, 10) || null;
  // navigator.userAgentData exists only in secure contexts: an http page reads the user agent.
  const match = /\bChrom(?:e|ium)\/(\d+)/.exec(nav.userAgent);
  return match ? Number(match[1]) : null;
}

/** Where our ::highlight rules hang, for this engine (`build`: the bundle's browser). */
export function highlightScope(build: string | undefined, nav: NavigatorLike | undefined): HighlightScope {
  if (build === 'firefox' || !nav) return 'every';
  const version = chromiumVersion(nav);
  return version !== null && version >= HIGHLIGHT_INHERITANCE_SINCE ? 'marked' : 'every';
}

/** The selector a rule starts with: `[attribute]` on marked elements, nothing for every element. */
export function scopeSelector(scope: HighlightScope, attribute: string): string {
  return scope === 'marked' ? `[${attribute}]` : '';
}

declare const __BROWSER__: string | undefined;

/** This page's scope (the build names its browser; unit tests run unbundled, with no name). */
export function pageHighlightScope(): HighlightScope {
  const build = typeof __BROWSER__ === 'undefined' ? undefined : __BROWSER__;
  if (build === undefined) return 'every';
  return highlightScope(build, typeof navigator === 'undefined' ? undefined : (navigator as NavigatorLike));
}
