// Step two of the chain: the quote still appears verbatim somewhere. When it appears several
// times, the saved context decides, and nearness to the old position breaks ties.

import type { Deadline } from './deadline';
import type { TextQuoteSelector } from './selectors';
import { contextSimilarity, proximity } from './similarity';

// Context outweighs nearness: a repeated phrase ("the minister said") must land on the occurrence
// whose surroundings agree, even if another occurrence now sits at the old offset.
const CONTEXT_WEIGHT = 10;
const PROXIMITY_WEIGHT = 1;

export interface Found {
  start: number;
  end: number;
}

/** `undefined` when the quote does not occur; `null` when the deadline passed while searching. */
export function findExactQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  deadline: Deadline,
): Found | undefined | null {
  const length = quote.exact.length;
  let best: Found | undefined;
  let bestScore = -Infinity;
  let checked = 0;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    // A page of one repeated word could hold a million occurrences: keep checking the clock.
    if (++checked % 256 === 0 && deadline.passed()) return null;
    const score =
      CONTEXT_WEIGHT * contextSimilarity(text, at, at + length, quote) +
      PROXIMITY_WEIGHT * proximity(at, hint, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + length };
    }
  }
  return best;
}
