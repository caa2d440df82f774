// Work that can wait for the page: the next idle period, or `timeout` ms at most.

/** Resolves in an idle period (at most `timeout` ms away), at once if `signal` is aborted. */
export function whenIdle(timeout: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    // Safari and old engines lack requestIdleCallback: a short timer is the nearest thing.
    if (typeof requestIdleCallback !== 'function') {
      setTimeout(resolve, 50);
      return;
    }
    const id = requestIdleCallback(() => resolve(), { timeout });
    signal.addEventListener(
      'abort',
      () => {
        cancelIdleCallback(id);
        resolve();
      },
      { once: true },
    );
  });
}
