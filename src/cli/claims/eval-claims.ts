// `dossier eval`, claims part: restatement precision and recall on held-out folds of the MSRP
// training split (k-fold cross-validation). Each pair's first sentence is a claim; the fold's
// sentences are read as a page would be (claim finder, then the scorer). A claim found in its own
// pair's second sentence counts as true when the pair is a paraphrase; found anywhere else (the
// other sentences of the fold, the other pairs), it counts as false.
import { createClaimFinder } from '../../core/claims';
import { ClaimScorer, type ClaimModelData } from '../../core/claims/model';
import { SynonymTable } from '../../core/claims/synonyms';
import { fitPairs } from './fit';
import { sameWords } from './hard-negatives';
import { foldsOf, readMsrp, type Pair } from './msrp';

export interface ClaimEvalReport {
  folds: number;
  pairs: number;
  paraphrases: number;
  truePositives: number;
  falsePositives: number;
  /** Of the false positives, those in another pair's sentence. */
  crossPairFalsePositives: number;
  /** Of those, sentences word for word the claim or its own pair's other sentence (MSRP repeats sentences across pairs). */
  duplicateFalsePositives: number;
  candidates: number;
  precision: number;
  recall: number;
}

export function evaluateClaimsMsrp(msrpPath: string, shipped: ClaimModelData, k = 5, seed = 7): ClaimEvalReport {
  const pairs = readMsrp(msrpPath);
  const table = new SynonymTable(shipped.synonyms);
  const folds = foldsOf(pairs.length, k, seed);
  let tp = 0;
  let fp = 0;
  let cross = 0;
  let duplicates = 0;
  let candidates = 0;
  let paraphrases = 0;
  for (let f = 0; f < k; f++) {
    const train = pairs.filter((_, i) => folds[i] !== f);
    const test = pairs.filter((_, i) => folds[i] === f);
    const fitted = fitPairs(train, table);
    const scorer = new ClaimScorer({ ...shipped, ...fitted });
    const counts = scoreFold(test, scorer);
    tp += counts.tp;
    fp += counts.fp;
    cross += counts.cross;
    duplicates += counts.duplicates;
    candidates += counts.candidates;
    paraphrases += test.filter((p) => p.label === 1).length;
  }
  return {
    folds: k,
    pairs: pairs.length,
    paraphrases,
    truePositives: tp,
    falsePositives: fp,
    crossPairFalsePositives: cross,
    duplicateFalsePositives: duplicates,
    candidates,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: paraphrases === 0 ? 0 : tp / paraphrases,
  };
}

function scoreFold(test: readonly Pair[], scorer: ClaimScorer): { tp: number; fp: number; cross: number; duplicates: number; candidates: number } {
  const claims = test.map((pair, i) => ({ id: String(i), statement: pair.first, cues: [] }));
  const finder = createClaimFinder(claims);
  let tp = 0;
  let fp = 0;
  let cross = 0;
  let duplicates = 0;
  let candidates = 0;
  test.forEach((pair, owner) => {
    for (const [which, sentence] of [['first', pair.first], ['second', pair.second]] as const) {
      for (const mention of finder.findClaims(sentence)) {
        const claim = Number(mention.claimId);
        if (claim === owner && which === 'first') continue; // the claim's own sentence
        candidates++;
        if (!scorer.judge(claims[claim]!.statement, mention.sentence).restates) continue;
        if (claim === owner) {
          if (pair.label === 1) tp++;
          else fp++;
        } else {
          fp++;
          cross++;
          if (sameWords(sentence, test[claim]!.first) || sameWords(sentence, test[claim]!.second)) duplicates++;
        }
      }
    }
  });
  return { tp, fp, cross, duplicates, candidates };
}

export function formatClaimEval(r: ClaimEvalReport): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  return [
    `Claims (MSRP training split, ${r.folds}-fold cross-validation, ${r.pairs} pairs, ${r.paraphrases} paraphrases):`,
    `  precision ${pct(r.precision)}%  recall ${pct(r.recall)}%  (${r.truePositives} found, ${r.falsePositives} false, ${r.crossPairFalsePositives} of them in another pair's sentence, ${r.duplicateFalsePositives} of those word for word the claim or its pair's sentence; ${r.candidates} candidates scored)`,
    `  precision within pairs (other pairs' sentences not counted) ${pct(r.truePositives / Math.max(1, r.truePositives + r.falsePositives - r.crossPairFalsePositives))}%`,
    // Not the metric (above, strict): the same finds with the other pairs' sentences that are word
    // for word the claim or its pair's other sentence left out of the count, as if the pool held
    // each sentence once.
    `  precision with word-for-word duplicate sentences of other pairs not counted ${pct(r.truePositives / Math.max(1, r.truePositives + r.falsePositives - r.duplicateFalsePositives))}%`,
  ].join('\n');
}
