// Meaning features of a (claim, sentence) pair from word vectors (vectors.ts). Of the words the
// exact and WordNet alignment (align.ts) leaves without a partner, how much weight the other side's
// leftovers explain (each leftover's best cosine among them): a swap of near-synonyms ("ousted" for
// "removed") leaves leftovers that mean the same, a different fact leaves leftovers that do not.
// Seven more (each side's soft coverage of all its words, the weakest word's, the centroid cosine,
// the leftovers' centroid cosine) measured no better and were dropped (README beside the model).
import { align, type WordsMatch } from './align';
import type { Analysis } from './text';
import type { WordVectors } from './vectors';

export const MEANING_FEATURE_NAMES = ['claimLeftUnexplained', 'sentenceLeftUnexplained', 'leftoverExplained'] as const;

export function meaningFeatures(claim: Analysis, sentence: Analysis, vectors: WordVectors, matches: WordsMatch, weight: (word: string) => number): number[] {
  const a = claim.content;
  const b = sentence.content;
  const ra = a.map((w) => vectors.rowOf(w));
  const rb = b.map((w) => vectors.rowOf(w));
  const { link, sentenceLinked } = align(a, b, matches);
  const claimLeft = link.map((j) => j === -1);
  const sentenceLeft = sentenceLinked.map((linked) => !linked);
  // Likeness of two leftovers: 1 if they match after all (the one-to-one alignment gave a repeated
  // word's partner away), else the vectors' cosine, 0 for a word without a vector.
  const like = (i: number, j: number) =>
    a[i] === b[j] || matches(a[i]!, b[j]!) ? 1 : ra[i]! >= 0 && rb[j]! >= 0 ? Math.max(0, vectors.cosine(ra[i]!, rb[j]!)) : 0;
  const unexplained = (words: readonly string[], left: readonly boolean[], otherLeft: readonly boolean[], likeness: (i: number, j: number) => number) => {
    let total = 0;
    let explained = 0;
    let weights = 0;
    words.forEach((w, i) => {
      if (!left[i]) return;
      let best = 0;
      otherLeft.forEach((o, j) => {
        if (o) best = Math.max(best, likeness(i, j));
      });
      total += weight(w) * (1 - best);
      explained += weight(w) * best;
      weights += weight(w);
    });
    return { total, explained: weights === 0 ? 1 : explained / weights };
  };
  const cu = unexplained(a, claimLeft, sentenceLeft, like);
  const su = unexplained(b, sentenceLeft, claimLeft, (j, i) => like(i, j));
  return [Math.log1p(cu.total), Math.log1p(su.total), Math.min(cu.explained, su.explained)];
}
