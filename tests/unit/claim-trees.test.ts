// The claim model's learned parts: the boosted trees train the same bytes twice and read as they
// were trained; the scorer marks a sentence word for word the claim, and keeps the actor rule for
// states while leaving other capitalised words to the model.
import { describe, expect, it } from 'vitest';
import { trainBoost } from '../../src/cli/claims/boost';
import { repoClaimScorer } from '../../src/cli/claims/model-file';
import { ensembleProbability } from '../../src/core/claims/trees';

/** A fixed, non-linear problem: positive inside a band of x0, unless x1 is high. */
function problem(): { rows: number[][]; labels: number[] } {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 400; i++) {
    const x0 = (i * 37) % 100 / 100;
    const x1 = (i * 61) % 100 / 100;
    rows.push([x0, x1, (i % 7) / 7]);
    labels.push(x0 > 0.3 && x0 < 0.7 && x1 < 0.8 ? 1 : 0);
  }
  return { rows, labels };
}

describe('boosted trees for claims', () => {
  it('train the same model twice from the same rows', () => {
    const { rows, labels } = problem();
    const a = JSON.stringify(trainBoost(rows, labels, null, { trees: 40 }));
    const b = JSON.stringify(trainBoost(rows, labels, null, { trees: 40 }));
    expect(a).toBe(b);
  });

  it('learn what a single linear cut cannot (a band, and an exception to it)', () => {
    const { rows, labels } = problem();
    const model = trainBoost(rows, labels, null, { trees: 80, depth: 3, rate: 0.2, minLeaf: 5 });
    expect(ensembleProbability(model, [0.5, 0.2, 0])).toBeGreaterThan(0.8);
    expect(ensembleProbability(model, [0.1, 0.2, 0])).toBeLessThan(0.2);
    expect(ensembleProbability(model, [0.9, 0.2, 0])).toBeLessThan(0.2);
    expect(ensembleProbability(model, [0.5, 0.9, 0])).toBeLessThan(0.2);
  });
});

describe('claim scorer rules around the model', () => {
  const scorer = repoClaimScorer();

  it('marks a sentence that is the claim word for word (case and punctuation aside)', () => {
    // The trees never saw two identical sentences (no MSRP pair is one): they score this one below
    // the threshold, as they do most sentences against themselves.
    const claim = 'Amrozi accused his brother, whom he called "the witness", of deliberately distorting his evidence.';
    expect(scorer.judge(claim, 'Amrozi accused his brother, whom he called the witness, of deliberately distorting his evidence').restates).toBe(true);
  });

  it('refuses another state in the claim’s place, but not a capitalised opener or a spelt-out title', () => {
    expect(scorer.judge('China has stepped up military activity around self-ruled Taiwan.', 'Japan has stepped up military activity around self-ruled Taiwan.').why).toBe('different actors');
    // An MSRP paraphrase the old rule refused: "Det" is no actor, and "Detective" no other one.
    const verdict = scorer.judge(
      'Det Chief Insp Norman McKinlay said there was "evidence a body or bodies have been in this area".',
      'Detective Chief Inspector Norman McKinlay, leading the investigation, said: "There is evidence a body or bodies have been in this area.',
    );
    expect(verdict.why).not.toBe('different actors');
  });
});
