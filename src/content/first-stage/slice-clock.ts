// Time slices for the first stage's reads of a page, so even a 20 MB page never holds the main
// thread for long: each pass works until its slice's budget is spent, then yields a task.

/** A slice's budget: well under the 50 ms of a long task, with room for the page's own work. */
export const SLICE_MS = 8;

export type Yield = () => Promise<void>;

/** The next task, without the 4 ms clamp of nested timers. */
export const nextTask: Yield = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

export interface SliceOptions {
  pause?: Yield;
  sliceMs?: number;
  /** Told each slice's start as it ends (benchmarks and tests measure the slices). */
  onSlice?: (start: number) => void;
}

export interface SliceClock {
  /** Whether the slice's budget is spent. */
  readonly spent: () => boolean;
  /** Yields once the budget is spent, then starts a new slice. */
  readonly breathe: () => Promise<void>;
  /** Ends the slice here (work timed by its own clock follows) and starts the next after it. */
  readonly handOver: <T>(work: () => Promise<T>) => Promise<T>;
  /** Ends the last slice. */
  readonly end: () => void;
}

export function sliceClock({ pause = nextTask, sliceMs = SLICE_MS, onSlice }: SliceOptions = {}): SliceClock {
  let sliceStart = performance.now();
  let deadline = sliceStart + sliceMs;
  const restart = (): void => {
    sliceStart = performance.now();
    deadline = sliceStart + sliceMs;
  };
  const spent = (): boolean => performance.now() > deadline;
  return {
    spent,
    breathe: async () => {
      if (!spent()) return;
      onSlice?.(sliceStart);
      await pause();
      restart();
    },
    handOver: async (work) => {
      onSlice?.(sliceStart);
      const result = await work();
      restart();
      return result;
    },
    end: () => onSlice?.(sliceStart),
  };
}
