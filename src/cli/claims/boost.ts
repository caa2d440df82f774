// Gradient boosting of depth-limited regression trees on the log-loss (second-order, as XGBoost
// grows them), over features cut into quantile bins. No sampling, no randomness: the same rows
// give the same trees, byte for byte. Small on purpose (a few hundred shallow trees over ~50
// features); written here rather than taken from npm because the npm boosters either need native
// code or train with unseeded randomness, and the background only needs the 30-line reader in
// src/core/claims/trees.ts.
import type { TreeEnsemble } from '../../core/claims/trees';

export interface BoostOptions {
  trees: number;
  depth: number;
  rate: number;
  /** L2 on leaf values (XGBoost's lambda). */
  lambda: number;
  /** Least hessian (≈ rows) a leaf may hold. */
  minLeaf: number;
  bins: number;
}

export const BOOST_DEFAULTS: BoostOptions = { trees: 300, depth: 3, rate: 0.05, lambda: 1, minLeaf: 20, bins: 64 };

/** Cut points per feature: up to `bins` - 1 quantiles of the rows' distinct values. */
function cutsOf(rows: readonly number[][], feature: number, bins: number): number[] {
  const values = rows.map((r) => r[feature]!).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = values[Math.floor((b * values.length) / bins)]!;
    const prev = values[Math.floor((b * values.length) / bins) - 1]!;
    // Cut between two neighbouring values, so the threshold reads the same in training and use.
    const cut = round(prev === v ? v : (prev + v) / 2);
    if (cuts.length === 0 || cut > cuts.at(-1)!) cuts.push(cut);
  }
  return cuts;
}

function binOf(cuts: readonly number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function trainBoost(rows: readonly number[][], labels: readonly number[], weights: readonly number[] | null = null, options: Partial<BoostOptions> = {}): TreeEnsemble {
  const o = { ...BOOST_DEFAULTS, ...options };
  const n = rows.length;
  const d = rows[0]!.length;
  const w = weights ?? new Array<number>(n).fill(1);
  const cuts = [...Array(d).keys()].map((f) => cutsOf(rows, f, o.bins));
  const binned = rows.map((r) => r.map((x, f) => binOf(cuts[f]!, x)));
  let pos = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    pos += w[i]! * labels[i]!;
    total += w[i]!;
  }
  const p0 = Math.min(1 - 1e-6, Math.max(1e-6, pos / total));
  const base = Math.log(p0 / (1 - p0));
  const score = new Array<number>(n).fill(base);
  const g = new Array<number>(n);
  const h = new Array<number>(n);
  const model: TreeEnsemble = { depth: o.depth, base, features: [], thresholds: [], leaves: [] };
  const inner = 2 ** o.depth - 1;
  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = w[i]! * (p - labels[i]!);
      h[i] = w[i]! * Math.max(p * (1 - p), 1e-12);
    }
    const feat = new Array<number>(inner).fill(-1);
    const thr = new Array<number>(inner).fill(0);
    const node = new Int32Array(n); // every row starts at the root
    for (let level = 0; level < o.depth; level++) {
      const first = 2 ** level - 1;
      const count = 2 ** level;
      // Histograms per node of this level, per feature, per bin.
      const G = new Float64Array(count * d * o.bins);
      const H = new Float64Array(count * d * o.bins);
      const GT = new Float64Array(count);
      const HT = new Float64Array(count);
      for (let i = 0; i < n; i++) {
        const k = node[i]! - first;
        GT[k]! += g[i]!;
        HT[k]! += h[i]!;
        const row = binned[i]!;
        const offset = k * d * o.bins;
        for (let f = 0; f < d; f++) {
          const at = offset + f * o.bins + row[f]!;
          G[at]! += g[i]!;
          H[at]! += h[i]!;
        }
      }
      for (let k = 0; k < count; k++) {
        const gt = GT[k]!;
        const ht = HT[k]!;
        const parent = (gt * gt) / (ht + o.lambda);
        let best = 1e-9;
        for (let f = 0; f < d; f++) {
          let gl = 0;
          let hl = 0;
          const offset = k * d * o.bins + f * o.bins;
          for (let b = 0; b < cuts[f]!.length; b++) {
            gl += G[offset + b]!;
            hl += H[offset + b]!;
            const hr = ht - hl;
            if (hl < minHess(o) || hr < minHess(o)) continue;
            const gr = gt - gl;
            const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
            if (gain > best) {
              best = gain;
              feat[first + k] = f;
              thr[first + k] = cuts[f]![b]!;
            }
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const at = node[i]!;
        const f = feat[at]!;
        node[i] = f < 0 || rows[i]![f]! <= thr[at]! ? 2 * at + 1 : 2 * at + 2;
      }
    }
    const LG = new Float64Array(inner + 1);
    const LH = new Float64Array(inner + 1);
    for (let i = 0; i < n; i++) {
      LG[node[i]! - inner]! += g[i]!;
      LH[node[i]! - inner]! += h[i]!;
    }
    const leaves = [...LG].map((gl, k) => round((-o.rate * gl) / (LH[k]! + o.lambda)));
    for (let i = 0; i < n; i++) score[i]! += leaves[node[i]! - inner]!;
    model.features.push(feat);
    model.thresholds.push(thr);
    model.leaves.push(leaves);
  }
  model.base = round(base);
  return model;
}

// A leaf's hessian is about a quarter of its rows' weight near p = 0.5, less as the trees grow sure.
function minHess(o: BoostOptions): number {
  return o.minLeaf * 0.05;
}

/** Six significant digits: what the model file stores, and what training then goes on from. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}
