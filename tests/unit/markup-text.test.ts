// The first stage reads a block of the page from its serialized markup (src/content/first-stage/
// markup-text.ts), each tag a line break: the text of two elements must never run together, and
// no markup a page writes (an SVG `<style/>`, a `<` in text, a comment, an attribute) may swallow
// the text after it.
import { describe, expect, it } from 'vitest';
import { asMarkup, markupText } from '../../src/content/first-stage/markup-text';

const words = (markup: string): string[] => markupText(markup).split(/\s+/).filter(Boolean);
/** Whether `word` is in the text as the anchor test reads a word: not touching another a-z letter. */
const hasWord = (markup: string, word: string): boolean => new RegExp(`(?<![a-z])${word}(?![a-z])`, 'i').test(markupText(markup));

describe('the text of a block read from its markup', () => {
  it('keeps elements apart: a name at the start of a block after one ending in a letter stays a word', () => {
    expect(words('<main><h2>World</h2><p>Putin spoke</p><ul><li>Kremlin</li><li>Xi</li></ul></main>')).toEqual(['World', 'Putin', 'spoke', 'Kremlin', 'Xi']);
    expect(words('<p>Before<br />Putin</p><p>A<img src="x.png" />Xi</p>')).toEqual(['Before', 'Putin', 'A', 'Xi']);
  });

  it('reads no tag name or attribute as text', () => {
    expect(words('<p class="putin-profile" data-name="Xi"><a href="/world/putin">Nobody</a></p>')).toEqual(['Nobody']);
  });

  it('lets no markup swallow the text after it: a self-closing SVG style, a stray < in text, a > in a comment or an attribute', () => {
    expect(hasWord('<svg xmlns="http://www.w3.org/2000/svg"><style /></svg><p>Putin</p><style>p{}</style>', 'Putin')).toBe(true);
    expect(hasWord('<!-- a > b --><p>Xi</p>', 'Xi')).toBe(true);
    expect(hasWord(`<p>${asMarkup('if a <b and c> d then Putin')}</p>`, 'Putin')).toBe(true);
    expect(hasWord('<p title="a &gt; b">Putin</p>', 'Putin')).toBe(true);
    // innerHTML leaves a script's text raw: its < cannot run past the script's end.
    expect(hasWord('<script>if (a<b) go(); let c = d<e;</script><p>Putin</p><style>p::before{content:"<"}</style><p>Xi</p>', 'Putin')).toBe(true);
    expect(hasWord('<script>if (a<b) go();</script>Xi', 'Xi')).toBe(true);
    // An unescaped > in an attribute (older serializers) leaves some of it as text, never less.
    expect(hasWord('<p title="a > b">Putin</p>', 'Putin')).toBe(true);
  });
});
