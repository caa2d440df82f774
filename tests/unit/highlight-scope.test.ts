// Our ::highlight rules hang from an attribute on the elements holding a painted range where the
// engine passes highlight styles down (Chromium 134+), so putting them in a page restyles those
// elements alone; on Firefox, which does not, a rule on an ancestor would paint nothing, so there
// every element keeps it.
import { describe, expect, it } from 'vitest';
import { chromiumVersion, highlightScope, scopeSelector } from '../../src/content/highlight/highlight-scope';
import { highlightCss, highlightName } from '../../src/content/highlight/highlight-styles';
import { pageNames } from '../../src/content/highlight/page-names';

const CHROME_156 = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const CHROME_120 = CHROME_156.replace('156', '120');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const brands = (version: string) => ({ brands: [{ brand: 'Not.A/Brand', version: '99' }, { brand: 'Chromium', version }] });

describe('where our highlight rules hang from', () => {
  it('hangs them from our attribute in Chromium 134 and later, read from its brands or, on http pages, its user agent', () => {
    expect(highlightScope('chrome', { userAgent: CHROME_156, userAgentData: brands('156') })).toBe('marked');
    expect(highlightScope('chrome', { userAgent: CHROME_156 })).toBe('marked');
    expect(highlightScope('chrome', { userAgent: CHROME_120.replace('120', '134'), userAgentData: brands('134') })).toBe('marked');
  });

  it('keeps them on every element where highlight styles are not passed down', () => {
    expect(highlightScope('chrome', { userAgent: CHROME_120, userAgentData: brands('133') })).toBe('every');
    expect(highlightScope('chrome', { userAgent: CHROME_120 })).toBe('every');
    expect(highlightScope('chrome', { userAgent: FIREFOX })).toBe('every');
    // A Firefox told to say it is Chrome still paints: the build knows which browser it is for.
    expect(highlightScope('firefox', { userAgent: CHROME_156, userAgentData: brands('156') })).toBe('every');
    expect(highlightScope('chrome', undefined)).toBe('every');
  });

  it('reads the brands before the user agent, and no version from another engine', () => {
    expect(chromiumVersion({ userAgent: CHROME_120, userAgentData: brands('156') })).toBe(156);
    expect(chromiumVersion({ userAgent: FIREFOX })).toBeNull();
  });

  it('hangs every rule from the scope, those for prefers-contrast and forced colours included', () => {
    const attribute = pageNames().markAttribute;
    expect(attribute).toMatch(/^data-[a-z]{10}$/);
    expect(scopeSelector('marked', attribute)).toBe(`[${attribute}]`);
    const css = highlightCss({}, 'marked');
    const rules = css.split('\n').filter((line) => line.includes('::highlight('));
    expect(rules.length).toBeGreaterThan(12);
    for (const rule of rules) expect(rule.startsWith(`[${attribute}]::highlight(`)).toBe(true);
    expect(css).toContain(`[${attribute}]::highlight(${highlightName('person')}) { background-color: rgba(244, 162, 97, 0.45)`);
    // The plain form, as before, where the engine needs it.
    for (const rule of highlightCss({}, 'every').split('\n').filter((line) => line.includes('::highlight('))) expect(rule).toMatch(/^::highlight\(/);
  });
});
