// How well the text around a candidate agrees with the context the quote was saved with. Contexts
// are at most CONTEXT_LENGTH characters, so a plain edit-distance table costs nothing.

import type { TextQuoteSelector } from './selectors';

/** Levenshtein distance; inputs are short (≤ 32 characters on each side). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sideSimilarity(expected: string, actual: string, atEdgeOfText: boolean): number {
  // A quote saved at the very start (or end) of the text has no context on that side: being at
  // the edge again agrees with it, being elsewhere says nothing either way.
  if (expected.length === 0) return atEdgeOfText ? 1 : 0.5;
  return 1 - editDistance(expected, actual) / Math.max(expected.length, actual.length);
}

/** 0 (context unrelated) to 1 (context identical), averaged over prefix and suffix. */
export function contextSimilarity(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (sideSimilarity(quote.prefix, before, start === 0) + sideSimilarity(quote.suffix, after, end === text.length)) / 2;
}

/** 1 at the old position, falling towards 0 at the far end of the text; 0 when there is no hint. */
export function proximity(start: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined || textLength === 0) return 0;
  return 1 - Math.min(1, Math.abs(start - hint) / textLength);
}
