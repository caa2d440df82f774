// Last step of the chain: the quote was edited (a word changed, a typo fixed). Myers' bit-parallel
// search (approx-string-match) finds the spans within an error budget; the saved context and the
// old position then choose among them, as hypothesis does.

import search from 'approx-string-match';
import type { Deadline } from './deadline';
import type { Found } from './exact';
import type { TextQuoteSelector } from './selectors';
import { contextSimilarity, proximity } from './similarity';

/** At most one edit per five characters: beyond that a "match" is mostly coincidence. */
export const MAX_ERROR_RATE = 0.2;
// The text is searched in chunks, nearest the old position first, so the clock is checked between
// chunks and the likeliest region is done before the budget runs out. Myers' search costs one step
// per 32 pattern characters per text character, so long quotes get shorter chunks (but never so
// short that the overlap between chunks dominates).
const CHUNK_WORK = 1 << 20;
function chunkLengthFor(patternLength: number): number {
  const blocks = Math.ceil(patternLength / 32);
  return Math.max(4 * patternLength, 4096, Math.min(1 << 16, Math.floor(CHUNK_WORK / blocks)));
}
const QUOTE_WEIGHT = 4;
const CONTEXT_WEIGHT = 2;
const PROXIMITY_WEIGHT = 1;

interface Candidate extends Found {
  score: number;
  quoteSimilarity: number;
  context: number;
}

function chunkStartsNearestFirst(textLength: number, chunkLength: number, hint: number | undefined): number[] {
  const starts: number[] = [];
  for (let start = 0; start < textLength; start += chunkLength) starts.push(start);
  if (hint === undefined) return starts;
  const distance = (start: number): number =>
    hint < start ? start - hint : hint >= start + chunkLength ? hint - start - chunkLength + 1 : 0;
  return starts.sort((a, b) => distance(a) - distance(b));
}

/** Good enough that searching further chunks could not plausibly do better. */
function isConfident(candidate: Candidate): boolean {
  return candidate.quoteSimilarity >= 0.9 && candidate.context >= 0.75;
}

/** `undefined` when nothing is close enough; `null` when the deadline passed first. */
export function findFuzzyQuote(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  deadline: Deadline,
): Found | undefined | null {
  const pattern = quote.exact;
  const maxErrors = Math.floor(pattern.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return undefined; // too short to tell an edit from a different phrase
  // Chunks overlap by the longest possible match so none is cut in two.
  const overlap = pattern.length + maxErrors;
  const chunkLength = chunkLengthFor(pattern.length);
  let best: Candidate | undefined;
  for (const chunkStart of chunkStartsNearestFirst(text.length, chunkLength, hint)) {
    if (deadline.passed()) return null;
    const chunk = text.slice(chunkStart, chunkStart + chunkLength + overlap);
    for (const match of search(chunk, pattern, maxErrors)) {
      const start = chunkStart + match.start;
      const end = chunkStart + match.end;
      const quoteSimilarity = 1 - match.errors / pattern.length;
      const context = contextSimilarity(text, start, end, quote);
      const score =
        QUOTE_WEIGHT * quoteSimilarity + CONTEXT_WEIGHT * context + PROXIMITY_WEIGHT * proximity(start, hint, text.length);
      if (!best || score > best.score) best = { start, end, score, quoteSimilarity, context };
    }
    if (best && isConfident(best)) break;
  }
  return best ? { start: best.start, end: best.end } : undefined;
}
