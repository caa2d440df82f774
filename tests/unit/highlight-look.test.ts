// The calm look: names crisp, a claim's sentence unpainted unless its card is open (its lead
// carries the mark), hidden kinds unpainted, stronger marks under prefers-contrast.
import { afterEach, describe, expect, it } from 'vitest';
import { highlightCss, highlightName, setHiddenKinds, setUnderlined } from '../../src/content/highlight/highlight-styles';

const ruleFor = (css: string, name: string) => css.split('\n').find((line) => line.startsWith(`::highlight(${name}) `))!;

describe('calm highlights', () => {
  afterEach(() => setHiddenKinds(new Set()));

  it('paints a claim sentence only while its card is open, and marks its first words lightly', () => {
    const css = highlightCss({});
    expect(ruleFor(css, highlightName('claim'))).toContain('background-color: transparent; text-decoration: none');
    expect(ruleFor(css, `${highlightName('claim')}-lead`)).toMatch(/rgba\(216, 180, 254, 0\.3\).*underline dotted/);
    expect(ruleFor(css, `${highlightName('claim')}-active`)).toMatch(/rgba\(216, 180, 254, 0\.2\).*underline solid/);
    expect(ruleFor(css, highlightName('person'))).toMatch(/rgba\(244, 162, 97, 0\.45\).*underline solid/);
  });

  it('paints nothing for a hidden kind, and only for it', () => {
    setHiddenKinds(new Set(['person', 'claim']));
    const css = highlightCss({});
    for (const name of [highlightName('person'), `${highlightName('claim')}-lead`, `${highlightName('claim')}-active`]) {
      expect(ruleFor(css, name), name).toContain('background-color: transparent; text-decoration: none');
    }
    expect(ruleFor(css, highlightName('place'))).toContain('underline solid');
  });

  it('tints without underlining on a page too large for underlines, in every mode, and keeps the tints', () => {
    const underlined = highlightCss({});
    setUnderlined(false);
    try {
      const css = highlightCss({});
      expect(css).not.toMatch(/text-decoration: underline/);
      expect(ruleFor(css, highlightName('person'))).toMatch(/rgba\(244, 162, 97, 0\.45\).*text-decoration: none/);
      expect(ruleFor(css, `${highlightName('claim')}-lead`)).toMatch(/rgba\(216, 180, 254, 0\.3\)/);
      expect(css).toMatch(/@media \(forced-colors: active\) \{[^]*Mark/);
      expect(css.replace(/text-decoration: [^;]*;/g, '')).toBe(underlined.replace(/text-decoration: [^;]*;/g, ''));
    } finally {
      setUnderlined(true);
    }
  });

  it('has stronger marks under prefers-contrast and system colours under forced colours, and no motion', () => {
    const css = highlightCss({});
    expect(css).toMatch(/@media \(prefers-contrast: more\) \{[^]*rgba\(244, 162, 97, 0\.6\)[^]*3px/);
    expect(css).toMatch(/@media \(forced-colors: active\) \{[^]*Mark/);
    expect(css).not.toMatch(/transition|animation/);
  });
});
