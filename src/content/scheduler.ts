// Cooperative scheduling: long work on the page is cut into slices so that no task of ours
// holds the main thread for long (the budget is 50 ms per task; we aim well under it).

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
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A deadline for the current slice; `expired()` says when to yield. */
export class SliceClock {
  private deadline = 0;
  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {
    this.restart();
  }
  restart(): void {
    this.deadline = performance.now() + this.budgetMs;
  }
  expired(): boolean {
    return performance.now() >= this.deadline;
  }
  /** Yields if the slice is used up, and starts a new one. */
  async checkpoint(): Promise<void> {
    if (!this.expired()) return;
    await yieldToPage();
    this.restart();
  }
}
