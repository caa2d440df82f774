// A rescan re-makes the marks of the blocks it reads: the open card's mark is then a new object
// for the same words. The card follows it, and closes only when its mention has left the page.
import type { Mark } from '../highlight/highlighter';

function sameBoundaries(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
  } catch {
    return false; // in different documents
  }
}

/** The mark among `marks` for the same mention (kind, id, text and place) as `gone`, if any. */
export function sameMention(gone: Mark, marks: readonly Mark[]): Mark | undefined {
  if (gone.range.collapsed || !gone.range.startContainer.isConnected) return undefined;
  return marks.find((m) => m.kind === gone.kind && m.id === gone.id && m.text === gone.text && sameBoundaries(m.range, gone.range));
}
