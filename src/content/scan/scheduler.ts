// Cooperative scheduling: long work on the page is cut into slices so that no task of ours
// holds the main thread for long (the budget is 50 ms per task; we aim well under it).
import { SILENT_TIMELINE, type Timeline } from '../timeline';

/** How long one slice may run before giving the page its turn back. */
export const SLICE_BUDGET_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

function nativeYield(): SchedulerWithYield | undefined {
  const s = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  return s && typeof s.yield === 'function' ? (s as SchedulerWithYield) : undefined;
}

/**
 * Lets the browser run input handlers and rendering before we continue. `scheduler.yield`
 * resumes ahead of other queued tasks; MessageChannel avoids setTimeout's 4 ms clamp.
 */
export function yieldToPage(): Promise<void> {
  const s = nativeYield();
  if (s) return s.yield();
  return nextTask();
}

/**
 * Ends our task and queues the next behind the page's own: unlike `scheduler.yield`, whose
 * continuation runs ahead of the page's timers and messages, so a long read starves them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Performance-timeline name of each slice of the first scan: the benchmark reads them, because a
 * trace cannot tell our promise continuations (the page/init reply, each resumed slice) from the
 * page's own microtasks.
 */
export const SLICE_MEASURE = 'dossier:slice';

/** A deadline for the current slice; `expired()` says when to yield. */
export class SliceClock {
  private deadline = 0;
  private sliceStart = 0;
  private pause: () => Promise<void> = yieldToPage;
  /**
   * `startedAt`: when the task we run in began (work done before the scan, such as compiling the
   * matcher, counts against the first slice). `timeline`: where each slice is recorded (bounded
   * work only, such as the first scan: a live page would pile up entries).
   */
  constructor(
    private readonly budgetMs = SLICE_BUDGET_MS,
    startedAt = performance.now(),
    private readonly timeline: Timeline = SILENT_TIMELINE,
    private readonly measureName = SLICE_MEASURE,
  ) {
    this.sliceStart = startedAt;
    this.deadline = startedAt + budgetMs;
  }
  restart(): void {
    this.sliceStart = performance.now();
    this.deadline = this.sliceStart + this.budgetMs;
  }
  expired(): boolean {
    return performance.now() >= this.deadline;
  }
  /**
   * From here on, each pause lets the page's own queued tasks run first: for work that can wait,
   * such as reading the rest of a page whose first screens are already highlighted.
   */
  behindThePage(): void {
    this.pause = nextTask;
  }
  /** Yields if the slice is used up, and starts a new one. */
  async checkpoint(): Promise<void> {
    if (!this.expired()) return;
    this.record();
    await this.pause();
    this.restart();
  }
  /**
   * Waits for `promise` (a message's reply) outside any slice: the slice so far is recorded first,
   * and a new one starts when the reply's continuation runs, so that continuation is measured too.
   */
  async wait<T>(promise: Promise<T>): Promise<T> {
    this.record();
    try {
      return await promise;
    } finally {
      this.restart();
    }
  }
  /** Ends the last slice (the scan is done). */
  finish(): void {
    this.record();
  }
  private record(): void {
    this.timeline.measure(this.measureName, this.sliceStart);
  }
}

/** Runs resumable steps (see createMatcherSteps), giving the page its turn whenever `clock` runs out. */
export async function runInSlices<T>(steps: Generator<void, T>, clock: SliceClock): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await clock.checkpoint();
  }
}

/** After the browser's next rendering step (style, layout, paint), or a short timer where frames do not come (a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 100);
  });
}
