// Highlights receive no events, so a click is mapped to a mark by position: the caret point
// under the pointer, a binary search over marks in document order, then a check that the
// pointer is really over the mark's boxes (a caret snaps to the nearest text, even far away).
// Text inside a web component's open shadow root is reached through the roots the event passed
// (a caret point stops at the shadow host otherwise), and its marks are searched apart: a point in
// a shadow tree is in no order with the document's ranges.
import type { Mark } from '../highlight/highlighter';
import { composedOrder } from '../marks/mark-order';

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The open shadow roots an event went through, innermost first (closed ones are not in its path). */
export function shadowRootsOf(event: Event): ShadowRoot[] {
  return event.composedPath().filter((target): target is ShadowRoot => target instanceof ShadowRoot);
}

type CaretWithRoots = (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null;

export function caretPointAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // The options argument is Chromium 128+'s; an engine without it ignores it and stops at the host.
    const caret = doc.caretPositionFromPoint.bind(doc) as CaretWithRoots;
    const pos = shadowRoots.length > 0 ? caret(x, y, { shadowRoots: [...shadowRoots] }) : caret(x, y);
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
    // A mark in a shadow tree, a point in the document: compared as the marks are ordered (the
    // mark where its host stands), so the search by halves still goes the right way past it.
    return composedOrder(point.node, range.startContainer) < 0 ? -1 : 1;
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
  const root = point.node.getRootNode();
  if (root instanceof ShadowRoot) return shadowMarkAtPoint(ordered, root, point, x, y);
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

/** The same within one shadow tree: its marks are few, and only comparable among themselves. */
function shadowMarkAtPoint(marks: readonly Mark[], root: ShadowRoot, point: CaretPoint, x: number, y: number): Mark | null {
  for (const mark of marks) {
    if (mark.range.startContainer.getRootNode() !== root) continue;
    if (comparePoint(mark.range, point) === 0 && isUnderPointer(mark.range, x, y)) return mark;
  }
  for (const mark of marks) {
    // A caret between two touching marks lies in one of them; the pointer decides.
    if (mark.range.startContainer.getRootNode() === root && isUnderPointer(mark.range, x, y)) return mark;
  }
  return null;
}
