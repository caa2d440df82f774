// Logistic regression by full-batch gradient descent: no randomness, so training is the same on
// every run. Features are standardised first; the weights apply to standardised values.

export interface Logistic {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function trainLogistic(rows: readonly number[][], labels: readonly number[], options = { iterations: 3000, rate: 0.5, l2: 1e-3 }): Logistic {
  const n = rows.length;
  const d = rows[0]!.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of rows) row.forEach((x, j) => (mean[j]! += x / n));
  for (const row of rows) row.forEach((x, j) => (scale[j]! += (x - mean[j]!) ** 2 / n));
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const z = rows.map((row) => row.map((x, j) => (x - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < options.iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      let s = bias;
      for (let j = 0; j < d; j++) s += weights[j]! * z[i]![j]!;
      const error = 1 / (1 + Math.exp(-s)) - labels[i]!;
      for (let j = 0; j < d; j++) grad[j]! += (error * z[i]![j]!) / n;
      gradBias += error / n;
    }
    for (let j = 0; j < d; j++) weights[j]! -= options.rate * (grad[j]! + options.l2 * weights[j]!);
    bias -= options.rate * gradBias;
  }
  return { mean, scale, weights, bias };
}

export function predict(model: Logistic, row: readonly number[]): number {
  let s = model.bias;
  row.forEach((x, j) => (s += model.weights[j]! * ((x - model.mean[j]!) / model.scale[j]!)));
  return 1 / (1 + Math.exp(-s));
}
