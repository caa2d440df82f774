// The first stage reads a block of the page from its serialized markup (src/content/first-stage/
// markup-text.ts): its text must be the one the second stage reads (text-model.ts), never one in
// which a name is lost: blocks kept apart, inline text joined, what is never shown left out, and no
// markup a page writes (an SVG `<style/>`, a `<` in text, a comment) able to swallow text after it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_NAMES, asMarkup, markupText } from '../../src/content/first-stage/markup-text';

const words = (markup: string): string[] => markupText(markup).split(/\s+/).filter(Boolean);

describe('the text of a block read from its markup', () => {
  it('keeps blocks apart: a name at the start of a block after one ending in a letter stays a word', () => {
    expect(words('<main><h2>World</h2><p>Putin spoke</p><ul><li>Kremlin</li><li>Xi</li></ul></main>')).toEqual(['World', 'Putin', 'spoke', 'Kremlin', 'Xi']);
    expect(words('<p>Before<br />Putin</p><p>A<img src="x.png" />Xi</p>')).toEqual(['Before', 'Putin', 'A', 'Xi']);
  });

  it('joins inline text, as the second stage does: a drop cap does not split the name', () => {
    expect(words('<p><span class="dropcap">P</span>utin spoke of <b>Zelen</b><i>skyy</i>.</p>')).toEqual(['Putin', 'spoke', 'of', 'Zelenskyy.']);
  });

  it('leaves out scripts, styles, templates, comments and the head, and only them', () => {
    const markup =
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Putin</title><style>.putin{}</style></head><body><script type="x">var Putin = 1;</script>' +
      '<!-- Putin --><template><p>Putin</p></template><noscript>Putin</noscript><p>Nobody here.</p></body></html>';
    expect(words(markup)).toEqual(['Nobody', 'here.']);
  });

  it('lets no markup swallow the text after it: a self-closing SVG style, a stray < in text, a > in a comment', () => {
    expect(words('<svg xmlns="http://www.w3.org/2000/svg"><style /></svg><p>Putin</p><style>p{}</style>')).toContain('Putin');
    expect(words('<!-- a > b --><p>Xi</p>')).toEqual(['Xi']);
    expect(words(`<p>${asMarkup('if a <b and c> d then Putin')}</p>`)).toContain('Putin');
    expect(words('<p title="a &gt; b">Putin</p>')).toEqual(['Putin']);
  });

  it('has the second stage’s list of block elements (text-model.ts), no more and no less', () => {
    const source = readFileSync(join(import.meta.dirname, '../../src/content/text-model.ts'), 'utf8');
    const set = /const BLOCK_TAGS[^=]*=\s*new Set\(\[([\s\S]*?)\]\)/.exec(source)?.[1] ?? '';
    const theirs = [...set.matchAll(/'([A-Z0-9]+)'/g)].map((m) => m[1]!.toLowerCase()).sort();
    expect(theirs.length).toBeGreaterThan(20);
    expect([...BLOCK_NAMES].sort()).toEqual(theirs);
  });
});
