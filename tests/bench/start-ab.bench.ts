// Issue 14, start → highlighted: two builds side by side in one run (a busy shared machine makes
// back-to-back runs incomparable). For each build, in its own browser:
//  1. the background's answer to page/filter, page/init and list/match from an extension page,
//     warm (10 each) and just after the worker was stopped (5 each): the worker's own share;
//  2. the seed article and every corpus page, alternating which build goes first: start →
//     highlighted and its phases (the dossier:* marks), and start → claims judged where marked;
//  3. with DOSSIER_BENCH_GROWING=n, the two growing pages n times each (trace figures, see part 3
//     of BENCHMARKS.md for what they miss);
//  4. with DOSSIER_BENCH_COLD=n, the seed article and a page naming nobody n times each just after
//     the worker was stopped (as MV3 stops it after 30 s idle: a reader's next page often meets a
//     stopped worker), alternating: start → highlighted (on the quiet page: its first stage done).
// DOSSIER_BASELINE_DIR (A, required) and DOSSIER_EXTENSION_DIR (B, else dist/chrome) name the builds;
// DOSSIER_BENCH_ENTITIES=n fills both stores to n entities first (the 10,000-entity list of part 2).
//   DOSSIER_BASELINE_DIR=/tmp/perf-base node tests/bench/run.mjs start-ab
import type { BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, SKIP_REASON, launchWithExtension, serve, turnOnDiagnostics, type ExtensionBrowser } from '../browser/harness';
import { WorkerWatch } from '../browser/extension-helpers';
import { ARTICLE_HTML, GROWING_HTML, GROWING_NAMED_HTML } from './lib/bench-pages';
import { CORPUS_DIR, corpusPages } from './lib/corpus';
import { machineLine } from './lib/machine';
import { formatNumber, median, table } from './lib/stats';
import { addEntities, openExtensionPage } from './lib/store-fill';
import { benchAliases, seedAliases } from './lib/names';
import { SEED } from '../../src/data/seed';
import { ourTasks, startTrace, stopTrace } from './lib/trace';

if (SKIP_REASON || !process.env.DOSSIER_BASELINE_DIR) {
  console.log(`# Start → highlighted, A/B\n\n${SKIP_REASON ?? 'skipped: set DOSSIER_BASELINE_DIR to the baseline build'}`);
  process.exit(0);
}
console.log(`# Start → highlighted, two builds side by side\n\n${machineLine()}\n`);

const QUIET_HTML = `<!doctype html><meta charset="utf-8"><title>Nothing</title><body><main>${Array.from(
  { length: 400 },
  (_, i) => `<p>Paragraph ${i}: the weather stayed mild and the gardens were quiet all afternoon long.</p>`,
).join('\n')}</main></body>`;
const server = await serve({ dir: CORPUS_DIR, pages: { '/article.html': ARTICLE_HTML, '/quiet.html': QUIET_HTML, '/growing.html': GROWING_HTML, '/growing-named.html': GROWING_NAMED_HTML } });
const builds = { A: process.env.DOSSIER_BASELINE_DIR, B: process.env.DOSSIER_EXTENSION_DIR || EXTENSION_DIR } as const;
type Build = keyof typeof builds;
const browsers = {} as Record<Build, ExtensionBrowser>;
// DOSSIER_BENCH_ENTITIES=n: the store of each build holds n entities (the seed's and bench names), as browser -- pages's 10k list.
const entityCount = Number(process.env.DOSSIER_BENCH_ENTITIES ?? 0);
const seedTerms = new Set(seedAliases().map((a) => a.toLowerCase()));
const benchEntities = benchAliases(Math.max(entityCount, 1))
  .filter((a) => !seedTerms.has(a.toLowerCase()))
  .slice(0, Math.max(0, entityCount - SEED.entities.length))
  .map((name, i) => ({ id: `bench-${i}`, name, kind: (['person', 'organisation', 'place'] as const)[i % 3]! }));
