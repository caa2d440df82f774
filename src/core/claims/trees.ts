// Gradient-boosted trees as the background reads them: each tree is complete to a fixed depth,
// stored as flat arrays (node i's children are 2i+1 and 2i+2), and the score is the sum of the
// leaves reached, a log-odds. Trained by src/cli/claims/boost.ts.

export interface TreeEnsemble {
  depth: number;
  /** Log-odds before any tree. */
  base: number;
  /** Per tree: the feature each inner node tests (-1: no split, go left). */
  features: number[][];
  /** Per tree: go left when value ≤ threshold. */
  thresholds: number[][];
  /** Per tree: the 2^depth leaf values. */
  leaves: number[][];
}

export function ensembleScore(model: TreeEnsemble, values: readonly number[]): number {
  let z = model.base;
  const inner = 2 ** model.depth - 1;
  for (let t = 0; t < model.leaves.length; t++) {
    const features = model.features[t]!;
    const thresholds = model.thresholds[t]!;
    let node = 0;
    while (node < inner) {
      const f = features[node]!;
      node = f < 0 || values[f]! <= thresholds[node]! ? 2 * node + 1 : 2 * node + 2;
    }
    z += model.leaves[t]![node - inner]!;
  }
  return z;
}

/** The ensemble's probability that the pair restates. */
export function ensembleProbability(model: TreeEnsemble, values: readonly number[]): number {
  return 1 / (1 + Math.exp(-ensembleScore(model, values)));
}
