// Hard negatives for training: each training pair's first sentence read as a claim against every
// other training pair's sentences, the way the evaluation (and a page) reads them. The sentences the
// claim finder picks there are of the same stories (MSRP groups a story's sentences), share the
// claim's rare words and mostly say something else: exactly the false finds the within-pair labels
// never show the model. A sentence word for word the claim or its own pair's other sentence (MSRP
// repeats sentences across pairs) is left out: it is a restatement, or no example at all.
import { createClaimFinder } from '../../core/claims';
import { pairFeatures, type WordWeight } from '../../core/claims/features';
import type { SynonymTable } from '../../core/claims/synonyms';
import { analyze } from '../../core/claims/text';
import type { Pair } from './msrp';

/** Word for word the same, punctuation and case aside. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\W+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Feature rows (all negatives) of the other pairs' sentences each claim is found in. */
export function hardNegativeRows(pairs: readonly Pair[], table: SynonymTable, weight: WordWeight): number[][] {
  const claims = pairs.map((pair, i) => ({ id: String(i), statement: pair.first, cues: [] }));
  const finder = createClaimFinder(claims);
  const rows: number[][] = [];
  pairs.forEach((pair, owner) => {
    for (const sentence of [pair.first, pair.second]) {
      for (const mention of finder.findClaims(sentence)) {
        const claim = Number(mention.claimId);
        if (claim === owner) continue;
        if (sameWords(sentence, pairs[claim]!.first) || sameWords(sentence, pairs[claim]!.second)) continue;
        const features = pairFeatures(analyze(pairs[claim]!.first), analyze(mention.sentence), table, weight);
        if (!features.veto) rows.push(features.values);
      }
    }
  });
  return rows;
}