for (const k of ['A', 'B'] as const) {
  browsers[k] = await launchWithExtension(builds[k]);
  await turnOnDiagnostics(browsers[k]);
  if (benchEntities.length > 0) {
    const admin = await browsers[k].context.newPage();
    await openExtensionPage(admin, browsers[k].extensionId);
    await addEntities(admin, benchEntities);
    await admin.close();
  }
}
if (benchEntities.length > 0) console.log(`(each store holds ${benchEntities.length + SEED.entities.length} entities)\n`);

try {
  // 1. The background's answers, from an extension page.
  const answers: (string | number)[][] = [];
  // DOSSIER_BENCH_NO_ANSWERS=1 skips this part (the pages only).
  for (const k of (process.env.DOSSIER_BENCH_NO_ANSWERS ? [] : ['A', 'B']) as Build[]) {
    const admin = await browsers[k].context.newPage();
    await openExtensionPage(admin, browsers[k].extensionId);
    const ask = (type: string, payload: unknown): Promise<number> =>
      admin.evaluate(
        async ([t, p]) => {
          const t0 = performance.now();
          const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ type: t, payload: p })) as { ok: boolean };
          if (!reply.ok) throw new Error(JSON.stringify(reply));
          return performance.now() - t0;
        },
        [type, payload] as const,
      );
    const host = { host: '127.0.0.1' };
    const warm: Record<string, number[]> = { 'page/filter': [], 'page/init': [], 'list/match': [] };
    for (let i = 0; i < 10; i++) for (const type of Object.keys(warm)) warm[type]!.push(await ask(type, type === 'list/match' ? {} : host));
    const watch = await WorkerWatch.attach(admin, browsers[k].extensionId);
    const cold: Record<string, number[]> = { 'page/filter': [], 'page/init': [] };
    for (let i = 0; i < 5; i++) {
      for (const type of Object.keys(cold)) {
        await watch.stopAll();
        await watch.waitFor('stopped');
        cold[type]!.push(await ask(type, host));
      }
    }
    await watch.detach();
    await admin.close();
    answers.push([builds[k], ...Object.values(warm).map((v) => median(v)), ...Object.values(cold).map((v) => median(v))]);
  }
  console.log('## The background\'s answer, from an extension page (median ms)\n');
  console.log(table(['build', 'page/filter warm', 'page/init warm', 'list/match warm', 'page/filter, worker just stopped', 'page/init, worker just stopped'], answers));

  // 2. Pages, alternating.
  const measure = async (b: ExtensionBrowser, path: string): Promise<Record<string, number>> => {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    try {
      // Our CPU (thread time) until the highlights: what the load does not inflate (see lib/trace.ts).
      await startTrace(cdp);
      await page.goto(server.url(path), { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 120_000, polling: 50 });
      await page.waitForTimeout(300);
      const m = await page.evaluate(() =>
        Object.fromEntries(['start', 'init', 'indexed', 'highlighted', 'claims-judged'].map((n) => [n, performance.getEntriesByName(`dossier:${n}`)[0]?.startTime ?? NaN])),
      );
      const events = await stopTrace(cdp);
      const t = ourTasks(events, `chrome-extension://${b.extensionId}/`);
      // The highlighted mark in the trace's clock (µs): our tasks that began before it.
      const markTs = events.find((e) => e.name === 'dossier:highlighted' && e.cat.includes('user_timing'))?.ts ?? NaN;
      let cpu = 0;
      let tasks = 0;
      let longest = 0;
      t.starts.forEach((start, i) => {
        if (!(start * 1000 <= markTs)) return;
        cpu += t.cpuTasks[i]!;
        tasks++;
        longest = Math.max(longest, t.cpuTasks[i]!);
      });
      return {
        total: m.highlighted! - m.start!, init: m.init! - m.start!, index: m.indexed! - m.init!, scan: m.highlighted! - m.indexed!, judged: m['claims-judged']! - m.start!,
        cpu: Number.isFinite(markTs) ? cpu : NaN, tasks: Number.isFinite(markTs) ? tasks : NaN, longest: Number.isFinite(markTs) ? longest : NaN, cpuAfter: t.cpuTotalMs - cpu,
      };
    } finally {
      await cdp.detach().catch(() => {});
      await page.close();
    }
  };
  // DOSSIER_BENCH_NO_PAGES=1: the growing page only.
  // DOSSIER_BENCH_PAGES=n: the first n of them (a quick look).
  const paths = process.env.DOSSIER_BENCH_NO_PAGES ? [] : ['/article.html', ...corpusPages().map((p) => `/${p.slug}/source.html`)].slice(0, Number(process.env.DOSSIER_BENCH_PAGES) || undefined);
  const results: Record<Build, Record<string, number>[]> = { A: [], B: [] };
  for (let i = 0; i < paths.length; i++) {
    for (const k of (i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as Build[]) results[k].push(await measure(browsers[k], paths[i]!));
    console.error(`  … ${paths[i]}`);
  }
  const med = (k: Build, f: string): number => median(results[k].map((x) => x[f]!).filter(Number.isFinite));
  const fields = ['total', 'init', 'index', 'scan', 'judged', 'cpu', 'tasks', 'longest', 'cpuAfter'];
  console.log(`\n## ${paths.length} pages, seed list, alternating (median ms)\n`);
  console.log(
    table(
      ['build', 'start→highlighted', 'of which: start→page/init reply (first stage, chunk, reply)', 'index', 'scan', 'start→claims judged', 'our CPU until highlighted (trace)', 'our tasks until highlighted', 'longest of them, CPU', 'our CPU in the 300 ms after'],
      (['A', 'B'] as const).map((k) => [builds[k], ...fields.map((f) => (Number.isFinite(med(k, f)) ? formatNumber(med(k, f)) : '–'))]),
    ),
  );
  console.log(`\nratio A ÷ B, start→highlighted: ${formatNumber(med('A', 'total') / med('B', 'total'))}×; our CPU until highlighted: ${formatNumber(med('A', 'cpu') / med('B', 'cpu'))}×`);
  // Page by page (the same page, the two builds one after the other): less at the mercy of the load's swings than two medians.
  const paired = results.A.map((a, i) => a.cpu! / results.B[i]!.cpu!).filter(Number.isFinite);
  console.log(`our CPU until highlighted, A ÷ B page by page: median ${formatNumber(median(paired))}×, B lower on ${paired.filter((r) => r > 1).length} of ${paired.length} pages`);
  const pairedWall = results.A.map((a, i) => a.total! / results.B[i]!.total!).filter(Number.isFinite);
  console.log(`start→highlighted, A ÷ B page by page: median ${formatNumber(median(pairedWall))}×, B lower on ${pairedWall.filter((r) => r > 1).length} of ${pairedWall.length} pages\n`);

  // 4. After the worker stopped (run before part 3, whose pages leave work behind them).
  const coldRounds = Number(process.env.DOSSIER_BENCH_COLD ?? 0);
  if (coldRounds > 0) {
    const watches = {} as Record<Build, WorkerWatch>;
    for (const k of ['A', 'B'] as const) {
      const admin = await browsers[k].context.newPage();
      await openExtensionPage(admin, browsers[k].extensionId);
      watches[k] = await WorkerWatch.attach(admin, browsers[k].extensionId);
    }
    const coldPaths = ['/article.html', '/quiet.html'];
    const cold = new Map(coldPaths.map((path) => [path, { A: [] as Record<string, number>[], B: [] as Record<string, number>[] }]));
    for (let j = 0; j < coldRounds; j++)
      for (const path of coldPaths)
        for (const k of (j % 2 ? ['B', 'A'] : ['A', 'B']) as Build[]) {
          // Stopped and staying stopped: the previous page's late requests (sightings, harvest) may wake it.
          if (!(await watches[k].stopUntilQuiet())) console.error(`  (build ${k}: the worker would not stay stopped)`);
          cold.get(path)![k].push(await measure(browsers[k], path));
        }
    console.log(`## Just after the worker stopped, ${coldRounds} loads each, alternating (median ms)\n`);
    console.log(
      table(
        ['page', 'build', 'start→highlighted (quiet page: first stage done)', 'of which: start→page/init reply', 'index', 'scan', 'our CPU until then (trace)', 'each load, start→highlighted'],
        coldPaths.flatMap((path) =>
          (['A', 'B'] as const).map((k) => {
            const runs = cold.get(path)![k];
            const phase = (f: string): string => (runs.some((r) => Number.isFinite(r[f])) ? formatNumber(median(runs.map((r) => r[f]!).filter(Number.isFinite))) : '–');
            return [path, builds[k], formatNumber(median(runs.map((r) => r.total!))), phase('init'), phase('index'), phase('scan'), formatNumber(median(runs.map((r) => r.cpu!).filter(Number.isFinite))), runs.map((r) => formatNumber(r.total!)).join(', ')];
          }),
        ),
      ),
    );
    console.log('');
  }

  // 3. The growing page.
  const times = Number(process.env.DOSSIER_BENCH_GROWING ?? 0);
  if (times > 0) {
    type Growth = { wall: number; cpu: number; own: number; busy: number };
    const grow = async (b: ExtensionBrowser, path: string): Promise<Growth> => {
      const page = await b.context.newPage();
      const cdp = await b.context.newCDPSession(page);
      try {
        await page.goto(server.url(path), { waitUntil: 'load' });
        await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 60_000 });
        // The named page: the idle work after the first highlights (the harvest's check) done first.
        if (path === '/growing-named.html') await page.waitForTimeout(1000);
        await cdp.send('Performance.enable');
        const taskSeconds = async (): Promise<number> =>
          ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
        await startTrace(cdp);
        const before = await taskSeconds();
        await page.evaluate(() => (window as unknown as { __go(): void }).__go());
        await page.waitForFunction(() => (window as unknown as { __grown?: boolean }).__grown === true, undefined, { timeout: 120_000, polling: 100 });
        await page.waitForTimeout(1500);
        const busy = ((await taskSeconds()) - before) * 1000;
        const t = ourTasks(await stopTrace(cdp), `chrome-extension://${b.extensionId}/`);
        return { wall: t.totalMs / 100, cpu: t.cpuTotalMs / 100, own: t.ownCpuTotalMs / 100, busy: busy / 100 };
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    };
    // Two pages (bench-pages.ts): one that names nobody until it grows (its first append wakes the
    // second stage, and the quote harvest runs once during the growth), and one Dossier already
    // runs on (the appends alone: the target's figure).
    const pages = [
      ['/growing-named.html', 'Dossier running before the growth (the appends alone)'],
      ['/growing.html', 'names nobody until it grows (+ the second stage woken, the harvest once)'],
    ] as const;
    const g = new Map<string, Record<Build, Growth[]>>(pages.map(([path]) => [path, { A: [], B: [] }]));
    for (let j = 0; j < times; j++)
      for (const [path] of pages) for (const k of (j % 2 ? ['B', 'A'] : ['A', 'B']) as Build[]) g.get(path)![k].push(await grow(browsers[k], path));
    // The trace ties a task to us only by our script's URL or our measured slices: work in the
    // continuation of a message's reply names neither. The renderer's whole main-thread time
    // (TaskDuration: the page's own appends included, the same for both builds) misses nothing.
    console.log('## The growing page, per append (ms)\n');
    console.log(
      table(
        ['page', 'build', 'our tasks as the trace sees them: wall, each run', '… CPU, each run', '… CPU median', "our code's CPU (the page's append tasks: only our callback), each run", '… median', "the renderer's main thread, all tasks, each run", '… median'],
        pages.flatMap(([path, label]) =>
          (['A', 'B'] as const).map((k) => {
            const runs = g.get(path)![k];
            return [
              label,
              builds[k],
              runs.map((x) => formatNumber(x.wall)).join(', '),
              runs.map((x) => formatNumber(x.cpu)).join(', '),
              formatNumber(median(runs.map((x) => x.cpu))),
              runs.map((x) => formatNumber(x.own)).join(', '),
              formatNumber(median(runs.map((x) => x.own))),
              runs.map((x) => formatNumber(x.busy)).join(', '),
              formatNumber(median(runs.map((x) => x.busy))),
            ];
          }),
        ),
      ),
    );
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}
