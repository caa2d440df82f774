// Chrome's trace (CDP Tracing) of a page, and the part of it that is ours: top-level tasks on the
// page's main thread that ran code of the extension's content script.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: what a busy machine does not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: { url?: string }[]; frame?: string; [k: string]: unknown }; [k: string]: unknown };
}

// blink.user_timing: our own slices (`dossier:slice` measures, diagnostics on) land in the trace
// with its clock, which ties the promise continuations that ran them to their tasks.
// DOSSIER_TRACE_EXTRA=<categories> adds some (disabled-by-default-v8.cpu_profiler: JS samples, to name our functions).
const CATEGORIES = [...(process.env.DOSSIER_TRACE_EXTRA ? process.env.DOSSIER_TRACE_EXTRA.split(',') : []), 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing'].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface OurTasks {
  /** Duration (ms) of each top-level task that ran our code, in time order. */
  tasks: number[];
  /** Start (ms, trace clock) of each of those tasks. */
  starts: number[];
  totalMs: number;
  longestMs: number;
  /** The same tasks in thread time (CPU), ms: robust where other processes share the cores. */
  cpuTasks: number[];
  cpuTotalMs: number;
  cpuLongestMs: number;
  /** Thread time (ms) of the page's other main-thread tasks: its own work, to tell its long tasks from ours. */
  pageCpuTasks: number[];
  /**
   * Our code's thread time (ms): `cpuTotalMs` less the page's own work in the tasks the page
   * started (its timer appending paragraphs, whose microtasks ran our observer's callback), where
   * only our calls count. Tasks we started (our timers, continuations, slices) count whole.
   */
  ownCpuTotalMs: number;
}

/** The script an event ran, if it names one. */
function urlOf(e: TraceEvent): string | undefined {
  const data = e.args?.data;
  if (!data) return undefined;
  if (typeof data.url === 'string' && data.url !== '') return data.url;
  const top = data.stackTrace?.[0]?.url;
  return typeof top === 'string' && top !== '' ? top : undefined;
}

/** Whether an event ran code from `urlPrefix` (the extension's origin). */
function isOurs(e: TraceEvent, urlPrefix: string): boolean {
  const data = e.args?.data;
  if (!data) return false;
  if (typeof data.url === 'string' && data.url.startsWith(urlPrefix)) return true;
  const top = data.stackTrace?.[0]?.url;
  return typeof top === 'string' && top.startsWith(urlPrefix);
}

/** Spans (µs, trace clock) of the content script's own `dossier:slice` measures, per renderer pid. */
function sliceSpans(events: readonly TraceEvent[]): { pid: number; start: number; end: number }[] {
  const spans: { pid: number; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    // dossier:live-slice: the slices of rescans and of the claim pass (taken off the page's timeline at once).
    if ((e.name !== 'dossier:slice' && e.name !== 'dossier:live-slice') || !e.cat.includes('user_timing')) continue;
    const id = `${e.pid}:${String((e as { id?: unknown; id2?: { local?: unknown } }).id ?? (e as { id2?: { local?: unknown } }).id2?.local ?? '')}`;
    if (e.ph === 'X') spans.push({ pid: e.pid, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'b') open.set(id, e.ts);
    else if (e.ph === 'e' && open.has(id)) {
      spans.push({ pid: e.pid, start: open.get(id)!, end: e.ts });
      open.delete(id);
    }
  }
  return spans;
}

/**
 * The page's main-thread tasks that contain at least one event running our script, or that ran
 * one of our slices (a promise continuation: its events do not name our script). A task is the
 * unit the browser cannot interrupt: its whole duration is what the reader waits for.
 */
export function ourTasks(events: readonly TraceEvent[], urlPrefix: string): OurTasks {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent): boolean => mains.has(`${e.pid}:${e.tid}`);
  const tasks = events
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && onMain(e))
    .sort((a, b) => a.ts - b.ts)
    // RunTask events nest (a task scheduler inside a task): keep the outermost, or time counts twice.
    .filter(
      (
        (ends: Map<string, number>) => (e: TraceEvent) => {
          const thread = `${e.pid}:${e.tid}`;
          if (e.ts < (ends.get(thread) ?? -1)) return false;
          ends.set(thread, e.ts + (e.dur ?? 0));
          return true;
        }
      )(new Map()),
    );
  const ours = events.filter((e) => onMain(e) && isOurs(e, urlPrefix)).sort((a, b) => a.ts - b.ts);
  // Every complete event naming a script: the first in a task tells who started it.
  const scripted = events.filter((e) => onMain(e) && e.ph === 'X' && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask' && urlOf(e) !== undefined).sort((a, b) => a.ts - b.ts);
  const slices = sliceSpans(events);
  const found: { start: number; dur: number; cpu: number; own: number }[] = [];
  let k = 0;
  const others: number[] = [];
  let j = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (j < ours.length && ours[j]!.ts < task.ts) j++;
    const runsOurs = j < ours.length && ours[j]!.ts <= end && ours[j]!.pid === task.pid && ours[j]!.tid === task.tid;
    // A slice inside this task (measures end when the slice does, before the task ends).
    const ranSlice = !runsOurs && slices.some((s) => s.pid === task.pid && s.end > task.ts && s.end <= end);
    if (runsOurs || ranSlice) {
      const cpu = (task.tdur ?? task.dur ?? 0) / 1000;
      while (k < scripted.length && scripted[k]!.ts < task.ts) k++;
      const first = k < scripted.length && scripted[k]!.ts <= end ? scripted[k] : undefined;
      const pageStarted = runsOurs && first !== undefined && !isOurs(first, urlPrefix);
      let own = cpu;
      if (pageStarted) {
        // Only our outermost calls inside the page's task.
        own = 0;
        let last = -1;
        for (let i = k; i < scripted.length && scripted[i]!.ts <= end; i++) {
          const e = scripted[i]!;
          if (e.ts < last || !isOurs(e, urlPrefix)) continue;
          last = e.ts + (e.dur ?? 0);
          own += (e.tdur ?? e.dur ?? 0) / 1000;
        }
      }
      found.push({ start: task.ts / 1000, dur: (task.dur ?? 0) / 1000, cpu, own });
    } else others.push((task.tdur ?? task.dur ?? 0) / 1000);
  }
  const durations = found.map((t) => t.dur);
  const cpu = found.map((t) => t.cpu);
  return {
    ownCpuTotalMs: found.reduce((sum, t) => sum + t.own, 0),
    cpuTasks: cpu,
    cpuTotalMs: cpu.reduce((a, b) => a + b, 0),
    cpuLongestMs: cpu.length ? Math.max(...cpu) : 0,
    pageCpuTasks: others,
    tasks: durations,
    starts: found.map((t) => t.start),
    totalMs: durations.reduce((a, b) => a + b, 0),
    longestMs: durations.length ? Math.max(...durations) : 0,
  };
}
