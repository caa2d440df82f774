// The user's highlight colours reach the page's ::highlight rules; anything that is not #rrggbb
// (a value from a tampered store) falls back to the palette instead of reaching the CSS.
import { afterEach, describe, expect, it } from 'vitest';
import { highlightCss, setHighlightColours } from '../../src/content/highlight/highlight-styles';
import { pageNames } from '../../src/content/highlight/page-names';

afterEach(() => setHighlightColours({}));

describe('highlight colours from the options page', () => {
  it('paints a kind in the chosen colour and leaves the others alone', () => {
    const palette = highlightCss({});
    setHighlightColours({ person: '#ff0000' });
    const css = highlightCss();
    // The person highlight's name is this page's (random: page-names.ts).
    const person = pageNames().highlight.person;
    expect(css).toContain(`::highlight(${person}) { background-color: rgba(255, 0, 0, 0.45); text-decoration: underline solid #ff0000`);
    const others = (text: string) => text.split('\n').filter((rule) => !rule.includes(person));
    expect(others(css)).toEqual(others(palette));
  });

  it('ignores a value that is not a colour', () => {
    expect(highlightCss({ place: 'red; } body { display: none' })).toBe(highlightCss({}));
  });
});
