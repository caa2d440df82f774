// Surface features of a (claim, sentence) pair, over every word (function words included): n-gram
// precision both ways (as BLEU counts it, clipped), character 4-gram overlap, the longest common
// word subsequence, the length difference and digits that differ. MSRP's non-paraphrases share most
// content words with their pair but add or drop a clause; these see how much of each side the other
// keeps word for word and in order.
import type { Analysis } from './text';

export const SURFACE_FEATURE_NAMES = [
  'unigramsClaim', 'unigramsSentence', 'bigramsClaim', 'bigramsSentence', 'trigramsClaim', 'trigramsSentence',
  'fourgramsClaim', 'fourgramsSentence', 'charFourgrams', 'subsequenceClaim', 'subsequenceSentence',
  'lengthDifference', 'digitsDiffer',
] as const;

function grams(words: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function clippedShared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let shared = 0;
  for (const [key, count] of a) shared += Math.min(count, b.get(key) ?? 0);
  return shared;
}

function charGrams(words: readonly string[], n: number): { counts: Map<string, number>; total: number } {
  const text = ` ${words.join(' ')} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= text.length; i++) {
    const key = text.slice(i, i + n);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, total: Math.max(0, text.length - n + 1) };
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function surfaceFeatures(claim: Analysis, sentence: Analysis): number[] {
  const a = claim.tokens.map((t) => t.lower);
  const b = sentence.tokens.map((t) => t.lower);
  const values: number[] = [];
  for (const n of [1, 2, 3, 4]) {
    const shared = clippedShared(grams(a, n), grams(b, n));
    values.push(shared / Math.max(1, a.length - n + 1), shared / Math.max(1, b.length - n + 1));
  }
  const ca = charGrams(a, 4);
  const cb = charGrams(b, 4);
  values.push((2 * clippedShared(ca.counts, cb.counts)) / Math.max(1, ca.total + cb.total));
  const common = longestCommonSubsequence(a, b);
  values.push(common / Math.max(1, a.length), common / Math.max(1, b.length));
  values.push(Math.log1p(Math.abs(a.length - b.length)));
  const digits = (words: readonly string[]) => new Set(words.filter((w) => /^\d/.test(w)));
  const da = digits(a);
  const db = digits(b);
  let differ = 0;
  for (const d of da) if (!db.has(d)) differ++;
  for (const d of db) if (!da.has(d)) differ++;
  values.push(Math.min(3, differ));
  return values;
}
