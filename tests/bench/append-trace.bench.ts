// Where an append's CPU goes (BENCHMARKS part 3): the growing page traced as start-ab's part 3
// does, and each task the trace counts as ours split by what started it (our timer, a reply's
// continuation, a frame callback, the page's own task whose microtasks ran our observer…) and by
// what ran inside it (style recalculation, layout, garbage collection).
//   DOSSIER_BENCH_NO_BUILD=1 DOSSIER_EXTENSION_DIR=<build> node tests/bench/run.mjs append-trace
// DOSSIER_BASELINE_DIR=<build>: that build too, loads alternating (the machine's load swings).
// DOSSIER_BENCH_SAMPLES=n: n loads per build (default 2), the figures summed over them.
import { EXTENSION_DIR, SKIP_REASON, launchWithExtension, serve, turnOnDiagnostics, type ExtensionBrowser } from '../browser/harness';
import { GROWING_HTML } from './lib/bench-pages';
import { machineLine } from './lib/machine';
import { formatNumber, median, table } from './lib/stats';
import { startTrace, stopTrace, type TraceEvent } from './lib/trace';

if (SKIP_REASON) {
  console.log(`# Append trace\n\n${SKIP_REASON}`);
  process.exit(0);
}
console.log(`# Where an append's CPU goes (trace of the growing page)\n\n${machineLine()}\n`);

const server = await serve({ pages: { '/growing.html': GROWING_HTML } });
const dirs = [...(process.env.DOSSIER_BASELINE_DIR ? [process.env.DOSSIER_BASELINE_DIR] : []), process.env.DOSSIER_EXTENSION_DIR || EXTENSION_DIR];
const loads = Number(process.env.DOSSIER_BENCH_SAMPLES) || 2;

interface Figures {
  /** CPU (ms) of our tasks per load. */
  totals: number[];
  byStarter: Map<string, { tasks: number; cpu: number }>;
  inside: Map<string, number>;
  /** The page's own append tasks that ran our observer, and our code's share of them. */
  pageTasks: number;
  oursInPageTasks: number;
  /** The longest of our tasks (wall ms), with what started it. */
  longest: { ms: number; cpu: number; starter: string };
}

const cpuOf = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
const urlOf = (e: TraceEvent): string | undefined => {
  const data = e.args?.data;
  if (!data) return undefined;
  if (typeof data.url === 'string') return data.url;
  return data.stackTrace?.[0]?.url;
};

