// The pairs read the way the eval, and a page, reads them: each pair's first sentence is a claim, and
// the claim finder runs over every sentence of the pool. Each find is kept with whose claim and
// whose sentence it is, so that any sub-pool (a fold, the other folds) is a filter of one pass:
// the finder decides per claim, whatever else the list holds.
import { createClaimFinder } from '../../core/claims/finder';
import { pairFeatures, type WordWeight } from '../../core/claims/features';
import type { SynonymTable } from '../../core/claims/synonyms';
import { analyze, type Analysis } from '../../core/claims/text';
import type { WordVectors } from '../../core/claims/vectors';
import type { Pair } from './msrp';

/**
 * How a find counts: `own` the claim's own pair's second sentence (true when the pair is a
 * paraphrase), `cross` another pair's sentence (false), `duplicate` another pair's sentence word
 * for word the claim or its pair's second sentence (false in the count too, told apart in reports).
 */
export type FindKind = 'own' | 'cross' | 'duplicate';

export interface Find {
  claim: number;
  /** The pair the sentence belongs to. */
  owner: number;
  kind: FindKind;
  values: number[];
  veto: boolean;
  /** The sentence as the finder cut it. */
  sentence: string;
  /** The claim's length in content words (thresholds go by it). */
  claimWords: number;
}

/** Word for word the same, punctuation and case aside. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\W+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

export function poolFinds(pairs: readonly Pair[], table: SynonymTable, weight: WordWeight, vectors?: WordVectors): Find[] {
  const claims = pairs.map((pair, i) => ({ id: String(i), statement: pair.first, cues: [] }));
  const finder = createClaimFinder(claims);
  const analyses = new Map<string, Analysis>();
  const analysis = (s: string) => {
    let a = analyses.get(s);
    if (!a) analyses.set(s, (a = analyze(s)));
    return a;
  };
  const finds: Find[] = [];
  pairs.forEach((pair, owner) => {
    for (const [which, sentence] of [['first', pair.first], ['second', pair.second]] as const) {
      for (const mention of finder.findClaims(sentence)) {
        const claim = Number(mention.claimId);
        if (claim === owner && which === 'first') continue; // the claim's own sentence
        const kind: FindKind =
          claim === owner ? 'own' : sameWords(sentence, pairs[claim]!.first) || sameWords(sentence, pairs[claim]!.second) ? 'duplicate' : 'cross';
        const features = pairFeatures(analysis(pairs[claim]!.first), analysis(mention.sentence), table, weight, vectors);
        finds.push({ claim, owner, kind, values: features.values, veto: features.veto !== undefined, sentence: mention.sentence, claimWords: analysis(pairs[claim]!.first).content.length });
      }
    }
  });
  return finds;
}
