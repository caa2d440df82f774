// Part 1 of issue 6: the matcher in Node, against one alternation RegExp and the Aho-Corasick
// packages of npm, on the corpus (visible text and raw HTML) and on synthetic news text, at
// 100 to 50,000 aliases. Every contender gives the same answer (tests/unit/bench-equivalence).
import { createMatcher } from '../../src/core/matching/matcher';
import { ALL, type Built, type Contender } from './lib/contenders';
import { corpusPages, visibleText } from './lib/corpus';
import { machineLine } from './lib/machine';
import { benchAliases, listOfAliases, syntheticText } from './lib/names';
import { formatNumber, table, timeIt, utf8Mb } from './lib/stats';

const SIZES = [100, 1_000, 10_000, 50_000];
/** A contender slower than this on one pass of an input is not run on it at larger sizes. */
const GIVE_UP_MS = 6_000;
/** About how long one timed pass may take; slower contenders are timed on a prefix of the input. */
const PASS_MS = 400;

/** The first ~`chars` characters of `text`, cut at a space so no word is split. */
function prefix(text: string, chars: number): string {
  if (chars >= text.length) return text;
  const cut = text.indexOf(' ', chars);
  return cut === -1 ? text : text.slice(0, cut);
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
function memoryNow(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

console.log(`# Matcher in Node\n\n${machineLine()}\n`);

// One-off cost of ours: the fold and word tables every content script builds once.
let t = performance.now();
createMatcher(listOfAliases(['Warm Up']));
console.log(`one-off fold/word tables (first createMatcher of a process): ${formatNumber(performance.now() - t)} ms\n`);

const pages = corpusPages();
const inputs: { name: string; corpus?: boolean; text: (aliases: readonly string[]) => string }[] = [];
if (pages.length > 0) {
  const visible = pages.map(visibleText).join('\n\n');
  const raw = pages.map((p) => p.html).join('\n');
  inputs.push({ name: `corpus visible text (${pages.length} pages, ${formatNumber(utf8Mb(visible))} MB)`, corpus: true, text: () => visible });
  inputs.push({ name: `corpus raw HTML (${formatNumber(utf8Mb(raw))} MB)`, corpus: true, text: () => raw });
} else {
  console.log('corpus absent (../shared/corpus): synthetic text only\n');
}
inputs.push({ name: 'synthetic news text (3 MB, 1 alias per ~40 words)', text: (aliases) => syntheticText(aliases, 3_000_000) });

interface Cell {
  mbps: number;
  count: number;
  runs: number;
}
const tooSlow = new Set<string>(); // contender|input
const rows: (string | number)[][] = [];
const summary: (string | number)[][] = [];

for (const size of SIZES) {
  const aliases = benchAliases(size);
  const texts = inputs.map((input) => input.text(aliases));
  const cells = new Map<string, (Cell | null)[]>();
  for (const contender of ALL) {
    const before = memoryNow();
    const buildStart = performance.now();
    let built: Built | null = contender.build(aliases);
    const buildMs = performance.now() - buildStart;
    const memoryMb = (memoryNow() - before) / 1e6;
    const results = texts.map((text, i): Cell | null => {
      const key = `${contender.name}|${i}`;
      if (tooSlow.has(key) || (inputs[i]!.corpus && contender.notOnCorpus)) return null;
      // A slow peer is timed on a prefix worth about PASS_MS (the rate is what we compare);
      // its count is then the count in that prefix, so only full-text counts are compared.
      // A fast contender's first calls run unoptimised code (and fill lazy tables): the quickest
      // of a few probes, or a fast one would be cut to a prefix too.
      const probe = prefix(text, 50_000);
      let probeMs = Infinity;
      for (let k = 0; k < 5 && probeMs > 20; k++) {
        const probeStart = performance.now();
        built!.find(probe);
        probeMs = Math.min(probeMs, performance.now() - probeStart);
        if (probeMs > 200) break; // a slow peer: one probe is enough to size its prefix
      }
      const sample = prefix(text, Math.max(probe.length, Math.floor((probe.length * PASS_MS) / Math.max(probeMs, 1e-3))));
      let count = 0;
      const timing = timeIt(() => (count = built!.find(sample).length), { budgetMs: 1500, minRuns: 3 });
      if (timing.medianMs > GIVE_UP_MS) tooSlow.add(key);
      return { mbps: utf8Mb(sample) / (timing.medianMs / 1000), count: sample === text ? count : NaN, runs: timing.runs };
    });
    built = null;
    cells.set(contender.name, results);
    rows.push([
      size,
      contender.name,
      ...results.map((c) => (c ? `${formatNumber(c.mbps)} (${Number.isNaN(c.count) ? 'prefix' : c.count})` : 'skipped')),
      formatNumber(buildMs),
      formatNumber(memoryMb),
    ]);
    console.error(`  … ${size} aliases, ${contender.name} done`);
  }
  // Side by side: ours against the RegExp and the fastest Aho-Corasick package, per input.
  inputs.forEach((input, i) => {
    const of = (c: Contender): Cell | null => cells.get(c.name)?.[i] ?? null;
    const oursCell = of(ALL[0]!);
    const regexp = ALL.filter((c) => c.kind === 'regexp').map(of)[0] ?? null;
    const peers = ALL.filter((c) => c.kind === 'aho-corasick');
    let fastest: { name: string; cell: Cell } | null = null;
    for (const p of peers) {
      const cell = of(p);
      if (cell && (!fastest || cell.mbps > fastest.cell.mbps)) fastest = { name: p.name, cell };
    }
    const counts = new Set(
      [oursCell, regexp, fastest?.cell].filter((c): c is Cell => c != null && !Number.isNaN(c.count)).map((c) => c.count),
    );
    summary.push([
      size,
      input.name.replace(/ \(.*/, ''),
      oursCell ? formatNumber(oursCell.mbps) : '–',
      regexp ? formatNumber(regexp.mbps) : 'skipped',
      fastest ? `${formatNumber(fastest.cell.mbps)} (${fastest.name})` : 'skipped',
      oursCell && regexp ? `${formatNumber(oursCell.mbps / regexp.mbps)}×` : '–',
      oursCell && fastest ? `${formatNumber(oursCell.mbps / fastest.cell.mbps)}×` : '–',
      counts.size <= 1 ? 'yes' : `NO (${[...counts].join(' / ')})`,
    ]);
  });
}

console.log('## Side by side (MB/s of UTF-8 input, median)\n');
console.log(
  table(['aliases', 'input', 'ours', 'RegExp', 'fastest Aho-Corasick package', 'ours/RegExp', 'ours/AC', 'same count'], summary),
);
console.log('\n## Every contender: MB/s (mentions found), build ms, memory MB (heap + array buffers after GC)\n');
console.log(inputs.map((input, i) => `input ${i + 1}: ${input.name}`).join('\n') + '\n');
console.log(table(['aliases', 'contender', ...inputs.map((_, i) => `input ${i + 1}`), 'build ms', 'memory MB'], rows));
console.log(
  `\n"prefix": timed on a prefix worth ~${PASS_MS} ms per pass (too slow for the whole input); "skipped": slower than ${GIVE_UP_MS / 1000} s per pass at a smaller size.`,
);
