// Highlights receive no events, so a click is mapped to a mark by position: the caret point
// under the pointer, a binary search over marks in document order, then a check that the
// pointer is really over the mark's boxes (a caret snaps to the nearest text, even far away).
import type { Mark } from '../highlight/highlighter';

interface CaretPoint {
  node: Node;
  offset: number;
}

export function caretPointAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const legacy = doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  const range = legacy.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function comparePoint(range: Range, point: CaretPoint): number {
  try {
    return range.comparePoint(point.node, point.offset);
  } catch {
    return 1; // a point in another tree is never inside
  }
}

function isUnderPointer(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mark under the pointer among `ordered` (document order, non-overlapping), if any. */
export function markAtPoint(ordered: readonly Mark[], point: CaretPoint, x: number, y: number): Mark | null {
  let lo = 0;
  let hi = ordered.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const side = comparePoint(ordered[mid]!.range, point);
    if (side < 0) hi = mid - 1;
    else if (side > 0) lo = mid + 1;
    else {
      // Two marks can touch ("A" ends where "B" starts): the pointer decides.
      for (const i of [mid, mid - 1, mid + 1]) {
        const mark = ordered[i];
        if (mark && isUnderPointer(mark.range, x, y)) return mark;
      }
      return null;
    }
  }
  return null;
}
