// Where our CPU goes until a page is highlighted: a V8 sampling profile (CDP Profiler) of the
// seed article and corpus pages, our scripts' self time by function, summed over the pages.
// Best on a build made with `node build.mjs --dev` (unminified names):
//   DOSSIER_BENCH_NO_BUILD=1 DOSSIER_EXTENSION_DIR=<dev build> node tests/bench/run.mjs scan-profile
// DOSSIER_BENCH_PAGES=n profiles the first n pages (default 8). DOSSIER_BENCH_TRACE=1 instead splits
// our tasks' CPU until highlighted (trace) into style recalculation, layout, and the rest, per page.
import { EXTENSION_DIR, SKIP_REASON, launchWithExtension, serve, turnOnDiagnostics } from '../browser/harness';
import { ARTICLE_HTML, GROWING_HTML, GROWING_NAMED_HTML } from './lib/bench-pages';
import { CORPUS_DIR, corpusPages } from './lib/corpus';
import { machineLine } from './lib/machine';
import { formatNumber, median, table } from './lib/stats';
import { ourTasks, startTrace, stopTrace } from './lib/trace';

if (SKIP_REASON) {
  console.log(`# Scan profile\n\n${SKIP_REASON}`);
  process.exit(0);
}
/** Our functions that run only after the page is highlighted (a --dev build keeps their names); the harvest's chunk (chunks/harvest.js) too. */
const AFTER_THE_MARK = new Set(['judgePending', 'harvestPage']);

