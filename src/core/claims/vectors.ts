// Word vectors for the claim scorer's meaning features: the most frequent words of GloVe 6B (see
// src/data/claim-model/README.md), reduced by PCA and stored as one signed byte per dimension. Only
// cosines are read, and a cosine ignores a vector's length, so each vector is stored scaled to fill
// the byte range and no scale is kept. Pure: the background, the CLI and the tests share it.
import { lemmaCandidates } from './text';

/** How the model file describes the vectors; the bytes themselves come in a file of their own. */
export interface VectorData {
  /** The words, one a line, in the order of the vectors. */
  words: string;
  dims: number;
  /** Where the build puts the bytes, beside the model (models/…). */
  file: string;
}

export class WordVectors {
  private readonly index = new Map<string, number>();
  /** Unit vectors, row by row. */
  private readonly unit: Float32Array;
  private readonly cache = new Map<string, number>();

  constructor(
    data: VectorData,
    bytes: Uint8Array,
  ) {
    const words = data.words.split('\n');
    if (bytes.length !== words.length * data.dims) throw new Error(`claim vectors: ${bytes.length} bytes for ${words.length} words of ${data.dims} dimensions`);
    words.forEach((w, i) => this.index.set(w, i));
    this.dims = data.dims;
    const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.unit = new Float32Array(signed.length);
    for (let i = 0; i < words.length; i++) {
      let norm = 0;
      for (let k = 0; k < data.dims; k++) norm += signed[i * data.dims + k]! ** 2;
      const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
      for (let k = 0; k < data.dims; k++) this.unit[i * data.dims + k] = signed[i * data.dims + k]! * scale;
    }
  }

  readonly dims: number;

  /** Row of a lower-cased word, through its lemmas ("invaded" finds "invade"); -1 when none. */
  rowOf(word: string): number {
    let row = this.cache.get(word);
    if (row !== undefined) return row;
    row = -1;
    for (const lemma of lemmaCandidates(word)) {
      const at = this.index.get(lemma);
      if (at !== undefined) {
        row = at;
        break;
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, row);
    return row;
  }

  cosine(a: number, b: number): number {
    let dot = 0;
    const d = this.dims;
    for (let k = 0; k < d; k++) dot += this.unit[a * d + k]! * this.unit[b * d + k]!;
    return dot;
  }

  /** Adds weight × the row's unit vector into `into`. */
  addTo(into: Float64Array, row: number, weight: number): void {
    const d = this.dims;
    for (let k = 0; k < d; k++) into[k]! += weight * this.unit[row * d + k]!;
  }
}
