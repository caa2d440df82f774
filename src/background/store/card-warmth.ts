// A card's data read on the reader's press on a highlight, before the click that opens the card:
// the card frame's own request (card/entity) then takes the read already under way. A press comes
// ~100 ms before its click, more than the background needs to answer, so the card's frame is no
// longer waiting on the database when it asks. Only the last press is kept, for a short while, and
// any write forgets it: a card never shows data older than the press that opened it.
export interface Warmth<T> {
  /** Starts `read` for `key` (the press), replacing whatever was kept. */
  keep(key: string, read: () => Promise<T>): void;
  /** The read kept for `key` if it is fresh, handed over once; undefined otherwise. */
  take(key: string): Promise<T> | undefined;
  /** A write happened: what was read before it may be out of date. */
  forget(): void;
}

/** Longer than a slow press, shorter than the reader's next look at the same card. */
export const WARM_FOR_MS = 2000;

export function createWarmth<T>(now: () => number = Date.now): Warmth<T> {
  let kept: { key: string; at: number; value: Promise<T> } | null = null;
  return {
    keep(key, read) {
      const value = read();
      // Nobody may take it: its failure must not be an unhandled rejection.
      value.catch(() => undefined);
      kept = { key, at: now(), value };
    },
    take(key) {
      const entry = kept;
      if (!entry || entry.key !== key || now() - entry.at > WARM_FOR_MS) return undefined;
      kept = null;
      return entry.value;
    },
    forget() {
      kept = null;
    },
  };
}
