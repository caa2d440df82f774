// Tells the background which people, bodies and places this page names (the cards' "Seen
// elsewhere"), once the page has settled: after the first scan, and again a while after the last
// rescan that changed what is marked. The top frame only: ad and embed frames would only add noise
// to the reader's history.
import { entityCounts } from '../findings';
import type { Mark } from '../highlight/highlighter';
import { askBackground } from '../runtime/messaging';

/** How long after a change of the marks the sightings are recorded, if nothing changes before. */
export const SIGHTINGS_DEBOUNCE_MS = 2000;

export class SightingsReporter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the sightings are recorded (performance.now()), if nothing changes before. */
  private due = 0;
  /** What was told last: the same page and counts are not told twice. */
  private last = '';

  constructor(
    private readonly doc: Document,
    private readonly marks: () => readonly Mark[],
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Records the sightings `delay` ms from now, or later if asked again meanwhile with a later time. */
  schedule(delay: number): void {
    const due = performance.now() + delay;
    // A growing page asks after every rescan: the timer already set is moved on when it fires
    // (one timer per debounce period, not a clear and a new timer per rescan).
    if (this.timer !== undefined && due >= this.due) {
      this.due = due;
      return;
    }
    clearTimeout(this.timer);
    this.due = due;
    this.arm(delay);
  }

  /** Nothing more is recorded until the next schedule() (the page was switched off). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(delay: number): void {
    this.timer = setTimeout(() => {
      const left = this.due - performance.now();
      if (left > 1) return this.arm(left);
      this.timer = undefined;
      void this.record();
    }, delay);
  }

  private async record(): Promise<void> {
    const counts = entityCounts(this.marks());
    const key = JSON.stringify([this.doc.location.href, counts]);
    if (Object.keys(counts).length === 0 || key === this.last) return;
    this.last = key;
    try {
      await askBackground('sightings/record', { url: this.doc.location.href, title: this.doc.title, counts });
    } catch (error) {
      this.onError(error);
    }
  }
}
