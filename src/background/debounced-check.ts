// One check after a burst of requests, one check at a time: what the dossier announcer and the
// first stage's publisher both need (writes come in bursts; the state acted on last must be the
// state read last). A failed check is reported and forgotten: the next request checks again.

export interface DebouncedCheck {
  /** Asks for a check `delayMs` from now; a request before then moves it. */
  request(): void;
  /** Resolves once the checks requested so far are done (tests). */
  settled(): Promise<void>;
}

export function createDebouncedCheck(check: () => Promise<void>, onError: (error: unknown) => void, delayMs: number): DebouncedCheck {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checks: Promise<void> = Promise.resolve();
  let scheduled: Promise<void> = Promise.resolve();
  let release: () => void = () => {};
  return {
    request() {
      if (timer === undefined) scheduled = new Promise<void>((resolve) => (release = resolve));
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const done = release;
        checks = checks.then(check).catch(onError);
        void checks.then(done);
      }, delayMs);
    },
    settled: () => scheduled.then(() => checks),
  };
}
