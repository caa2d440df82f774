// Whether a page is too large for underlined marks. An underline (any text-decoration in a
// ::highlight rule) counts as ink overflow in Chromium, and each time the highlights are validated
// again (one added or removed as the reader scrolls, any change of the page's DOM or style) the
// ink overflow is recomputed over the whole document, in the frame's pre-paint. Measured on plain
// pages of paragraphs (one highlight added per frame, Chromium 156, BENCHMARKS part 1): 0.3 ms at
// 400 paragraphs, 6-7 ms at 8,000, 12-16 ms at 20,000 and 50-66 ms at 81,000, against 0.2-4.6 ms
// with a tint alone. The corpus's news pages have 400-2,800 elements.

/** Above this many elements the marks are tinted only. */
export const UNDERLINED_MAX_ELEMENTS = 10_000;

/** Counted natively (no node reaches our world): ~1 ms on a page of 80,000 elements. */
export function isTooLargeForUnderlines(doc: Document): boolean {
  return doc.getElementsByTagName('*').length > UNDERLINED_MAX_ELEMENTS;
}
