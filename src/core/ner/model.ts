// The recogniser's weights and the tagger that reads them: a greedy left-to-right averaged
// perceptron over BIO tags (B-PER, I-PER, B-ORG, …, O). The shipped model is a small binary file
// (see src/data/ner/README.md): a JSON header, the sorted 32-bit hashes of the kept features and
// one signed 16-bit weight per feature and tag, times a scale. Pure: the caller supplies the bytes.
import { fnv1a } from './hash';
import { caseHabits, isHeadline, norm, wordFeatures, type CaseHabit } from './features';

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
  private constructor(readonly tags: readonly string[], private readonly hashes: Uint32Array, private readonly weights: Int16Array, private readonly scale: number) {}

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
    return this.hashes.length;
  }

  add(hash: number, scores: Float64Array): void {
    const hashes = this.hashes;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = hashes[mid]!;
      if (h < hash) lo = mid + 1;
      else if (h > hash) hi = mid - 1;
      else {
        const t = this.tags.length;
        const base = mid * t;
        for (let k = 0; k < t; k++) scores[k]! += this.weights[base + k]! * this.scale;
        return;
      }
    }
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
  return sentences.map((words) => {
    const headline = isHeadline(words);
    return {
      words: [...words],
      lowers: words.map(norm),
      hashes: words.map((_, i) => Uint32Array.from(wordFeatures(words, i, headline, habits), fnv1a)),
    };
  });
}

/**
 * The best tag sequence of one sentence (Viterbi over first-order tag transitions): each word's
 * own features score every tag, and the transition features score each pair of tags.
 */
export function tagSentence(w: Weights, s: PreparedSentence): string[] {
  const tags = w.tags;
  const t = tags.length;
  const n = s.words.length;
  if (n === 0) return [];
  const starts = ['<s>', ...tags];
  const best = new Float64Array(n * t);
  const back = new Int16Array(n * t);
  const own = new Float64Array(t);
  const trans = new Float64Array(t);
  for (let i = 0; i < n; i++) {
    own.fill(0);
    for (const h of s.hashes[i]!) w.add(h, own);
    for (let k = 0; k < t; k++) best[i * t + k] = -Infinity;
    const prevs = i === 0 ? [0] : starts.map((_, j) => j).slice(1);
    for (const pj of prevs) {
      const prev = starts[pj]!;
      const before = i === 0 ? 0 : best[(i - 1) * t + pj - 1]!;
      if (before === -Infinity) continue;
      trans.fill(0);
      for (const f of transitionFeatures(prev, s.lowers[i]!)) w.add(fnv1a(f), trans);
      for (let k = 0; k < t; k++) {
        if (!allowed(prev, tags[k]!)) continue;
        const v = before + own[k]! + trans[k]!;
        if (v > best[i * t + k]!) {
          best[i * t + k] = v;
          back[i * t + k] = pj - 1;
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
