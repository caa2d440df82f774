// Our ::highlight rules hang from :root where the engine passes highlight styles down (Chromium
// 134+), so putting them in a page restyles it without matching them against every element; on
// Firefox, which does not, a root-only rule would paint nothing, so there every element keeps it.
import { describe, expect, it } from 'vitest';
import { chromiumVersion, highlightScope } from '../../src/content/highlight/highlight-scope';
import { highlightCss, highlightName } from '../../src/content/highlight/highlight-styles';

const CHROME_156 = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const CHROME_120 = CHROME_156.replace('156', '120');
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
const brands = (version: string) => ({ brands: [{ brand: 'Not.A/Brand', version: '99' }, { brand: 'Chromium', version }] });

describe('where our highlight rules hang from', () => {
  it('hangs them from the root in Chromium 134 and later, read from its brands or, on http pages, its user agent', () => {
    expect(highlightScope('chrome', { userAgent: CHROME_156, userAgentData: brands('156') })).toBe(':root');
    expect(highlightScope('chrome', { userAgent: CHROME_156 })).toBe(':root');
    expect(highlightScope('chrome', { userAgent: CHROME_120.replace('120', '134'), userAgentData: brands('134') })).toBe(':root');
  });

  it('keeps them on every element where highlight styles are not passed down', () => {
    expect(highlightScope('chrome', { userAgent: CHROME_120, userAgentData: brands('133') })).toBe('');
    expect(highlightScope('chrome', { userAgent: CHROME_120 })).toBe('');
    expect(highlightScope('chrome', { userAgent: FIREFOX })).toBe('');
    // A Firefox told to say it is Chrome still paints: the build knows which browser it is for.
    expect(highlightScope('firefox', { userAgent: CHROME_156, userAgentData: brands('156') })).toBe('');
    expect(highlightScope('chrome', undefined)).toBe('');
  });

  it('reads the brands before the user agent, and no version from another engine', () => {
    expect(chromiumVersion({ userAgent: CHROME_120, userAgentData: brands('156') })).toBe(156);
    expect(chromiumVersion({ userAgent: FIREFOX })).toBeNull();
  });

  it('hangs every rule from the scope, those for prefers-contrast and forced colours included', () => {
    const css = highlightCss({}, ':root');
    const rules = css.split('\n').filter((line) => line.includes('::highlight('));
    expect(rules.length).toBeGreaterThan(12);
    for (const rule of rules) expect(rule).toMatch(/^:root::highlight\(/);
    expect(css).toContain(`:root::highlight(${highlightName('person')}) { background-color: rgba(244, 162, 97, 0.45)`);
    // The plain form, as before, where the engine needs it.
    for (const rule of highlightCss({}, '').split('\n').filter((line) => line.includes('::highlight('))) expect(rule).toMatch(/^::highlight\(/);
  });
});
