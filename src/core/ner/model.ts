// The recogniser's weights and the tagger that reads them: a greedy left-to-right averaged
// perceptron over BIO tags (B-PER, I-PER, B-ORG, …, O). The shipped model is a small binary file
// (see src/data/ner/README.md): a JSON header, the sorted 32-bit hashes of the kept features and
// one signed 16-bit weight per feature and tag, times a scale. Pure: the caller supplies the bytes.
import { fnv1a } from './hash';
import { caseHabits, contextFeatures, isHeadline, norm, ownFeatures, shortShape, type CaseHabit } from './features';
import { gazetteerFeatures } from './gazetteer';

export interface Weights {
  readonly tags: readonly string[];
  /** Adds the weights of one feature (by hash) to `scores`, one per tag. */
  add(hash: number, scores: Float64Array): void;
}

interface Header {
  format: 'dossier-ner';
  version: 1;
  tags: string[];
  features: number;
  scale: number;
}

const MAGIC = 'DNER';

export class NerModel implements Weights {
  /**
   * Feature hash → row + 1, by open addressing over typed arrays: several times faster than a
   * Map keyed by numbers above 2^31 or a search of the sorted hashes, and nothing to collect.
   */
  private readonly slots: Int32Array;
  private readonly keys: Uint32Array;
  private readonly mask: number;

