// Alignment features of a (claim, sentence) pair: what each side says that the other does not.
// MSRP's non-paraphrases and a story's other sentences share most of a claim's words but add or
// drop a clause, a name, a figure or an attribution; these count and weigh the words left without
// a partner (after matching words exactly, by lemma or through WordNet), how long the longest run
// of them is (a whole added clause), how telling the rarest of them is, and how far apart the two
// are as edits (a TER-like word edit distance, a METEOR-like fragmentation).
import type { Analysis } from './text';

export const ALIGN_FEATURE_NAMES = [
  'claimLeftWeight', 'sentenceLeftWeight', 'claimLeftMax', 'sentenceLeftMax',
  'claimLeftRun', 'sentenceLeftRun', 'claimLeftNames', 'sentenceLeftNames',
  'wordEdits', 'contentEdits', 'fragmentation', 'meteor',
  'commonSubstring', 'attributionDiffers', 'commasDiffer', 'quotesDiffer',
] as const;

/** Whether two lower-cased content words stand for each other (features.ts decides). */
export type WordsMatch = (a: string, b: string) => boolean;

export interface Alignment {
  /** For each claim content word, the sentence word it is aligned to (-1: none). */
  link: number[];
  sentenceLinked: boolean[];
}

/** Greedy one-to-one alignment, exact words first, then matches, in order. */
export function align(a: readonly string[], b: readonly string[], matches: WordsMatch): Alignment {
  const link = new Array<number>(a.length).fill(-1);
  const taken = new Array<boolean>(b.length).fill(false);
  for (const pass of [0, 1]) {
    for (let i = 0; i < a.length; i++) {
      if (link[i] !== -1) continue;
      for (let j = 0; j < b.length; j++) {
        if (taken[j]) continue;
        if (pass === 0 ? a[i] === b[j] : matches(a[i]!, b[j]!)) {
          link[i] = j;
          taken[j] = true;
          break;
        }
      }
    }
  }
  return { link, sentenceLinked: taken };
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = [...Array(b.length + 1).keys()];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = previous[j - 1]! + 1;
        if (row[j]! > best) best = row[j]!;
      }
    }
    previous = row;
  }
  return best;
}

function longestRun(flags: readonly boolean[]): number {
  let best = 0;
  let run = 0;
  for (const f of flags) {
    run = f ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

const ATTRIBUTION = /\b(said|says|say|told|according|added|stated|announced|reported)\b/i;

/** `alignment`: align(claim.content, sentence.content, matches), when the caller has it already. */
export function alignmentFeatures(claim: Analysis, sentence: Analysis, matches: WordsMatch, weight: (word: string) => number, alignment?: Alignment): number[] {
  const a = claim.content;
  const b = sentence.content;
  const { link, sentenceLinked } = alignment ?? align(a, b, matches);
  const claimLeft = link.map((j) => j === -1);
  const sentenceLeft = sentenceLinked.map((linked) => !linked);
  const names = new Set([...claim.names, ...sentence.names]);
  const left = (words: readonly string[], flags: readonly boolean[]) => {
    let total = 0;
    let max = 0;
    let named = 0;
    words.forEach((w, i) => {
      if (!flags[i]) return;
      const x = weight(w);
      total += x;
      if (x > max) max = x;
      if (names.has(w)) named++;
    });
    return { total, max, named };
  };
  const cl = left(a, claimLeft);
  const sl = left(b, sentenceLeft);
  // Chunks: runs of claim words aligned to consecutive sentence words (METEOR's fragmentation).
  let matched = 0;
  let chunks = 0;
  for (let i = 0; i < a.length; i++) {
    if (link[i] === -1) continue;
    matched++;
    if (i === 0 || link[i - 1] === -1 || link[i - 1]! + 1 !== link[i]) chunks++;
  }
  const precision = matched / Math.max(1, b.length);
  const recall = matched / Math.max(1, a.length);
  const fmean = precision + recall === 0 ? 0 : (10 * precision * recall) / (recall + 9 * precision);
  const fragmentation = matched === 0 ? 1 : chunks / matched;
  const meteor = fmean * (1 - 0.5 * fragmentation ** 3);
  const words = (x: Analysis) => x.tokens.map((t) => t.lower);
  const wa = words(claim);
  const wb = words(sentence);
  const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
  const claimText = claim.text;
  const sentenceText = sentence.text;
  return [
    Math.log1p(cl.total),
    Math.log1p(sl.total),
    cl.max,
    sl.max,
    longestRun(claimLeft),
    longestRun(sentenceLeft),
    cl.named,
    sl.named,
    editDistance(wa, wb) / Math.max(1, wa.length, wb.length),
    editDistance(a, b) / Math.max(1, a.length, b.length),
    fragmentation,
    meteor,
    longestCommonRun(wa, wb) / Math.max(1, Math.min(wa.length, wb.length)),
    ATTRIBUTION.test(claimText) !== ATTRIBUTION.test(sentenceText) ? 1 : 0,
    Math.min(3, Math.abs(count(claimText, /,/g) - count(sentenceText, /,/g))),
    count(claimText, /["“”]/g) > 0 !== count(sentenceText, /["“”]/g) > 0 ? 1 : 0,
  ];
}
