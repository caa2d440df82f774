// Reads the MSRP training split (../shared/data/paraphrase/msrp-train.tsv): label, two ids, two
// sentences a line. Only the training split: the test split is held out and never read.
import { existsSync, readFileSync } from 'node:fs';
import { seededRandom } from '../../core/seeded-random';

export interface Pair {
  label: 0 | 1;
  first: string;
  second: string;
}

export function readMsrp(path: string): Pair[] {
  if (!existsSync(path)) throw new Error(`no MSRP training split at ${path}`);
  const pairs: Pair[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const fields = line.split('\t');
    if (fields.length < 5) continue;
    pairs.push({ label: fields[0] === '1' ? 1 : 0, first: fields[3]!.trim(), second: fields[4]!.trim() });
  }
  return pairs;
}

/** Fold of each pair, k folds, shuffled with a fixed seed. */
export function foldsOf(count: number, k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = [...Array(count).keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(count);
  order.forEach((pair, rank) => (fold[pair] = rank % k));
  return fold;
}
