// The synonym table the claim scorer ships (built from WordNet by the training script): two words
// are alike when they share a sense id. Lookups go through the word's morphy lemmas, so "invaded"
// finds "invade".
import { RelationTable } from './relations';
import { lemmaCandidates } from './text';

/** As stored: one line per word, "word id id ...", ids in base 36. */
export interface SynonymData {
  words: string;
  /** The wider relation table (relations.ts), for telling a changed word from a synonym; older models lack it. */
  related?: string;
}

export class SynonymTable {
  private readonly ids = new Map<string, readonly number[]>();
  private readonly cache = new Map<string, ReadonlySet<number>>();

  /** WordNet's wider relations, when the model ships them (relations.ts). */
  readonly relations: RelationTable | undefined;

  constructor(data: SynonymData) {
    this.relations = data.related === undefined ? undefined : new RelationTable({ words: data.related });
    for (const line of data.words.split('\n')) {
      const parts = line.split(' ');
      if (parts.length < 2) continue;
      this.ids.set(parts[0]!, parts.slice(1).map((v) => parseInt(v, 36)));
    }
  }

  /** The sense ids of a lower-cased word, through its lemmas; empty when WordNet has none. */
  sensesOf(word: string): ReadonlySet<number> {
    let found = this.cache.get(word);
    if (found) return found;
    const set = new Set<number>();
    for (const lemma of lemmaCandidates(word)) for (const v of this.ids.get(lemma) ?? []) set.add(v);
    found = set;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, found);
    return found;
  }

  private bySense: Map<number, string[]> | null = null;

  /** Words of the table that share a sense with `word` (for anchors); at most `limit`. */
  alike(word: string, limit: number): string[] {
    const senses = this.sensesOf(word);
    if (senses.size === 0) return [];
    if (!this.bySense) {
      this.bySense = new Map();
      for (const [other, ids] of this.ids) {
        for (const v of ids) {
          const list = this.bySense.get(v);
          if (list) list.push(other);
          else this.bySense.set(v, [other]);
        }
      }
    }
    const out = new Set<string>();
    for (const v of [...senses].sort((a, b) => a - b)) {
      for (const other of this.bySense.get(v) ?? []) {
        if (other === word || out.has(other)) continue;
        out.add(other);
        if (out.size >= limit) return [...out];
      }
    }
    return [...out];
  }
}

/** The word's lemmas, for exact matching across inflections. */
export function lemmaSet(word: string): string[] {
  return lemmaCandidates(word);
}