  private constructor(readonly tags: readonly string[], hashes: Uint32Array, private readonly weights: Int16Array, private readonly scale: number) {
    let size = 1024;
    while (size < hashes.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.keys = new Uint32Array(size);
    this.count = hashes.length;
    for (let i = 0; i < hashes.length; i++) {
      let at = hashes[i]! & this.mask;
      while (this.slots[at] !== 0) at = (at + 1) & this.mask;
      this.slots[at] = i + 1;
      this.keys[at] = hashes[i]!;
    }
  }

  private readonly count: number;

  /** Reads a model file; throws on anything that is not one. */
  static fromBytes(bytes: Uint8Array): NerModel {
    if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a Dossier NER model');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(4, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
    if (header.format !== 'dossier-ner' || header.version !== 1 || !Array.isArray(header.tags) || !Number.isInteger(header.features) || typeof header.scale !== 'number') {
      throw new Error('unsupported NER model header');
    }
    const n = header.features;
    const t = header.tags.length;
    let at = 8 + headerLength;
    at += (4 - (at % 4)) % 4;
    if (bytes.length < at + n * 4 + n * t * 2) throw new Error('truncated NER model');
    // Copy to aligned buffers: the file's bytes may sit at any offset.
    const hashes = new Uint32Array(n);
    for (let i = 0; i < n; i++) hashes[i] = view.getUint32(at + i * 4, true);
    at += n * 4;
    const weights = new Int16Array(n * t);
    for (let i = 0; i < n * t; i++) weights[i] = view.getInt16(at + i * 2, true);
    return new NerModel(header.tags, hashes, weights, header.scale);
  }

  /** Writes a model file (used by the training script). */
  static toBytes(tags: readonly string[], entries: readonly { hash: number; weights: ArrayLike<number> }[]): Uint8Array {
    const sorted = [...entries].sort((a, b) => a.hash - b.hash);
    let max = 0;
    for (const e of sorted) for (let k = 0; k < tags.length; k++) max = Math.max(max, Math.abs(e.weights[k]!));
    const scale = max / 32767 || 1;
    const header: Header = { format: 'dossier-ner', version: 1, tags: [...tags], features: sorted.length, scale };
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    let at = 8 + headerBytes.length;
    const pad = (4 - (at % 4)) % 4;
    const out = new Uint8Array(at + pad + sorted.length * (4 + 2 * tags.length));
    out.set(new TextEncoder().encode(MAGIC), 0);
    const view = new DataView(out.buffer);
    view.setUint32(4, headerBytes.length, true);
    out.set(headerBytes, 8);
    at += pad;
    sorted.forEach((e, i) => view.setUint32(at + i * 4, e.hash, true));
    at += sorted.length * 4;
    sorted.forEach((e, i) => {
      for (let k = 0; k < tags.length; k++) view.setInt16(at + (i * tags.length + k) * 2, Math.round(e.weights[k]! / scale), true);
    });
    return out;
  }

  get size(): number {
    return this.count;
  }

  add(hash: number, scores: Float64Array): void {
    let at = hash & this.mask;
    let slot = this.slots[at]!;
    while (slot !== 0 && this.keys[at] !== hash) {
      at = (at + 1) & this.mask;
      slot = this.slots[at]!;
    }
    if (slot === 0) return;
    const t = this.tags.length;
    const base = (slot - 1) * t;
    for (let k = 0; k < t; k++) scores[k]! += this.weights[base + k]! * this.scale;
  }
}

/** May tag `next` follow tag `prev`? An I-X continues only a B-X or I-X. */
export function allowed(prev: string, next: string): boolean {
  return !next.startsWith('I-') || prev.slice(2) === next.slice(2) && prev !== 'O';
}

/** The features that tie a word's tag to the previous word's tag. */
export function transitionFeatures(prev: string, lower: string): string[] {
  return ['t1=' + prev, 't1l=' + prev + '|' + lower];
}

export interface PreparedSentence {
  words: string[];
  /** Hashes of each word's tag-independent features. */
  hashes: Uint32Array[];
  lowers: string[];
}

/** Features of every word of a document's sentences, hashed once. */
export function prepareDocument(sentences: readonly string[][]): PreparedSentence[] {
  const habits: Map<string, CaseHabit> = caseHabits({ sentences: sentences as string[][] });
  const own = new Map<string, number[]>();
  return sentences.map((words) => {
    const headline = isHeadline(words);
    const gaz = gazetteerFeatures(words.map((w) => w.toLowerCase().replace(/[’‘]/gu, "'")));
    return {
      words: [...words],
      lowers: words.map(norm),
      hashes: words.map((w, i) => {
        const key = (headline ? 'H' : '') + w;
        let mine = own.get(key);
        if (!mine) own.set(key, (mine = ownFeatures(w, headline, habits).map(fnv1a)));
        const context = contextFeatures(words, i, headline, habits);
        for (const g of gaz[i]!) context.push(g, g + '|' + (headline ? 'H' : shortShape(w)));
        const out = new Uint32Array(mine.length + context.length);
        out.set(mine);
        for (let k = 0; k < context.length; k++) out[mine.length + k] = fnv1a(context[k]!);
        return out;
      }),
    };
  });
}

const allowedTables = new WeakMap<readonly string[], Uint8Array>();

/** allowed(prev, next) for every pair: row 0 is the sentence start, row j the tag j - 1. */
function allowedTable(tags: readonly string[]): Uint8Array {
  let table = allowedTables.get(tags);
  if (!table) {
    const starts = ['<s>', ...tags];
    table = new Uint8Array(starts.length * tags.length);
    starts.forEach((p, j) => tags.forEach((n, k) => (table![j * tags.length + k] = allowed(p, n) ? 1 : 0)));
    allowedTables.set(tags, table);
  }
  return table;
}

/**
 * The best tag sequence of one sentence (Viterbi over first-order tag transitions): each word's
 * own features score every tag, and the transition features score each pair of tags. `cache`
 * keeps each word's transition scores (for every previous tag) across sentences.
 */
export function tagSentence(w: Weights, s: PreparedSentence, cache: Map<string, Float64Array> = new Map()): string[] {
  const tags = w.tags;
  const t = tags.length;
  const n = s.words.length;
  if (n === 0) return [];
  const starts = ['<s>', ...tags];
  const ok = allowedTable(tags);
  const best = new Float64Array(n * t);
  const back = new Int16Array(n * t);
  const own = new Float64Array(t);
  for (let i = 0; i < n; i++) {
    own.fill(0);
    for (const h of s.hashes[i]!) w.add(h, own);
    const lower = s.lowers[i]!;
    let trans = cache.get(lower);
    if (!trans) {
      trans = new Float64Array(starts.length * t);
      starts.forEach((prev, j) => {
        for (const f of transitionFeatures(prev, lower)) w.add(fnv1a(f), trans!.subarray(j * t, j * t + t));
      });
      cache.set(lower, trans);
    }
    for (let k = 0; k < t; k++) best[i * t + k] = -Infinity;
    const from = i === 0 ? 0 : 1;
    const to = i === 0 ? 1 : starts.length;
    for (let j = from; j < to; j++) {
      const before = i === 0 ? 0 : best[(i - 1) * t + j - 1]!;
      if (before === -Infinity) continue;
      for (let k = 0; k < t; k++) {
        if (ok[j * t + k] === 0) continue;
        const v = before + own[k]! + trans[j * t + k]!;
        if (v > best[i * t + k]!) {
          best[i * t + k] = v;
          back[i * t + k] = j - 1;
        }
      }
    }
  }
  let k = 0;
  for (let j = 1; j < t; j++) if (best[(n - 1) * t + j]! > best[(n - 1) * t + k]!) k = j;
  const out = new Array<string>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = tags[k]!;
    k = back[i * t + k]!;
  }
  return out;
}
