// Tells open pages that what they show may have changed, after a write that can change it: an
// article added, an entity import, edit or delete, new colours, a restore, a sync pull. Writes come
// in bursts (a sync pass is several), so one check follows the last of them; pages are told only
// when the fingerprint of what they show (the list's version and the colours) differs from the one
// told last. Each page then asks again and acts only on what differs from what it read.

export interface DossierAnnouncer {
  /** A write that may change the list or the colours finished (or failed). */
  written(): void;
  /** Resolves once the checks scheduled so far are done (tests). */
  settled(): Promise<void>;
}

export function createDossierAnnouncer(readVersion: () => Promise<string>, tell: () => Promise<void>, delayMs = 100): DossierAnnouncer {
  // Unknown after the worker starts: the first write then tells every page, which compare.
  let told: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checks: Promise<void> = Promise.resolve();
  let scheduled: Promise<void> = Promise.resolve();
  let release: () => void = () => {};
  const check = async (): Promise<void> => {
    const version = await readVersion();
    if (version === told) return;
    told = version;
    await tell();
  };
  return {
    written() {
      if (timer === undefined) scheduled = new Promise<void>((resolve) => (release = resolve));
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const done = release;
        // One check at a time, so the last version told is the last one read.
        checks = checks.then(check).catch((error: unknown) => console.warn('Dossier: could not tell open pages about a change', error));
        void checks.then(done);
      }, delayMs);
    },
    settled: () => scheduled.then(() => checks),
  };
}
