// Packs the cached GloVe vectors (vector-source.ts) into what the model ships: the `count` most
// frequent words, reduced to `dims` dimensions by PCA (centred on those words' mean, which also
// drops the direction every GloVe vector shares), one signed byte per dimension, each vector scaled
// to fill the byte range (only cosines are read). Deterministic: the covariance's eigenvectors come
// from cyclic Jacobi rotations, in a fixed order, each sign fixed.
import type { VectorData } from '../../core/claims/vectors';
import type { RawVectors } from './vector-source';

export const VECTORS_FILE = 'claim-vectors.bin';

/** Eigenvectors of a symmetric matrix (n × n, row by row), by descending eigenvalue. */
export function eigenvectors(matrix: Float64Array, n: number): { values: number[]; vectors: number[][] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((x, y) => a[y * n + y]! - a[x * n + x]! || x - y);
  return {
    values: order.map((i) => a[i * n + i]!),
    vectors: order.map((i) => {
      const column = [...Array(n).keys()].map((k) => v[k * n + i]!);
      // A sign of one's own: the largest coordinate positive.
      const largest = column.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      return largest < 0 ? column.map((x) => -x) : column;
    }),
  };
}

export function packVectors(raw: RawVectors, count: number, dims: number): { data: VectorData; bytes: Uint8Array } {
  const n = Math.min(count, raw.words.length);
  const d = raw.dims;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k]! += raw.values[i * d + k]! / n;
  const covariance = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) row[k] = raw.values[i * d + k]! - mean[k]!;
    for (let p = 0; p < d; p++) for (let q = p; q < d; q++) covariance[p * d + q]! += (row[p]! * row[q]!) / n;
  }
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) covariance[p * d + q] = covariance[q * d + p]!;
  const axes = eigenvectors(covariance, d).vectors.slice(0, dims);
  const bytes = new Uint8Array(n * dims);
  const signed = new Int8Array(bytes.buffer);
  const projected = new Float64Array(dims);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) row[k] = raw.values[i * d + k]! - mean[k]!;
    let largest = 0;
    axes.forEach((axis, j) => {
      let x = 0;
      for (let k = 0; k < d; k++) x += axis[k]! * row[k]!;
      projected[j] = x;
      largest = Math.max(largest, Math.abs(x));
    });
    for (let j = 0; j < dims; j++) signed[i * dims + j] = largest === 0 ? 0 : Math.round((127 * projected[j]!) / largest);
  }
  return { data: { words: raw.words.slice(0, n).join('\n'), dims, file: VECTORS_FILE }, bytes };
}