async function traceOnce(b: ExtensionBrowser, f: Figures): Promise<void> {
  const prefix = `chrome-extension://${b.extensionId}/`;
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await page.goto(server.url('/growing.html'), { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 60_000 });
  await startTrace(cdp);
  await page.evaluate(() => (window as unknown as { __go(): void }).__go());
  await page.waitForFunction(() => (window as unknown as { __grown?: boolean }).__grown === true, undefined, { timeout: 120_000, polling: 100 });
  await page.waitForTimeout(1500);
  const events = await stopTrace(cdp);
  await cdp.detach().catch(() => {});
  await page.close();

  const mains = new Set(events.filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => mains.has(`${e.pid}:${e.tid}`)).sort((a, b2) => a.ts - b2.ts);
  const slices: { start: number; end: number }[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    if ((e.name !== 'dossier:slice' && e.name !== 'dossier:live-slice') || !e.cat.includes('user_timing')) continue;
    const id = String((e as { id?: unknown }).id ?? (e as { id2?: { local?: unknown } }).id2?.local ?? '');
    if (e.ph === 'X') slices.push({ start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'b') open.set(id, e.ts);
    else if (e.ph === 'e' && open.has(id)) slices.push({ start: open.get(id)!, end: e.ts });
  }
  let end = -1;
  const tasks = onMain.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')).filter((e) => {
    if (e.ts < end) return false;
    end = e.ts + (e.dur ?? 0);
    return true;
  });
  let total = 0;
  let j = 0;
  for (const task of tasks) {
    const stop = task.ts + (task.dur ?? 0);
    while (j < onMain.length && onMain[j]!.ts < task.ts) j++;
    const within: TraceEvent[] = [];
    for (let k = j; k < onMain.length && onMain[k]!.ts <= stop; k++) within.push(onMain[k]!);
    // As lib/trace.ts counts them: an event naming our script, or one of our slices ending inside.
    const ours = within.some((e) => urlOf(e)?.startsWith(prefix)) || slices.some((s) => s.end > task.ts && s.end <= stop);
    if (!ours) continue;
    const cpu = cpuOf(task);
    total += cpu;
    const first = within.find((e) => e !== task && e.ph === 'X' && ['TimerFire', 'FireAnimationFrame', 'FunctionCall', 'EventDispatch', 'RunMicrotasks', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint'].includes(e.name));
    const firstUrl = within.map(urlOf).find((u) => u !== undefined) ?? '';
    const starter = `${first?.name ?? '?'} (${firstUrl.startsWith(prefix) ? 'ours' : firstUrl ? 'page' : 'no url'})`;
    if ((task.dur ?? 0) / 1000 > f.longest.ms) f.longest = { ms: (task.dur ?? 0) / 1000, cpu, starter };
    const s = f.byStarter.get(starter) ?? { tasks: 0, cpu: 0 };
    s.tasks++;
    s.cpu += cpu;
    f.byStarter.set(starter, s);
    if (starter === 'TimerFire (page)') {
      f.pageTasks += cpu;
      let last = -1;
      for (const e of within) {
        if (e.name !== 'FunctionCall' || e.ph !== 'X' || e.ts < last || !urlOf(e)?.startsWith(prefix)) continue;
        last = e.ts + (e.dur ?? 0);
        f.oursInPageTasks += cpuOf(e);
      }
    }
    for (const name of ['UpdateLayoutTree', 'Layout', 'MinorGC', 'MajorGC', 'Paint', 'PrePaint', 'ParseHTML', 'v8.compile']) {
      let last = -1;
      for (const e of within) {
        if (e.name !== name || e.ph !== 'X' || e.ts < last) continue;
        last = e.ts + (e.dur ?? 0);
        f.inside.set(name, (f.inside.get(name) ?? 0) + cpuOf(e));
      }
    }
  }
  f.totals.push(total);
}

const browsers: ExtensionBrowser[] = [];
const figures: Figures[] = dirs.map(() => ({ totals: [], byStarter: new Map(), inside: new Map(), pageTasks: 0, oursInPageTasks: 0, longest: { ms: 0, cpu: 0, starter: '' } }));
try {
  for (const dir of dirs) {
    const b = await launchWithExtension(dir);
    await turnOnDiagnostics(b);
    browsers.push(b);
  }
  for (let n = 0; n < loads; n++) {
    const order = n % 2 === 0 ? dirs.map((_, i) => i) : dirs.map((_, i) => dirs.length - 1 - i);
    for (const i of order) await traceOnce(browsers[i]!, figures[i]!);
    console.error(`  … round ${n + 1}`);
  }
  const per = (ms: number): string => formatNumber(ms / loads / 100);
  dirs.forEach((dir, i) => {
    const f = figures[i]!;
    console.log(`## ${dir}\n`);
    console.log(`our tasks' CPU per append, each load: ${f.totals.map((t) => formatNumber(t / 100)).join(', ')} (median ${formatNumber(median(f.totals) / 100)} ms)\n`);
    console.log(table(['task started by', 'tasks per load', 'CPU ms per append'], [...f.byStarter.entries()].sort((x, y) => y[1].cpu - x[1].cpu).map(([k, v]) => [k, formatNumber(v.tasks / loads), per(v.cpu)])));
    console.log(`\nthe longest of our tasks: ${formatNumber(f.longest.ms)} ms (${formatNumber(f.longest.cpu)} ms CPU), started by ${f.longest.starter}`);
    console.log(`\nthe page's own append tasks (its timer; our observer's callback runs in their microtasks): ${per(f.pageTasks)} ms per append, of it our callback ${per(f.oursInPageTasks)} ms\n`);
    console.log(table(['inside our tasks', 'CPU ms per append'], [...f.inside.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, per(v)])));
    console.log('');
  });
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}
