// Features of a (claim, sentence) pair for the restatement model, and the hard rules that veto it:
// a changed figure or date, the opposite polarity, or other actors in the claim's place is never a
// restatement however many words the two share.
import { ALIGN_FEATURE_NAMES, align, alignmentFeatures } from './align';
import { MEANING_FEATURE_NAMES, meaningFeatures } from './meaning';
import { SURFACE_FEATURE_NAMES, surfaceFeatures } from './surface';
import type { SynonymTable } from './synonyms';
import { actorsChanged } from './actor-veto';
import { saysTheOpposite } from './opposites';
import { unitFigureChanged } from './unit-figures';
import { SENSE_FEATURE_NAMES, senseFeatures } from './relations';
import { actorKey, lemmaCandidates as lemmasOf, type Analysis, type Figure } from './text';
import type { WordVectors } from './vectors';

/** Lemmas per word, kept: one sentence meets many claims, and each pair compares every word. */
const lemmaCache = new Map<string, string[]>();
function lemmaCandidates(word: string): string[] {
  let found = lemmaCache.get(word);
  if (!found) {
    if (lemmaCache.size > 100_000) lemmaCache.clear();
    lemmaCache.set(word, (found = lemmasOf(word)));
  }
  return found;
}

/** The features of a model without word vectors (the meaning features close the list of one with them). */
export const LEXICAL_FEATURE_NAMES = [
  'claimExact', 'claimAlike', 'sentenceExact', 'sentenceAlike', 'bothAlike',
  'claimExactWeighted', 'claimAlikeWeighted', 'sentenceExactWeighted', 'sentenceAlikeWeighted', 'bothAlikeWeighted',
  'claimUnmatchedWeight', 'sentenceUnmatchedWeight',
  'claimNames', 'sentenceNames', 'claimNamesMissing', 'sentenceNamesExtra',
  'figuresAgree', 'figuresMissing', 'figuresExtra', 'polarityDiffers', 'lengthRatio', 'bigrams', 'order',
  'claimUnmatched', 'sentenceUnmatched', 'longerClaim',
  ...SURFACE_FEATURE_NAMES,
  ...ALIGN_FEATURE_NAMES,
  ...SENSE_FEATURE_NAMES,
] as const;

export const FEATURE_NAMES = [...LEXICAL_FEATURE_NAMES, ...MEANING_FEATURE_NAMES] as const;

/** How telling a word is (an inverse document frequency); the model ships it. */
export type WordWeight = (word: string) => number;

export interface PairFeatures {
  values: number[];
  /** Why it matched, for the card. */
  actors: string[];
  figures: string[];
  alike: [string, string][];
  /** Set when a hard rule says no, whatever the model says. */
  veto?: 'figure' | 'polarity' | 'actors' | 'sense' | 'length';
}

type Match = 'exact' | 'alike' | null;

function matchWord(a: string, b: string, table: SynonymTable, names?: ReadonlySet<string>): Match {
  if (a === b) return 'exact';
  const la = lemmaCandidates(a);
  const lb = lemmaCandidates(b);
  if (la.some((x) => lb.includes(x)) || actorKey(a) === actorKey(b)) return 'exact';
  if (names && (names.has(a) || names.has(b))) return null;
  const sa = table.sensesOf(a);
  if (sa.size === 0) return null;
  for (const v of table.sensesOf(b)) if (sa.has(v)) return 'alike';
  return null;
}

function bestMatch(word: string, others: readonly string[], table: SynonymTable, names?: ReadonlySet<string>): { match: Match; at: number } {
  let found: { match: Match; at: number } = { match: null, at: -1 };
  for (let i = 0; i < others.length; i++) {
    const match = matchWord(word, others[i]!, table, names);
    if (match === 'exact') return { match, at: i };
    if (match === 'alike' && found.match === null) found = { match, at: i };
  }
  return found;
}

