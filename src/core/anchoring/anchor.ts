// Finds a saved selection again in the page's current text: the fallback chain of hypothesis
// (position, then exact quote, then fuzzy quote), each step checked against the quoted text so a
// stale offset never lands on the wrong words.

import { deadlineAfter } from './deadline';
import { findExactQuote } from './exact';
import { findFuzzyQuote } from './fuzzy';
import { selectorsFromList, type AnchorSelectors, type TextSelector } from './selectors';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
}

export interface AnchorOptions {
  /** Give up (orphan) once this much time has gone; the page stays responsive. */
  maxMs?: number;
}

export const DEFAULT_ANCHOR_MAX_MS = 250;

/**
 * `null` means the passage is gone (or could not be found within `maxMs`): the annotation is an
 * orphan, to be listed but not highlighted.
 */
export function anchor(
  text: string,
  selectors: AnchorSelectors | readonly TextSelector[],
  options: AnchorOptions = {},
): Anchored | null {
  const { quote, position } = Array.isArray(selectors)
    ? selectorsFromList(selectors as readonly TextSelector[])
    : (selectors as AnchorSelectors);
  const positionFits =
    position !== undefined &&
    Number.isInteger(position.start) &&
    Number.isInteger(position.end) &&
    position.start >= 0 &&
    position.start <= position.end &&
    position.end <= text.length;

  if (!quote || quote.exact.length === 0) {
    // Nothing to verify the offsets against: trust them only if they still fit the text.
    return position && positionFits ? { start: position.start, end: position.end, method: 'position' } : null;
  }
  if (position && positionFits && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }

  const deadline = deadlineAfter(options.maxMs ?? DEFAULT_ANCHOR_MAX_MS);
  const hint = position?.start;
  const exact = findExactQuote(text, quote, hint, deadline);
  if (exact === null) return null;
  if (exact) return { ...exact, method: 'quote' };
  const fuzzy = findFuzzyQuote(text, quote, hint, deadline);
  return fuzzy ? { ...fuzzy, method: 'fuzzy' } : null;
}
