// Bench-only: the memory a Chromium profile uses while something runs in the extension's service
// worker. The worker's JS heap comes from the DevTools protocol on the worker's own target
// (Runtime.getHeapUsage, HeapProfiler.collectGarbage); Playwright opens CDP sessions on pages
// only, so the browser's session attaches to the worker and relays its messages. The processes'
// memory is the proportional set size (PSS, shared pages split between sharers) of every process
// the browser lists (SystemInfo.getProcessInfo), read from /proc.
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../../browser/harness';

export interface MemorySample {
  /** The worker's used JS heap (bytes). */
  heap: number;
  /** PSS of all the browser's processes, and of the biggest one (bytes). */
  pss: number;
  biggest: { type: string; pss: number };
  /** CPU seconds each of the browser's processes has used so far, by pid. */
  cpu: Map<number, number>;
}

export interface WorkerMemory {
  /** Forces a full GC in the worker, then reads its heap. */
  settledHeap(): Promise<number>;
  /** V8's sampling heap profiler in the worker: where the objects alive now were allocated. */
  startProfile(): Promise<void>;
  liveAllocations(): Promise<AllocationSite[]>;
  stopProfile(): Promise<void>;
  sample(): Promise<MemorySample>;
  close(): Promise<void>;
}

function pssOf(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process ended between the list and the read
  }
}

export async function watchWorker(browser: ExtensionBrowser): Promise<WorkerMemory> {
  const owner = browser.context.browser();
  if (!owner) throw new Error('no browser behind this context: cannot open a browser CDP session');
  const session: CDPSession = await owner.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('the extension has no running service worker');
  // Not flattened: Playwright's session cannot address a child session, so messages are relayed.
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const call = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result as T)));
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const heap = async () => (await call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
  return {
    async settledHeap() {
      await call('HeapProfiler.collectGarbage');
      return heap();
    },
    async startProfile() {
      await call('HeapProfiler.startSampling', { samplingInterval: 16384 });
    },
    async liveAllocations() {
      const { profile } = await call<{ profile: { head: ProfileNode } }>('HeapProfiler.getSamplingProfile');
      return topSites(profile.head);
    },
    async stopProfile() {
      await call('HeapProfiler.stopSampling').catch(() => undefined);
    },
    async sample() {
      const [used, { processInfo }] = await Promise.all([heap(), session.send('SystemInfo.getProcessInfo')]);
      let pss = 0;
      let biggest = { type: '', pss: 0 };
      const cpu = new Map<number, number>();
      for (const p of processInfo) {
        cpu.set(p.id, p.cpuTime);
        const own = pssOf(p.id);
        pss += own;
        if (own > biggest.pss) biggest = { type: p.type, pss: own };
      }
      return { heap: used, pss, biggest, cpu };
    },
    async close() {
      await session.detach().catch(() => undefined);
    },
  };
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** Live bytes by allocating stack (the innermost frames, outermost last), biggest first. */
export interface AllocationSite {
  bytes: number;
  stack: string;
}

const DEPTH = 6;

function topSites(head: ProfileNode, count = 12): AllocationSite[] {
  const bytes = new Map<string, number>();
  const walk = (node: ProfileNode, path: string[]): void => {
    const f = node.callFrame;
    const here = [...path, `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`];
    if (node.selfSize > 0) {
      const stack = here.slice(-DEPTH).reverse().join(' < ');
      bytes.set(stack, (bytes.get(stack) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, here);
  };
  walk(head, []);
  return [...bytes].map(([stack, b]) => ({ bytes: b, stack })).sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

export interface Measured<T> {
  value: T;
  ms: number;
  /** The worker's heap after a GC before the run, its peak during it, and after a GC at the end. */
  heapBefore: number;
  peakHeap: number;
  /** The peak of the heap right after a forced GC, every `gcEveryMs`: what the run holds, garbage aside. */
  peakLiveHeap: number;
  heapAfter: number;
  /** Peak PSS of the whole browser, and of its biggest process (with its type) at that moment. */
  peakPss: number;
  pssBefore: number;
  peakBiggest: { type: string; pss: number };
  /** CPU seconds all the browser's processes used during the run (less load-bound than wall time). */
  cpuSeconds: number;
  samples: number;
  /** With `profile`: the live allocations at the highest live heap, and when it was reached (ms into the run). */
  atPeak?: { ms: number; sites: AllocationSite[] };
  /** Every live-heap reading: [ms into the run, bytes]. */
  live: [number, number][];
}

/**
 * Runs `body`, sampling memory every `everyMs` (a sample in flight is awaited, never stacked). The
 * used heap's peak depends on when V8 chooses to collect: a longer run lets garbage pile higher
 * before a major GC. So every `gcEveryMs` the sampler also forces a full GC and reads the heap
 * then: the live heap, which is what "bounded" is about.
 */
export async function measureIn<T>(memory: WorkerMemory, body: () => Promise<T>, everyMs = 500, gcEveryMs = 5000, profile = false): Promise<Measured<T>> {
  const heapBefore = await memory.settledHeap();
  if (profile) await memory.startProfile();
  let atPeak: { ms: number; sites: AllocationSite[] } | undefined;
  const liveSeries: [number, number][] = [];
  const started = performance.now();
  const first = await memory.sample();
  let peakHeap = first.heap;
  let peakPss = first.pss;
  let peakBiggest = first.biggest;
  // Per process, the last CPU reading: a process that ends mid-run keeps what it used.
  const cpuStart = new Map(first.cpu);
  const cpuLast = new Map(first.cpu);
  const noteCpu = (cpu: Map<number, number>) => {
    for (const [pid, seconds] of cpu) {
      if (!cpuStart.has(pid)) cpuStart.set(pid, 0);
      cpuLast.set(pid, seconds);
    }
  };
  let peakLiveHeap = heapBefore;
  let samples = 1;
  let done = false;
  let lastGc = performance.now();
  const sampler = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, everyMs));
      if (done) break;
      try {
        if (performance.now() - lastGc >= gcEveryMs) {
          lastGc = performance.now();
          const live = await memory.settledHeap();
          liveSeries.push([performance.now() - started, live]);
          // Profiling is for a long diagnostic run: show the live heap as it goes.
          if (profile) process.stderr.write(`${((performance.now() - started) / 1000).toFixed(0)}s:${(live / 1024 / 1024).toFixed(0)} `);
          if (profile && live > peakLiveHeap) atPeak = { ms: performance.now() - started, sites: await memory.liveAllocations() };
          peakLiveHeap = Math.max(peakLiveHeap, live);
        }
        const s = await memory.sample();
        samples++;
        noteCpu(s.cpu);
        peakHeap = Math.max(peakHeap, s.heap);
        if (s.pss > peakPss) peakPss = s.pss;
        if (s.biggest.pss > peakBiggest.pss) peakBiggest = s.biggest;
      } catch {
        // a sample lost to a busy worker: the next one counts
      }
    }
  })();
  try {
    const value = await body();
    const ms = performance.now() - started;
    done = true;
    await sampler;
    noteCpu((await memory.sample()).cpu);
    let cpuSeconds = 0;
    for (const [pid, seconds] of cpuLast) cpuSeconds += seconds - (cpuStart.get(pid) ?? 0);
    const heapAfter = await memory.settledHeap();
    return { cpuSeconds, value, ms, heapBefore, peakHeap, peakLiveHeap, heapAfter, peakPss, pssBefore: first.pss, peakBiggest, samples, live: liveSeries, ...(atPeak ? { atPeak } : {}) };
  } finally {
    done = true;
    if (profile) await memory.stopProfile();
  }
}
