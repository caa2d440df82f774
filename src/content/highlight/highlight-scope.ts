// Where our ::highlight rules are written: on the root element alone (`:root::highlight(name)`)
// where the engine passes highlight styles down to every element (highlight inheritance), or on
// every element (`::highlight(name)`) where it does not.
//
// Why it matters: putting a rule that matches every element into a page makes Chromium restyle
// every element at once, in one task it cannot split. On a 20 MB article (87,000 paragraphs) that
// was 450–670 ms of CPU (BENCHMARKS.md part 1). A rule matching only the root restyles the root and
// passes the new highlight styles down: the same elements, but without matching our rules against
// each one (about half the time), and one set of highlight styles shared by the whole page instead
// of one per element. Chromium has highlight inheritance since 134; Firefox (153 ESR) does not:
// there a root-only rule paints nothing, so Firefox keeps the rule on every element.
//
// The engine is read from the isolated world's navigator, which the page cannot rewrite; the
// build's browser name guards against a Firefox whose user agent was set to Chrome's.

/** The first Chromium version whose highlight pseudo-elements inherit from the parent element's. */
export const HIGHLIGHT_INHERITANCE_SINCE = 134;

export type HighlightScope = ':root' | '';

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

/** The selector our ::highlight rules hang from, for this engine (`build`: the bundle's browser). */
export function highlightScope(build: string | undefined, nav: NavigatorLike | undefined): HighlightScope {
  if (build === 'firefox' || !nav) return '';
  const version = chromiumVersion(nav);
  return version !== null && version >= HIGHLIGHT_INHERITANCE_SINCE ? ':root' : '';
}

declare const __BROWSER__: string | undefined;

/** This page's scope (the build names its browser; unit tests run unbundled, with no name). */
export function pageHighlightScope(): HighlightScope {
  const build = typeof __BROWSER__ === 'undefined' ? undefined : __BROWSER__;
  if (build === undefined) return '';
  return highlightScope(build, typeof navigator === 'undefined' ? undefined : (navigator as NavigatorLike));
}
