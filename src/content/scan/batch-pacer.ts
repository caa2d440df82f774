// How long the watcher waits before it hands a batch of changes to a rescan. A change after a quiet
// spell is rescanned at once (at most MIN_GAP_MS after the last batch), so an edit is highlighted
// promptly. A page that keeps changing (a live blog appending every 100 ms) is rescanned ever less
// often, up to MAX_GAP_MS apart: each rescan has a fixed cost (its task, its slices, the
// highlights' bookkeeping, the claim pass's question), and a page that grows for minutes paid it
// for every append (BENCHMARKS part 3). Pure timing logic: the caller reads the clock.

/** Batches never run closer than this. */
export const MIN_GAP_MS = 100;
/** The gap a page that keeps changing grows to: new text there is highlighted at most this late. */
export const MAX_GAP_MS = 300;

export class BatchPacer {
  private gap = MIN_GAP_MS;
  private lastFlush = -Infinity;
  /** Batches in a row that came within one minimal gap of when the gap allowed them. */
  private streak = 0;

  /**
   * A batch's first change came at `now`: how long to wait before flushing it. A change that
   * arrives within one minimal gap of the moment the current gap allowed a flush, for the second
   * batch in a row, means the page keeps changing: the gap doubles (up to MAX_GAP_MS). One such
   * change alone (an edit and its correction) waits the minimal gap; a change later than that
   * brings the gap back to MIN_GAP_MS.
   */
  delay(now: number): number {
    const since = now - this.lastFlush;
    this.streak = since <= this.gap + MIN_GAP_MS ? this.streak + 1 : 0;
    this.gap = this.streak >= 2 ? Math.min(this.gap * 2, MAX_GAP_MS) : MIN_GAP_MS;
    return Math.max(0, this.lastFlush + this.gap - now);
  }

  /** The batch went to the rescan at `now`. */
  flushed(now: number): void {
    this.lastFlush = now;
  }
}
