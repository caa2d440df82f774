// A page's first scan, in the two steps the popup tells apart: the names are marked (the page's
// own work), then the claim sentences are judged (the background's, which may first have to load
// its model: ~0.7 s on a cold worker, more on a big page). The popup lists the names after the
// first step and the claims after the second, so the judge never holds the names back.

export class FirstScan {
  /** Resolves once the names of the first scan are marked (or the scan ended without them). */
  readonly namesMarked: Promise<void>;
  /** Resolves once the first scan is over, its claims judged included. */
  readonly done: Promise<void>;
  private over = false;
  private named: () => void = () => {};
  private finished: () => void = () => {};

  constructor() {
    this.namesMarked = new Promise<void>((resolve) => (this.named = resolve));
    this.done = new Promise<void>((resolve) => (this.finished = resolve));
  }

  /** A scan that has already run (a page before its first turnOn, or switched off). */
  static finished(): FirstScan {
    const scan = new FirstScan();
    scan.finish();
    return scan;
  }

  markNames(): void {
    this.named();
  }

  /** The scan is over, however it ended; the names step with it. */
  finish(): void {
    this.over = true;
    this.named();
    this.finished();
  }

  /** Whether the claims are still being judged. */
  get claimsPending(): boolean {
    return !this.over;
  }
}
