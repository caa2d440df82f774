// The whole page's visible text as ONE string, the model annotations are anchored on. It is the
// scanner's text model (same exclusions, same block separators) read in a single slice, so the
// offsets a selection is saved with are the offsets it is found at again.
import { TextCollector, rangeFor, type TextSlice } from '../scan/text-model';

export interface PageText {
  readonly text: string;
  /** The DOM range of [start, end) of the text; null if the nodes changed since. */
  rangeOf(start: number, end: number): Range | null;
  /** Offsets of a DOM range in the text, trimmed of surrounding blank space; null if it holds no page text. */
  offsetsOf(range: Range): { start: number; end: number } | null;
}

export function readPageText(doc: Document): PageText {
  const root = doc.body ?? doc.documentElement;
  const slice: TextSlice = new TextCollector(root).next(Number.POSITIVE_INFINITY, () => false) ?? { text: '', nodes: [], starts: [] };
  const index = new Map<Text, number>(slice.nodes.map((node, i) => [node, i]));
  return {
    text: slice.text,
    rangeOf: (start, end) => rangeFor(slice, start, end),
    offsetsOf(range) {
      let start = offsetAt(slice, index, range.startContainer, range.startOffset, 'start');
      let end = offsetAt(slice, index, range.endContainer, range.endOffset, 'end');
      while (start < end && /\s/.test(slice.text[start]!)) start++;
      while (end > start && /\s/.test(slice.text[end - 1]!)) end--;
      return end > start ? { start, end } : null;
    },
  };
}

/**
 * The text offset of a DOM boundary point. A point inside a text node of the model maps directly;
 * any other point (in an element, in hidden or excluded text) maps to the edge of the nearest
 * model text: the start of the next node for a start, the end of the previous one for an end.
 */
function offsetAt(slice: TextSlice, index: ReadonlyMap<Text, number>, node: Node, offset: number, edge: 'start' | 'end'): number {
  const direct = node instanceof Text ? index.get(node) : undefined;
  if (direct !== undefined) return slice.starts[direct]! + Math.min(offset, node.textContent?.length ?? 0);
  const point = node.ownerDocument!.createRange();
  point.setStart(node, offset);
  // First node that starts at or after the point (nodes are in document order).
  let lo = 0;
  let hi = slice.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(slice.nodes[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  if (edge === 'start') return lo < slice.nodes.length ? slice.starts[lo]! : slice.text.length;
  if (lo === 0) return 0;
  const previous = lo - 1;
  return slice.starts[previous]! + slice.nodes[previous]!.length;
}
