// Timing and printing helpers: medians over repeated runs within a time budget, and plain
// Markdown tables (what `npm run bench` prints is pasted into BENCHMARKS.md as is).

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timing {
  medianMs: number;
  runs: number;
}

/**
 * Runs `fn` once to warm up, then again until `maxRuns` runs or `budgetMs` are spent (at least
 * `minRuns`). A warm-up slower than the budget is the only sample: slow peers stay affordable.
 */
export function timeIt(fn: () => unknown, { minRuns = 3, maxRuns = 9, budgetMs = 2500 } = {}): Timing {
  let t = performance.now();
  fn();
  const warm = performance.now() - t;
  if (warm > budgetMs) return { medianMs: warm, runs: 1 };
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { medianMs: median(samples), runs: samples.length };
}

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => String(c ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export const utf8Mb = (text: string): number => Buffer.byteLength(text, 'utf8') / 1e6;
