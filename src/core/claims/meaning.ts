// Meaning features of a (claim, sentence) pair from word vectors (vectors.ts): how well each side's
// words are covered by words of like meaning on the other side, weighted by how telling each word
// is, and, of the words the exact and WordNet alignment (align.ts) leaves without a partner, how
// close the two sides' leftovers are: a swap of near-synonyms ("ousted" for "removed") leaves
// leftovers that mean the same, a different fact leaves leftovers that do not.
import { align, type WordsMatch } from './align';
import type { Analysis } from './text';
import type { WordVectors } from './vectors';

export const MEANING_FEATURE_NAMES = [
  'claimSoft', 'sentenceSoft', 'bothSoft', 'claimWeakest', 'sentenceWeakest', 'centroid',
  'claimLeftUnexplained', 'sentenceLeftUnexplained', 'leftoverCentroid', 'leftoverBest',
] as const;

function centroidCosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k]! * b[k]!;
    na += a[k]! ** 2;
    nb += b[k]! ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function meaningFeatures(claim: Analysis, sentence: Analysis, vectors: WordVectors, matches: WordsMatch, weight: (word: string) => number): number[] {
  const a = claim.content;
  const b = sentence.content;
  const ra = a.map((w) => vectors.rowOf(w));
  const rb = b.map((w) => vectors.rowOf(w));
  // Likeness of every claim word to every sentence word: 1 for words the alignment matches (the
  // same word, lemma or WordNet sense), else the vectors' cosine (0 for a word without a vector).
  const like = a.map((x, i) =>
    b.map((y, j) => (x === y || matches(x, y) ? 1 : ra[i]! >= 0 && rb[j]! >= 0 ? Math.max(0, vectors.cosine(ra[i]!, rb[j]!)) : 0)),
  );
  const claimBest = a.map((_, i) => Math.max(0, ...like[i]!));
  const sentenceBest = b.map((_, j) => Math.max(0, ...a.map((__, i) => like[i]![j]!)));
  const soft = (words: readonly string[], best: readonly number[]) => {
    let total = 0;
    let covered = 0;
    words.forEach((w, i) => {
      total += weight(w);
      covered += weight(w) * best[i]!;
    });
    return total === 0 ? 1 : covered / total;
  };
  const claimSoft = soft(a, claimBest);
  const sentenceSoft = soft(b, sentenceBest);
  const sum = (words: readonly string[], rows: readonly number[], keep: (i: number) => boolean) => {
    const v = new Float64Array(vectors.dims);
    rows.forEach((row, i) => {
      if (row >= 0 && keep(i)) vectors.addTo(v, row, weight(words[i]!));
    });
    return v;
  };
  // The leftovers of the exact and WordNet alignment, and how much of their weight the other
  // side's leftovers explain.
  const { link, sentenceLinked } = align(a, b, matches);
  const claimLeft = link.map((j) => j === -1);
  const sentenceLeft = sentenceLinked.map((linked) => !linked);
  const unexplained = (words: readonly string[], left: readonly boolean[], otherLeft: readonly boolean[], likeness: (i: number, j: number) => number) => {
    let total = 0;
    let bestSum = 0;
    let weightSum = 0;
    words.forEach((w, i) => {
      if (!left[i]) return;
      let best = 0;
      otherLeft.forEach((o, j) => {
        if (o) best = Math.max(best, likeness(i, j));
      });
      total += weight(w) * (1 - best);
      bestSum += weight(w) * best;
      weightSum += weight(w);
    });
    return { total, best: weightSum === 0 ? 1 : bestSum / weightSum };
  };
  const cu = unexplained(a, claimLeft, sentenceLeft, (i, j) => like[i]![j]!);
  const su = unexplained(b, sentenceLeft, claimLeft, (j, i) => like[i]![j]!);
  const anyLeft = (flags: readonly boolean[]) => flags.some(Boolean);
  const leftoverCentroid =
    !anyLeft(claimLeft) && !anyLeft(sentenceLeft)
      ? 1
      : !anyLeft(claimLeft) || !anyLeft(sentenceLeft)
        ? 0
        : centroidCosine(sum(a, ra, (i) => claimLeft[i]!), sum(b, rb, (j) => sentenceLeft[j]!));
  return [
    claimSoft,
    sentenceSoft,
    Math.min(claimSoft, sentenceSoft),
    claimBest.length === 0 ? 1 : Math.min(...claimBest),
    sentenceBest.length === 0 ? 1 : Math.min(...sentenceBest),
    centroidCosine(sum(a, ra, () => true), sum(b, rb, () => true)),
    Math.log1p(cu.total),
    Math.log1p(su.total),
    leftoverCentroid,
    Math.min(cu.best, su.best),
  ];
}
