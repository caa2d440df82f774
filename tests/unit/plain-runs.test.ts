// The narrower's and the anchor test's mostly native token pass (src/core/text/plain-runs.ts): it must
// give every token the exact pass (forEachToken) gives, or a page's name would never be compiled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachWideToken } from '../../src/core/text/plain-runs';
import { forEachToken } from '../../src/core/text/tokens';
import { corpusPages, visibleText } from '../bench/lib/corpus';

const MAX = 40;
const exact = (text: string): Set<string> => {
  const tokens = new Set<string>();
  forEachToken(text, MAX, (t) => tokens.add(t));
  return tokens;
};
const wide = (text: string): Set<string> => {
  const tokens = new Set<string>();
  forEachWideToken(text, MAX, (t) => tokens.add(t));
  return tokens;
};
const missing = (text: string): string[] => {
  const got = wide(text);
  return [...exact(text)].filter((t) => !got.has(t));
};

describe('forEachWideToken', () => {
  it('gives the tokens of plain and accented words, folded', () => {
    const tokens = wide('Léa MÜLLER met Putin, ﬁnance and Zelen\u00adskyy in 北京.');
    for (const t of ['lea', 'muller', 'met', 'putin', 'zelenskyy', 'zelen', 'skyy']) expect(tokens, t).toContain(t);
    expect(missing('Léa MÜLLER met Putin, ﬁnance and Zelen\u00adskyy in 北京.')).toEqual([]);
  });

  it('misses no token next to any single UTF-16 unit', () => {
    const lost: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      const text = `Putin${c}Xi ${c}Jinping${c} a${c}b`;
      if (missing(text).length > 0) lost.push(code.toString(16));
    }
    expect(lost).toEqual([]);
  });

  it('reads a NUL as the matcher does, as a space: it joins no two words', () => {
    // The exact pass once read a NUL as a skipped unit ("Putin\0Xi" gave "putinxi"), which the
    // matcher (normalize.ts) reads as a space.
    expect([...exact('Putin\0Xi')]).toEqual(['putin', 'xi']);
    expect([...wide('Putin\0Xi')]).toEqual(['putin', 'xi']);
  });

  it('misses no token of random texts of tricky units', () => {
    const tricky = ['\u00ad', '\u0301', '\u0308', '\u200d', 'ſ', 'ı', 'İ', '\u212a', '‐', '–', '’', '\u00a0', '\n', '. ', ' ', '7', '总统', 'é', 'ß', 'Æ', 'ﬀ', 'Putin', 'xi', 'UN'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }), (parts) => {
        expect(missing(parts.join(''))).toEqual([]);
      }),
      { numRuns: 1000, seed: 20261206 },
    );
  });

  it('misses no token of any corpus page, its text or its raw HTML', () => {
    const pages = corpusPages();
    if (pages.length === 0) return void console.warn('plain-runs.test.ts: ../shared/corpus is absent: corpus pages skipped');
    for (const page of pages) {
      expect(missing(visibleText(page)), page.slug).toEqual([]);
      expect(missing(page.html), `${page.slug} (raw HTML)`).toEqual([]);
    }
  });
});