function sameActorIn(name: string, words: readonly string[]): boolean {
  const key = actorKey(name);
  const lemmas = lemmaCandidates(name);
  return words.some((w) => actorKey(w) === key || lemmaCandidates(w).some((l) => lemmas.includes(l)));
}

function sameFigure(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

interface Side {
  exact: number;
  alike: number;
  exactWeight: number;
  alikeWeight: number;
  totalWeight: number;
  /** Positions in the other side's words, in this side's order (for word order). */
  positions: number[];
}

function cover(words: readonly string[], others: readonly string[], table: SynonymTable, weight: WordWeight, names: ReadonlySet<string>, alikePairs?: [string, string][]): Side {
  const side: Side = { exact: 0, alike: 0, exactWeight: 0, alikeWeight: 0, totalWeight: 0, positions: [] };
  for (const word of words) {
    const w = weight(word);
    side.totalWeight += w;
    const { match, at } = bestMatch(word, others, table, names);
    if (match === null) continue;
    side.alike++;
    side.alikeWeight += w;
    side.positions.push(at);
    if (match === 'exact') {
      side.exact++;
      side.exactWeight += w;
    } else {
      alikePairs?.push([word, others[at]!]);
    }
  }
  return side;
}

/** Share of adjacent matched words that keep their order in the other sentence. */
function orderKept(positions: readonly number[]): number {
  if (positions.length < 2) return 1;
  let kept = 0;
  for (let i = 1; i < positions.length; i++) if (positions[i]! > positions[i - 1]!) kept++;
  return kept / (positions.length - 1);
}

function bigramKeys(words: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const key = (w: string) => lemmaCandidates(w).at(-1)!;
  for (let i = 0; i + 1 < words.length; i++) keys.add(`${key(words[i]!)} ${key(words[i + 1]!)}`);
  return keys;
}

/**
 * A restatement is a sentence, not a page: a "sentence" of far more words than the claim (a menu,
 * a page without full stops) holds every word of many claims without saying any of them.
 */
export function tooLong(claim: Analysis, sentence: Analysis): boolean {
  return sentence.content.length > 2.5 * claim.content.length + 12;
}

/** With `vectors`, the meaning features (meaning.ts) close the values; without, the values stop before them. */
export function pairFeatures(claim: Analysis, sentence: Analysis, table: SynonymTable, weight: WordWeight, vectors?: WordVectors): PairFeatures {
  if (tooLong(claim, sentence)) return { values: [], actors: [], figures: [], alike: [], veto: 'length' };
  const alike: [string, string][] = [];
  const names = new Set([...claim.names, ...sentence.names]);
  const c = cover(claim.content, sentence.content, table, weight, names, alike);
  const s = cover(sentence.content, claim.content, table, weight, names);
  const cn = Math.max(1, claim.content.length);
  const sn = Math.max(1, sentence.content.length);
  const cw = Math.max(1e-6, c.totalWeight);
  const sw = Math.max(1e-6, s.totalWeight);

  // Names match as names: the same word or the same actor (Moscow, Kremlin, Russian: Russia), never
  // through WordNet senses.
  const actors = claim.names.filter((n) => sameActorIn(n, sentence.content));
  const sentenceOwn = sentence.names.filter((n) => !sameActorIn(n, claim.content));
  const claimNames = claim.names.length === 0 ? 1 : actors.length / claim.names.length;
  const sentenceNames = sentence.names.length === 0 ? 1 : (sentence.names.length - sentenceOwn.length) / sentence.names.length;

  // A figure of the claim changed: the sentence gives figures of that kind (counts, years,
  // months), none of them one of the claim's. "Met 42 times" vs "met twice"; "February 2022" vs
  // "August 2008". Comparisons ("at least 50", "more than 50") keep the figure: they agree.
  const changed = claim.figures.filter(
    (f) =>
      sentence.figures.some((g) => g.kind === f.kind) &&
      !claim.figures.some((h) => h.kind === f.kind && sentence.figures.some((g) => sameFigure(h, g))),
  );
  // One figure agreeing does not cover another that changed: "3 killed and 12 injured" is not "3
  // killed and 15 injured". A claim figure the sentence lacks, where the sentence has a figure of
  // that kind the claim lacks, changed.
  if (changed.length === 0) {
    for (const f of claim.figures) {
      if (sentence.figures.some((g) => sameFigure(f, g))) continue;
      if (sentence.figures.some((g) => g.kind === f.kind && !claim.figures.some((h) => sameFigure(h, g)))) changed.push(f);
    }
  }
  const agreeing = claim.figures.filter((f) => sentence.figures.some((g) => sameFigure(f, g)));
  const missing = claim.figures.filter((f) => !sentence.figures.some((g) => g.kind === f.kind)).length;
  const extra = sentence.figures.filter((f) => !claim.figures.some((g) => sameFigure(f, g))).length;

  const claimBigrams = bigramKeys(claim.content);
  const sentenceBigrams = bigramKeys(sentence.content);
  let sharedBigrams = 0;
  for (const k of claimBigrams) if (sentenceBigrams.has(k)) sharedBigrams++;

  const polarityDiffers = claim.negated !== sentence.negated;
  const matches = (x: string, y: string) => matchWord(x, y, table, names) !== null;
  // Words swapped in the claim's words' places, and whether WordNet relates them (relations.ts).
  const alignment = align(claim.content, sentence.content, matches);
  const sense = senseFeatures(claim.content, sentence.content, alignment, table.relations, names, weight);
  const values = [
    c.exact / cn,
    c.alike / cn,
    s.exact / sn,
    s.alike / sn,
    Math.min(c.alike / cn, s.alike / sn),
    c.exactWeight / cw,
    c.alikeWeight / cw,
    s.exactWeight / sw,
    s.alikeWeight / sw,
    Math.min(c.alikeWeight / cw, s.alikeWeight / sw),
    Math.log1p(c.totalWeight - c.alikeWeight),
    Math.log1p(s.totalWeight - s.alikeWeight),
    claimNames,
    sentenceNames,
    claim.names.length - actors.length,
    sentenceOwn.length,
    claim.figures.length === 0 ? 0.5 : agreeing.length / claim.figures.length,
    missing > 0 ? 1 : 0,
    Math.min(3, extra),
    polarityDiffers ? 1 : 0,
    Math.min(cn, sn) / Math.max(cn, sn),
    claimBigrams.size + sentenceBigrams.size === 0 ? 0 : (2 * sharedBigrams) / (claimBigrams.size + sentenceBigrams.size),
    orderKept(c.positions),
    Math.log1p(claim.content.length - c.alike),
    Math.log1p(sentence.content.length - s.alike),
    cn > sn ? 1 : 0,
    ...surfaceFeatures(claim, sentence),
    ...alignmentFeatures(claim, sentence, matches, weight, alignment),
    ...sense.values,
    ...(vectors ? meaningFeatures(claim, sentence, vectors, matches, weight) : []),
  ];
  const result: PairFeatures = { values, actors, figures: agreeing.map(figureText), alike };
  if (changed.length > 0 || unitFigureChanged(claim, sentence)) result.veto = 'figure';
  else if (polarityDiffers || saysTheOpposite(claim.content, sentence.content)) result.veto = 'polarity';
  // Other actors in the claim's place (actor-veto.ts).
  else if (actorsChanged(claim, sentence))
    result.veto = 'actors';
  // A claim word swapped, in its place, for one of the opposite sense ("old friend", "old enemy").
  else if (sense.opposite) result.veto = 'sense';
  return result;
}

function figureText(f: Figure): string {
  if (f.kind === 'month') return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][f.value - 1]!;
  return f.kind === 'year' ? String(f.value) : f.value.toLocaleString('en-US');
}
