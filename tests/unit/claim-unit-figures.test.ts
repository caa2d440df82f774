// The claims' implicit-figure rule (src/core/claims/unit-figures.ts): "over the previous decade" is
// one decade, so "over the previous two decades" changes a figure; a count written on both sides,
// or on neither, is the figure rule's business or none.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/claims/text';
import { unitFigureChanged } from '../../src/core/claims/unit-figures';

const changed = (claim: string, sentence: string) => unitFigureChanged(analyze(claim), analyze(sentence));

describe('a figure the claim leaves implicit', () => {
  it('sees a count written before a unit of time the other side names bare', () => {
    expect(changed('The two leaders have met dozens of times over the past decade.', 'The two leaders have met dozens of times over the past three decades.')).toBe(true);
    expect(changed('Exports to China doubled in the past two years.', 'Exports to China doubled in the past year.')).toBe(true);
  });

  it('leaves alone the same count, one written as a word or a digit, a bare unit on both sides, or other units', () => {
    expect(changed('Putin and Xi have met 42 times over the previous decade.', 'Xi and Putin have met 42 times in the past decade.')).toBe(false);
    expect(changed('The talks lasted two days.', 'The talks went on for 2 days.')).toBe(false);
    expect(changed('The summit took place a year ago.', 'The summit took place one year ago.')).toBe(false);
    expect(changed('Prices rose a year ago.', 'Prices rose 12 months ago.')).toBe(false);
  });
});
