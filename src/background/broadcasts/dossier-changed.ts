// Tells open pages that what they show may have changed, after a write that can change it: an
// article added, an entity import, edit or delete, new colours, a restore, a sync pull. Writes come
// in bursts (a sync pass is several), so one check follows the last of them; pages are told only
// when the fingerprint of what they show (the list's version and the colours) differs from the one
// told last. Each page then asks again and acts only on what differs from what it read.

import { createDebouncedCheck } from '../debounced-check';

export interface DossierAnnouncer {
  /** A write that may change the list or the colours finished (or failed). */
  written(): void;
  /** Resolves once the checks scheduled so far are done (tests). */
  settled(): Promise<void>;
}

export function createDossierAnnouncer(readVersion: () => Promise<string>, tell: () => Promise<void>, delayMs = 100): DossierAnnouncer {
  // Unknown after the worker starts: the first write then tells every page, which compare.
  let told: string | undefined;
  const checks = createDebouncedCheck(
    async () => {
      const version = await readVersion();
      if (version === told) return;
      told = version;
      await tell();
    },
    (error) => console.warn('Dossier: could not tell open pages about a change', error),
    delayMs,
  );
  return { written: () => checks.request(), settled: () => checks.settled() };
}
