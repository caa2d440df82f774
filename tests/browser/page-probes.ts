// What a test watches on a page while Dossier works there: uncaught errors, long tasks, and the
// moment the highlight count stops growing (the scan of a big page is done).
import type { Page, Worker } from 'playwright-core';
import { foundCounts } from './harness';

/** Collects the message of every uncaught error on `page` from now on. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Records every long task (over 50 ms) of the page from its first script on; call before goto. */
export async function installLongTaskProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks recorded so far by installLongTaskProbe. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
}

/**
 * Waits until the number of `kind` marks is above zero and has not changed for `quietMs`; returns
 * it (or the last count seen when `timeout` runs out). Counts every mark the content script found
 * (the popup's page/found), not the ranges registered near the viewport.
 */
export async function settledFound(worker: Worker, page: Page, kind = 'person', quietMs = 750, timeout = 90_000): Promise<number> {
  const end = Date.now() + timeout;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = (await foundCounts(worker, page))[kind] ?? 0;
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (now > 0 && Date.now() - stableSince >= quietMs) {
      return now;
    }
    if (Date.now() > end) return now;
    await new Promise((done) => setTimeout(done, 150));
  }
}
