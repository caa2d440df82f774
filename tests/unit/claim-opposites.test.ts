// The claims' opposite-sense rule (src/core/claims/opposites.ts): a sentence that takes the other
// side of a turn the claim takes ("lost" for "elected", "apart" for "closer") never restates it.
import { describe, expect, it } from 'vitest';
import { repoClaimScorer } from '../../src/cli/claims/model-file';
import { saysTheOpposite } from '../../src/core/claims/opposites';
import { analyze } from '../../src/core/claims/text';

const opposite = (claim: string, sentence: string) => saysTheOpposite(analyze(claim).content, analyze(sentence).content);

describe('words of opposite sense', () => {
  it('sees the other side of a turn', () => {
    expect(opposite('Lai was elected Taiwan’s president in January.', 'Lai lost Taiwan’s presidential election in January.')).toBe(true);
    expect(opposite('Shares of the company rose 5 percent on Monday.', 'Shares of the company fell 5 percent on Monday.')).toBe(true);
    expect(opposite('The firm posted a profit in the third quarter.', 'The firm posted a loss in the third quarter.')).toBe(true);
  });

  it('leaves alone a sentence that takes both sides, or the same side in other words', () => {
    expect(opposite('Shares rose on Monday.', 'Shares rose early on Monday, then fell.')).toBe(false);
    expect(opposite('Shares rose 5 percent on Monday.', 'Shares climbed 5 percent on Monday.')).toBe(false);
    // Converse verbs say the same once the actors swap: no row for buy/sell or import/export.
    expect(opposite('China buys oil from Russia.', 'Russia sells oil to China.')).toBe(false);
  });

  it('makes the scorer refuse such a look-alike, and say why on the card', () => {
    const scorer = repoClaimScorer();
    expect(scorer.judge('Russia and China have grown closer since Russia invaded Ukraine more than two years ago.', 'Russia and China have drifted apart since Russia invaded Ukraine more than two years ago.')).toMatchObject({ restates: false, why: 'it says the opposite' });
    expect(scorer.judge('Lai was elected Taiwan’s president in January.', 'Taiwan elected Lai as its president in January.').restates).toBe(true);
  });
});
