// Turns a selection of the page's text model into selectors that can find it again later.

import { CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './selectors';

export interface Described {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** @throws RangeError when the offsets are not a range of `text` (a caller bug, not page data). */
export function describe(text: string, start: number, end: number): Described {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`describe: [${start}, ${end}) is not a range of a text of length ${text.length}`);
  }
  // Never cut an emoji in half at the context's outer edge: a lone surrogate would not compare
  // equal to anything once the page re-renders it.
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd--;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
