// The automaton keeps some states as dense rows and the others as edge lists with a failure state
// (AutomatonShape). The representation must never change what is found: every shape, from all
// dense (the plain DFA) to all sparse, gives the same hits on random lists and texts, and the
// same hits as a brute-force search.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_DENSE, ALL_SPARSE, DEFAULT_SHAPE, WordAutomaton, type AutomatonShape } from '../../src/core/matching/automaton';
import { normalizePattern } from '../../src/core/text/normalize';
import { endsWord, startsWord } from '../../src/core/text/word-chars';

const SHAPES: AutomatonShape[] = [ALL_DENSE, ALL_SPARSE, DEFAULT_SHAPE, { denseDepth: 1, denseFanout: 2 }, { denseDepth: 3, denseFanout: 3 }];

type Hit = [pattern: number, start: number, end: number];

function hits(patterns: readonly string[], text: string, shape: AutomatonShape): Hit[] {
  const found: Hit[] = [];
  WordAutomaton.compile(patterns, shape).scan(text, (pattern, start, end) => found.push([pattern, start, end]));
  return found;
}

/**
 * Every whole-word occurrence by brute force, for texts without ignored units or runs of spaces
 * (then a normalised pattern is a plain substring of the folded text): the first of equal
 * patterns, ordered like the automaton's (by end, then longest first).
 */
function bruteForce(patterns: readonly string[], text: string): Hit[] {
  const folded = normalizePattern(text);
  expect(folded.length).toBe(text.length); // the generator keeps offsets one to one
  const found: Hit[] = [];
  patterns.forEach((pattern, index) => {
    if (patterns.indexOf(pattern) !== index) return;
    for (let at = folded.indexOf(pattern); at !== -1; at = folded.indexOf(pattern, at + 1)) {
      const end = at + pattern.length;
      if (startsWord(text, at) && endsWord(text, end)) found.push([index, at, end]);
    }
  });
  return found.sort((a, b) => a[2] - b[2] || a[1] - b[1]);
}

// A tiny alphabet, so patterns share prefixes, suffixes and tails (failure links get exercised),
// with spaces, hyphens and apostrophes inside names (word starts inside a pattern).
const LETTERS = ['a', 'b', 'c', 'A', 'é'];
const pattern = fc
  .array(fc.constantFrom(...LETTERS, ...LETTERS, ' ', '-', "'"), { minLength: 1, maxLength: 7 })
  .map((units) => normalizePattern(units.join('')))
  .filter((p) => p !== '');
const patterns = fc.array(pattern, { minLength: 1, maxLength: 30 });

/**
 * A list and a text made of pieces of its patterns (whole, or any slice: a tail that runs into the
 * next piece is what failure links are for) and of other units; `extra` are the other units.
 */
function listAndText(extra: readonly string[]): fc.Arbitrary<[string[], string]> {
  return patterns.chain((list) => {
    const slice = fc
      .tuple(fc.constantFrom(...list), fc.nat(), fc.nat())
      .map(([p, a, b]) => p.slice(Math.min(a, b) % (p.length + 1), Math.max(a, b) % (p.length + 1)));
    const piece = fc.oneof(fc.constantFrom(...list), slice, fc.constantFrom(...extra));
    return fc.tuple(fc.constant(list), fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')));
  });
}

describe('automaton shapes (property)', () => {
  it('every shape finds the same hits, whatever the list and the text', () => {
    const extra = [...LETTERS, ' ', '  ', '-', "'", '\u00ad', '\u0301', '.', 'x', '\n'];
    fc.assert(
      fc.property(listAndText(extra), ([list, text]) => {
        const reference = hits(list, text, ALL_DENSE);
        for (const shape of SHAPES) expect(hits(list, text, shape), JSON.stringify(shape)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('every shape finds what a brute-force search finds', () => {
    const extra = [...LETTERS, ' ', '-', "'", '.', 'x'];
    fc.assert(
      fc.property(listAndText(extra), ([list, raw]) => {
        const text = raw.replace(/ +/g, ' ').trim();
        const expected = bruteForce(list, text);
        for (const shape of SHAPES) {
          const found = hits(list, text, shape).sort((a, b) => a[2] - b[2] || a[1] - b[1]);
          expect(found, JSON.stringify(shape)).toEqual(expected);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the default shape really mixes both kinds of state on a big list (the test above is not vacuous)', () => {
    const list: string[] = [];
    for (let i = 0; i < 400; i++) list.push(normalizePattern(`name${i.toString(3)}abc x${i}`));
    const automaton = WordAutomaton.compile(list);
    expect(automaton.denseStateCount).toBeGreaterThan(2);
    expect(automaton.denseStateCount).toBeLessThan(automaton.stateCount / 2);
    expect(hits(list, 'NAME12ABC X5 and name12abc x5', DEFAULT_SHAPE)).toEqual([
      [5, 0, 12],
      [5, 17, 29],
    ]);
  });
});
