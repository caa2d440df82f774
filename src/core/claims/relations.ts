// Whether two words are related at all, by WordNet (the relation table the training script builds
// from it: wordnet-relations.ts), and the claim's words a sentence swaps for a word nothing
// relates them to. A sentence that keeps a claim word for word but one word, put in that word's
// place, says something else when nothing relates the two ("attend" and "skip", "friend" and
// "enemy", "visit" and "funeral"); one whose swapped word is a synonym, a more general or more
// specific word, or the word's verb or noun, restates it. MSRP's paraphrases often differ by one
// word, so the lexical model alone takes any one changed word for a paraphrase; but WordNet leaves
// many of their swaps unrelated too ("announced" and "unveiled"), so an unrelated swap is only a
// feature the model weighs. A swap for a word of the opposite sense (`contrasts`: WordNet's
// antonyms, through synonyms, similar adjectives and one more general sense) is a hard rule.
import { lemmaCandidates } from './text';

/** As stored: one line per word, "word own ... | near ... | wide ... | opposite ...", ids in base 36. */
export interface RelationData {
  words: string;
}

interface Entry {
  own: readonly number[];
  near: readonly number[];
  wide: readonly number[];
  opposite: readonly number[];
}

type Senses = { [K in keyof Entry]: Set<number> };

const ids = (field: string | undefined): number[] => (field ? field.split(' ').map((v) => parseInt(v, 36)) : []);

export class RelationTable {
  /**
   * The table's lines, sorted by word (the builder sorts them): a word is found by binary search and
   * parsed when first asked for, so loading the model does not parse 17,000 lines it may never read.
   */
  private readonly lines: readonly string[];
  private readonly cache = new Map<string, Senses | null>();

  constructor(data: RelationData) {
    const lines = data.words.split('\n');
    const key = (line: string) => line.slice(0, line.indexOf(' ') >>> 0);
    let sorted = true;
    for (let i = 1; i < lines.length && sorted; i++) if (key(lines[i - 1]!) > key(lines[i]!)) sorted = false;
    this.lines = sorted ? lines : lines.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }

