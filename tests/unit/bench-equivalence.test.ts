// The matcher benchmark compares MB/s, which means nothing unless every contender finds the same
// mentions. Each is brought to one answer — [start, end) of whole-word, case-insensitive matches
// after leftmost-longest selection — and all must agree on the same inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVERY, ours } from '../bench/lib/contenders';
import { benchAliases, syntheticText } from '../bench/lib/names';

const article = readFileSync(join(import.meta.dirname, '../../src/data/seed-article.txt'), 'utf8')
  // The peers compare code units; ours also folds typographic apostrophes. Same typography for all.
  .replace(/[\u2018\u2019]/g, "'");

describe.each([100, 2_000])('at %i aliases', (count) => {
  const aliases = benchAliases(count);
  const inputs = {
    'the seed article': article,
    'synthetic news text': syntheticText(aliases, 20_000, 12),
  };
  for (const [inputName, text] of Object.entries(inputs)) {
    it(`all contenders find the same mentions in ${inputName}`, () => {
      const expected = ours.build(aliases).find(text);
      expect(expected.length).toBeGreaterThan(inputName === 'the seed article' ? 20 : 200);
      for (const contender of EVERY) {
        expect(contender.build(aliases).find(text), contender.name).toEqual(expected);
      }
    });
  }
});

it('the comparison can fail: a whole word inside a longer one is not a mention', () => {
  const aliases = ['Putin', 'Xi Jinping', 'Xi'];
  const text = 'Putinism is not Putin; XI JINPING met Xi, not Xiamen.';
  const spans = ours.build(aliases).find(text);
  expect(spans.map(([s, e]) => text.slice(s, e))).toEqual(['Putin', 'XI JINPING', 'Xi']);
  for (const contender of EVERY) expect(contender.build(aliases).find(text), contender.name).toEqual(spans);
  // and a contender that got it wrong would be caught: the RegExp without word bounds finds more
  const unbounded = /putin|xi jinping|xi/gi;
  expect([...text.matchAll(unbounded)].length).toBeGreaterThan(spans.length);
});