console.log(`# Our CPU until highlighted, by function (V8 sampling profile)\n\n${machineLine()}\n`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const server = await serve({ dir: CORPUS_DIR, pages: { '/article.html': ARTICLE_HTML, '/growing.html': GROWING_HTML, '/growing-named.html': GROWING_NAMED_HTML } });
const dir = process.env.DOSSIER_EXTENSION_DIR || EXTENSION_DIR;
const b = await launchWithExtension(dir);
await turnOnDiagnostics(b);
const prefix = `chrome-extension://${b.extensionId}/`;
const self = new Map<string, number>();
/** Inclusive time: a sample counts once for every distinct function of ours on its stack. */
const inclusive = new Map<string, number>();
let oursTotal = 0;
let after = 0;
const count = Number(process.env.DOSSIER_BENCH_PAGES) || 8;
// DOSSIER_BENCH_PATH=/article.html: that page only, `count` times.
const paths = process.env.DOSSIER_BENCH_PATH
  ? new Array<string>(count).fill(process.env.DOSSIER_BENCH_PATH)
  : ['/article.html', ...corpusPages().map((p) => `/${p.slug}/source.html`)].slice(0, count);
if (process.env.DOSSIER_BENCH_TRACE) {
  const rows: (string | number)[][] = [];
  const all: Record<string, number[]> = { cpu: [], style: [], layout: [], compile: [] };
  try {
    for (const path of paths) {
      for (const traced of [false, true]) {
        const page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        if (traced) await startTrace(cdp);
        await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
        await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 120_000, polling: 50 });
        if (traced) {
          await page.waitForTimeout(300);
          const events = await stopTrace(cdp);
          const t = ourTasks(events, prefix);
          const markTs = events.find((e) => e.name === 'dossier:highlighted' && e.cat.includes('user_timing'))?.ts ?? NaN;
          const spans = t.starts.map((start, i) => ({ start: start * 1000, end: start * 1000 + t.tasks[i]! * 1000, cpu: t.cpuTasks[i]! })).filter((x) => x.start <= markTs);
          const inside = (ts: number): boolean => spans.some((x) => ts >= x.start && ts < x.end);
          const sum = (names: string[]): number =>
            events.filter((e) => e.ph === 'X' && names.includes(e.name) && inside(e.ts)).reduce((a, e) => a + (e.tdur ?? e.dur ?? 0) / 1000, 0);
          const cpu = spans.reduce((a, x) => a + x.cpu, 0);
          const style = sum(['UpdateLayoutTree', 'RecalculateStyles']);
          const layout = sum(['Layout']);
          const compile = sum(['v8.compile', 'v8.compileModule', 'v8.evaluateModule']);
          rows.push([path, formatNumber(cpu), formatNumber(style), formatNumber(layout), formatNumber(compile), formatNumber(cpu - style - layout)]);
          all.cpu!.push(cpu);
          all.style!.push(style);
          all.layout!.push(layout);
          all.compile!.push(compile);
        }
        await cdp.detach().catch(() => {});
        await page.close();
      }
      console.error(`  … ${path}`);
    }
    rows.push(['median', ...['cpu', 'style', 'layout', 'compile'].map((k) => formatNumber(median(all[k]!))), '']);
    console.log(table(['page', 'our CPU until highlighted', 'of it: style recalculation', 'layout', 'script compile + module evaluation', 'the rest (script, DOM calls)'], rows));
  } finally {
    await b.close();
    await server.close();
  }
  process.exit(0);
}
try {
  for (const path of paths) {
    // One warm-up load (the worker, the compile cache), then the profiled one.
    for (const profiled of [false, true]) {
      const page = await b.context.newPage();
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      const growing = path.startsWith('/growing');
      if (profiled && !growing) await cdp.send('Profiler.start');
      await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 120_000, polling: 20 });
      // DOSSIER_BENCH_PATH=/growing.html (or /growing-named.html): the appends are profiled instead (the claim pass included).
      if (growing && profiled) {
        await cdp.send('Profiler.start');
        await page.evaluate(() => (window as unknown as { __go(): void }).__go());
        await page.waitForFunction(() => (window as unknown as { __grown?: boolean }).__grown === true, undefined, { timeout: 120_000, polling: 100 });
        await page.waitForTimeout(1500);
      }
      if (profiled) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const parent = new Map<number, number>();
        for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(prefix, '')}:${n.callFrame.lineNumber + 1}`;
        profile.samples.forEach((id, i) => {
          const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
          const n = byId.get(id)!;
          // Time in a native or engine frame called from our code counts as our function's.
          let own: ProfileNode | undefined = n;
          while (own && !own.callFrame.url.startsWith(prefix)) own = byId.get(parent.get(own.id) ?? -1);
          if (!own) return;
          // The claim pass and the quote harvest run after the highlighted mark (the profile stops a
          // poll later; the harvest starts once the page is idle, often before that poll).
          if (!path.startsWith('/growing')) for (let up: ProfileNode | undefined = n; up; up = byId.get(parent.get(up.id) ?? -1)) if (AFTER_THE_MARK.has(up.callFrame.functionName) || up.callFrame.url.endsWith('/chunks/harvest.js')) return void (after += ms);
          oursTotal += ms;
          const key = n.callFrame.url.startsWith(prefix) ? label(n) : `${n.callFrame.functionName || '(native)'} ← ${label(own)}`;
          self.set(key, (self.get(key) ?? 0) + ms);
          const seen = new Set<string>();
          for (let up: ProfileNode | undefined = n; up; up = byId.get(parent.get(up.id) ?? -1)) {
            if (!up.callFrame.url.startsWith(prefix)) continue;
            const l = label(up);
            if (seen.has(l)) continue;
            seen.add(l);
            inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
          }
        });
      }
      await cdp.detach().catch(() => {});
      await page.close();
    }
    console.error(`  … ${path}`);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((x, y) => y[1] - x[1]).slice(0, n).map(([k, v]) => [k, formatNumber(v / paths.length), `${formatNumber((100 * v) / oursTotal)}%`]);
  console.log(`${paths.length} pages; our JS until highlighted: ${formatNumber(oursTotal / paths.length)} ms per page (sampled; the claim pass and the quote harvest after it, ${formatNumber(after / paths.length)} ms, left out)\n`);
  console.log('## Self time (ms per page)\n');
  console.log(table(['function', 'ms per page', 'share'], top(self, 40)));
  console.log('\n## Inclusive time (ms per page)\n');
  console.log(table(['function', 'ms per page', 'share'], top(inclusive, 40)));
} finally {
  await b.close();
  await server.close();
}