  private entry(lemma: string): Entry | undefined {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const line = this.lines[mid]!;
      const space = line.indexOf(' ');
      const word = space === -1 ? line : line.slice(0, space);
      if (word === lemma) {
        const [head = '', near, wide, opposite] = line.split('|').map((field) => field.trim());
        return { own: ids(head.slice(space + 1)), near: ids(near), wide: ids(wide), opposite: ids(opposite) };
      }
      if (word < lemma) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The senses of a lower-cased word and those linked to them, through its lemmas; null when WordNet lacks it. */
  private of(word: string): Senses | null {
    const kept = this.cache.get(word);
    if (kept !== undefined) return kept;
    let found: Senses | null = null;
    for (const lemma of lemmaCandidates(word)) {
      const e = this.entry(lemma);
      if (!e) continue;
      found ??= { own: new Set(), near: new Set(), wide: new Set(), opposite: new Set() };
      for (const key of ['own', 'near', 'wide', 'opposite'] as const) for (const v of e[key]) found[key].add(v);
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  /** Whether WordNet knows the word (only then can it say two words are unrelated). */
  knows(word: string): boolean {
    return this.of(word) !== null;
  }

  /** A sense in common, or one word's sense one link from the other's. */
  related(a: string, b: string): boolean {
    const x = this.of(a);
    const y = this.of(b);
    if (!x || !y) return false;
    for (const v of x.own) if (y.own.has(v) || y.near.has(v)) return true;
    for (const v of y.own) if (x.near.has(v)) return true;
    return false;
  }

  /** One word's opposite sense is among the other's own, more general or similar senses ("friend", "enemy"). */
  contrasts(a: string, b: string): boolean {
    const x = this.of(a);
    const y = this.of(b);
    if (!x || !y) return false;
    for (const v of x.opposite) if (y.wide.has(v)) return true;
    for (const v of y.opposite) if (x.wide.has(v)) return true;
    return false;
  }
}

export interface Substitution {
  /** Index of the claim's content word. */
  claim: number;
  /** Indices of the sentence's content words in its place (left without a partner). */
  sentence: number[];
}

/**
 * The claim's content words left without a partner that face, in the same place (between the same
 * aligned neighbours), sentence words also left without one: the words the sentence swapped.
 * `link[i]` is the sentence word claim word i is aligned to, -1 for none (align.ts).
 */
export function substitutions(link: readonly number[], sentenceLinked: readonly boolean[]): Substitution[] {
  const out: Substitution[] = [];
  let i = 0;
  while (i < link.length) {
    if (link[i] !== -1) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < link.length && link[j + 1] === -1) j++;
    const before = i === 0 ? -1 : link[i - 1]!;
    const after = j + 1 >= link.length ? sentenceLinked.length : link[j + 1]!;
    const facing: number[] = [];
    for (let k = before + 1; k < after; k++) if (!sentenceLinked[k]) facing.push(k);
    // Neighbours crossed over (a reordered sentence) or nothing in between: no place to compare.
    if (before < after && facing.length > 0) for (let c = i; c <= j; c++) out.push({ claim: c, sentence: facing });
    i = j + 1;
  }
  return out;
}

/** Words in a claim word's place beyond this are a reworded clause, not a swapped word. */
export const MAX_FACING = 2;

/** A substitution whose claim word contrasts with a word put in its place, and nothing else relates them. */
export function opposed(
  claimWords: readonly string[],
  sentenceWords: readonly string[],
  subs: readonly Substitution[],
  table: RelationTable,
  names: ReadonlySet<string>,
): Substitution | undefined {
  return subs.find((s) => {
    const word = claimWords[s.claim]!;
    if (names.has(word) || s.sentence.length > MAX_FACING) return false;
    return s.sentence.some((k) => {
      const other = sentenceWords[k]!;
      return !names.has(other) && table.contrasts(word, other) && !table.related(word, other);
    });
  });
}

/** Each substitution whose claim word nothing relates to any word put in its place (both known to WordNet). */
export function unexplained(
  claimWords: readonly string[],
  sentenceWords: readonly string[],
  subs: readonly Substitution[],
  table: RelationTable,
  names: ReadonlySet<string>,
): Substitution[] {
  return subs.filter((s) => {
    const word = claimWords[s.claim]!;
    if (names.has(word) || !table.knows(word)) return false;
    const facing = s.sentence.map((k) => sentenceWords[k]!).filter((w) => !names.has(w) && table.knows(w));
    return facing.length > 0 && !facing.some((w) => table.related(word, w));
  });
}

export const SENSE_FEATURE_NAMES = ['unexplainedSwaps', 'unexplainedSwapWeight', 'oppositeSwaps'] as const;

/**
 * The swapped words' features (how many claim words a word nothing relates to took the place of,
 * their weight, how many took a word of the opposite sense) and that opposite swap, if any. Zeros
 * without a relation table (an older model).
 */
export function senseFeatures(
  claimWords: readonly string[],
  sentenceWords: readonly string[],
  alignment: { link: readonly number[]; sentenceLinked: readonly boolean[] },
  table: RelationTable | undefined,
  names: ReadonlySet<string>,
  weight: (word: string) => number,
): { values: number[]; opposite: Substitution | undefined } {
  if (!table) return { values: [0, 0, 0], opposite: undefined };
  const subs = substitutions(alignment.link, alignment.sentenceLinked);
  const loose = unexplained(claimWords, sentenceWords, subs, table, names);
  const opposite = opposed(claimWords, sentenceWords, subs, table, names);
  const oppositeCount = subs.filter((s) => opposed(claimWords, sentenceWords, [s], table, names)).length;
  const looseWeight = loose.reduce((sum, s) => sum + weight(claimWords[s.claim]!), 0);
  return { values: [Math.min(3, loose.length), Math.log1p(looseWeight), Math.min(2, oppositeCount)], opposite };
}
