// Timing and printing helpers: medians over repeated runs within a time budget, and plain
// Markdown tables (what `npm run bench` prints is pasted into BENCHMARKS.md as is).

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timing {
  /** Median time of one call, ms. */
  medianMs: number;
  /** Samples taken (each sample may batch several calls). */
  runs: number;
}

/**
 * Times `fn` once it runs optimised code. V8 runs a function in its baseline tier until TurboFan,
 * compiling on a background thread, is done; on a busy 2-core machine that took tens of ms, i.e.
 * the first 10–20 calls of a 1–2 ms pass (0.3 MB of corpus text). A fixed "one warm-up call, then
 * up to 9 samples" measured baseline code whenever compilation came late, and the same code read
 * 81.6 MB/s in one bench and 218 in another (BENCHMARKS.md, part 6). So: calls until `warmupMs`
 * are spent, then samples of at least `sampleMs` each (short calls are batched), median per call.
 * A first call slower than `budgetMs` is the only sample: slow peers stay affordable.
 *
 * Samples are CPU time of this process (process.cpuUsage: user + system, every thread), not wall
 * time: the benches share 2 cores with other work, and wall-clock medians of the same code moved
 * by 1.3–4× with the load while CPU-time medians held within ~10%. Budgets stay in wall time.
 */
export function timeIt(
  fn: () => unknown,
  { minRuns = 5, maxRuns = 15, budgetMs = 2500, warmupMs = 300, sampleMs = 20 } = {},
): Timing {
  const warmStart = performance.now();
  let cpu = cpuMs();
  fn();
  const first = cpuMs() - cpu;
  if (first > budgetMs) return { medianMs: first, runs: 1 };
  let calls = 1;
  while (performance.now() - warmStart < warmupMs) {
    fn();
    calls++;
  }
  const perCall = (cpuMs() - cpu) / calls;
  const batch = Math.max(1, Math.ceil(sampleMs / Math.max(perCall, 1e-3)));
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - started < budgetMs)) {
    cpu = cpuMs();
    for (let i = 0; i < batch; i++) fn();
    samples.push((cpuMs() - cpu) / batch);
  }
  return { medianMs: median(samples), runs: samples.length };
}

/** CPU time of this process so far, ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
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
