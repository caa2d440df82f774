// Where an append's CPU goes (BENCHMARKS part 3): the growing page traced as start-ab's part 3
// does, and each task the trace counts as ours split by what started it (our timer, a reply's
// continuation, a frame callback, the page's own task whose microtasks ran our observer…) and by
// what ran inside it (style recalculation, layout, garbage collection, the rest).
//   DOSSIER_BENCH_NO_BUILD=1 DOSSIER_EXTENSION_DIR=<build> node tests/bench/run.mjs append-trace
// DOSSIER_BENCH_SAMPLES=n: n loads (default 1), the figures summed over them.
import { EXTENSION_DIR, SKIP_REASON, launchWithExtension, serve, turnOnDiagnostics } from '../browser/harness';
import { GROWING_HTML } from './lib/bench-pages';
import { machineLine } from './lib/machine';
import { formatNumber, table } from './lib/stats';
import { startTrace, stopTrace, type TraceEvent } from './lib/trace';

if (SKIP_REASON) {
  console.log(`# Append trace\n\n${SKIP_REASON}`);
  process.exit(0);
}
console.log(`# Where an append's CPU goes (trace of the growing page)\n\n${machineLine()}\n`);

const server = await serve({ pages: { '/growing.html': GROWING_HTML } });
const dir = process.env.DOSSIER_EXTENSION_DIR || EXTENSION_DIR;
const b = await launchWithExtension(dir);
await turnOnDiagnostics(b);
const prefix = `chrome-extension://${b.extensionId}/`;
const loads = Number(process.env.DOSSIER_BENCH_SAMPLES) || 1;

/** CPU (ms) by the kind of task, and inside our tasks by event name. */
const byStarter = new Map<string, { tasks: number; cpu: number }>();
const inside = new Map<string, number>();
let total = 0;

const cpuOf = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
const urlOf = (e: TraceEvent): string | undefined => {
  const data = e.args?.data;
  if (!data) return undefined;
  if (typeof data.url === 'string') return data.url;
  return data.stackTrace?.[0]?.url;
};

try {
  for (let n = 0; n < loads; n++) {
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
    let j = 0;
    for (const task of tasks) {
      const stop = task.ts + (task.dur ?? 0);
      while (j < onMain.length && onMain[j]!.ts < task.ts) j++;
      const within: TraceEvent[] = [];
      for (let k = j; k < onMain.length && onMain[k]!.ts <= stop; k++) within.push(onMain[k]!);
      const ours = within.some((e) => urlOf(e)?.startsWith(prefix)) || slices.some((s) => s.end > task.ts && s.end <= stop);
      if (!ours) continue;
      const cpu = cpuOf(task);
      total += cpu;
      // What started the task: the first timeline event in it with a name we know.
      const first = within.find((e) => e !== task && e.ph === 'X' && ['TimerFire', 'FireAnimationFrame', 'FunctionCall', 'EventDispatch', 'v8.callFunction', 'RunMicrotasks', 'ParseHTML', 'IntersectionObserverController::computeIntersections', 'UpdateLayoutTree', 'Layout', 'Paint'].includes(e.name));
      const firstUrl = within.map(urlOf).find((u) => u !== undefined) ?? '';
      const starter = `${first?.name ?? '?'} (${firstUrl.startsWith(prefix) ? 'ours' : firstUrl ? 'page' : 'no url'})`;
      const s = byStarter.get(starter) ?? { tasks: 0, cpu: 0 };
      s.tasks++;
      s.cpu += cpu;
      byStarter.set(starter, s);
      // Inside: top-level children only (no double counting of nested events of the same name).
      for (const name of ['UpdateLayoutTree', 'Layout', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'Paint', 'PrePaint', 'HitTest', 'ParseHTML', 'v8.compile', 'IntersectionObserverController::computeIntersections', 'UpdateLayerTree', 'Layerize']) {
        let last = -1;
        for (const e of within) {
          if (e.name !== name || e.ph !== 'X' || e.ts < last) continue;
          last = e.ts + (e.dur ?? 0);
          inside.set(name, (inside.get(name) ?? 0) + cpuOf(e));
        }
      }
    }
    console.error(`  … load ${n + 1}`);
  }
  const per = (ms: number): string => formatNumber(ms / loads / 100);
  console.log(`our tasks' CPU per append: ${per(total)} ms (${loads} load(s), 100 appends each)\n`);
  console.log(table(['task started by', 'tasks per load', 'CPU ms per append'], [...byStarter.entries()].sort((x, y) => y[1].cpu - x[1].cpu).map(([k, v]) => [k, formatNumber(v.tasks / loads), per(v.cpu)])));
  console.log('');
  console.log(table(['inside our tasks', 'CPU ms per append'], [...inside.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, per(v)])));
} finally {
  await b.close();
  await server.close();
}
