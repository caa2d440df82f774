// `dossier eval`, claims part: restatement precision and recall on held-out folds of the MSRP
// training split (k-fold cross-validation). Each pair's first sentence is a claim; the fold's
// sentences are read as a page would be (claim finder, then the scorer). A claim found in its own
// pair's second sentence counts as true when the pair is a paraphrase; found anywhere else (the
// other sentences of the fold, the other pairs), it counts as false. The model, its word weights
// and its threshold are refitted on the other folds only (the threshold by an inner
// cross-validation there: fit.ts), so the operating point is never chosen on the fold it is read on.
import { ClaimScorer, type ClaimModelData } from '../../core/claims/model';
import { SynonymTable } from '../../core/claims/synonyms';
import { WordVectors } from '../../core/claims/vectors';
import { weightFunction } from '../../core/claims/weights';
import { fitPairs } from './fit';
import { foldsOf, readMsrp } from './msrp';
import { poolFinds, sameWords, type FindKind } from './pool';

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
  /**
   * Of those, the ones that say what the claim says: word for word the claim itself, or word for
   * word its pair's other sentence when the pair is labelled a paraphrase. Counted false all the
   * same (the issue's rule); reported so the strict figure can be read.
   */
  restatingDuplicates: number;
  candidates: number;
  precision: number;
  recall: number;
  /** Each fold's thresholds (by claim length), as its inner cross-validation chose them. */
  thresholds: number[][];
  /** The strict precision the pooled held-out scores reach at these recalls (the curve the operating point lies on). */
  curve: { recall: number; precision: number }[];
}

/** `vectorBytes`: the model's word vectors (its `vectors.file`), when it reads them. */
export function evaluateClaimsMsrp(msrpPath: string, shipped: ClaimModelData, vectorBytes?: Uint8Array, k = 5, seed = 7): ClaimEvalReport {
  const pairs = readMsrp(msrpPath);
  const table = new SynonymTable(shipped.synonyms);
  const vectors = shipped.vectors && vectorBytes ? new WordVectors(shipped.vectors, vectorBytes) : undefined;
  const folds = foldsOf(pairs.length, k, seed);
  let tp = 0;
  let fp = 0;
  let cross = 0;
  let duplicates = 0;
  let restating = 0;
  let candidates = 0;
  let paraphrases = 0;
  const thresholds: number[][] = [];
  const pooled: { score: number; kind: FindKind; label: number }[] = [];
  for (let f = 0; f < k; f++) {
    const train = pairs.filter((_, i) => folds[i] !== f);
    const test = pairs.filter((_, i) => folds[i] === f);
    const fitted = fitPairs(train, table, undefined, vectors);
    thresholds.push(fitted.thresholds);
    const { trees, linear, mix, lengths, thresholds: bands, idf } = fitted;
    const scorer = new ClaimScorer({ ...shipped, trees, linear, mix, lengths, thresholds: bands, idf }, vectors);
    // The same reading as a page: finder, then the scorer's verdict (hard rules, word for word, trees).
    for (const find of poolFinds(test, table, weightFunction(fitted.idf), vectors)) {
      candidates++;
      const claim = test[find.claim]!.first;
      const sentence = find.sentence;
      const verdict = scorer.judge(claim, sentence);
      const label = find.kind === 'own' && test[find.claim]!.label === 1 ? 1 : 0;
      pooled.push({ score: verdict.restates ? Math.max(verdict.probability, 0) : find.veto ? -1 : verdict.probability, kind: find.kind, label });
      if (!verdict.restates) continue;
      if (label === 1) tp++;
      else {
        fp++;
        if (find.kind !== 'own') cross++;
        if (find.kind === 'duplicate') {
          duplicates++;
          const pair = test[find.claim]!;
          if (sameWords(sentence, claim) || (pair.label === 1 && sameWords(sentence, pair.second))) restating++;
        }
      }
    }
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
    restatingDuplicates: restating,
    candidates,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: paraphrases === 0 ? 0 : tp / paraphrases,
    thresholds,
    curve: curveOf(pooled, paraphrases, [0.5, 0.55, 0.6, 0.65, 0.7]),
  };
}

function curveOf(scored: readonly { score: number; label: number }[], positives: number, recalls: readonly number[]): { recall: number; precision: number }[] {
  const order = scored.filter((s) => s.score >= 0).sort((a, b) => b.score - a.score);
  const out: { recall: number; precision: number }[] = [];
  let tp = 0;
  let fp = 0;
  let r = 0;
  for (const s of order) {
    if (s.label === 1) tp++;
    else fp++;
    while (r < recalls.length && tp >= recalls[r]! * positives) out.push({ recall: recalls[r++]!, precision: tp / (tp + fp) });
  }
  return out;
}

export function formatClaimEval(r: ClaimEvalReport): string {
  const pct = (x: number) => (x * 100).toFixed(1);
  return [
    `Claims (MSRP training split, ${r.folds}-fold cross-validation, ${r.pairs} pairs, ${r.paraphrases} paraphrases):`,
    `  precision ${pct(r.precision)}%  recall ${pct(r.recall)}%  at each fold's thresholds (claims of ≤ 7, 8–10, more content words) chosen by inner cross-validation on the other folds: ${r.thresholds.map((t) => t.map((x) => x.toFixed(3)).join('/')).join(', ')}`,
    `  (${r.truePositives} found, ${r.falsePositives} false, ${r.crossPairFalsePositives} of them in another pair's sentence, ${r.duplicateFalsePositives} of those word for word the claim or its pair's sentence; ${r.candidates} candidates scored)`,
    `  precision within pairs (other pairs' sentences not counted) ${pct(r.truePositives / Math.max(1, r.truePositives + r.falsePositives - r.crossPairFalsePositives))}%`,
    // Not the metric (above, strict): the same finds with the other pairs' sentences that are word
    // for word the claim or its pair's other sentence left out of the count, as if the pool held
    // each sentence once.
    `  precision with word-for-word duplicate sentences of other pairs not counted ${pct(r.truePositives / Math.max(1, r.truePositives + r.falsePositives - r.duplicateFalsePositives))}%`,
    // Not the metric either: of those duplicates, the ones that say what the claim says (word for
    // word the claim, or word for word a sentence labelled its paraphrase) are right finds by the
    // issue's own definition of a restatement; only the count's rule calls them false.
    `  of those duplicates, ${r.restatingDuplicates} are word for word the claim itself or a sentence labelled its paraphrase (a restatement by definition); counted as found, not false, precision would be ${pct((r.truePositives + r.restatingDuplicates) / Math.max(1, r.truePositives + r.falsePositives))}% (the headline above stays strict)`,
    // The curve: pooled held-out scores at other thresholds (read off the folds themselves, so a
    // picture of the trade-off, not an operating point).
    `  strict precision / recall curve of the held-out scores under one threshold for all lengths: ${r.curve.map((c) => `${pct(c.precision)}% at ${pct(c.recall)}%`).join(', ')}`,
  ].join('\n');
}
