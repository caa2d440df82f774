// Keeps marks in document order as batches arrive, without re-sorting the whole page: a batch
// is sorted on its own, then merged in by binary search. On a page that grows at the end (live
// blogs, infinite scroll) each new batch lands after the last mark and costs one comparison.

import { hasRange, startOf } from './lazy-range';

export interface Ordered {
  range: Range;
}

export function byDocumentOrder(a: Ordered, b: Ordered): number {
  // Marks whose Range is not made yet (lazy-range.ts) are ordered by the node and offset they keep;
  // two in one text node (most names of a paragraph) by their offsets alone.
  if (!hasRange(a) || !hasRange(b)) {
    const x = startOf(a);
    const y = startOf(b);
    if (x.node === y.node) return x.offset - y.offset;
    const position = x.node.compareDocumentPosition(y.node);
    if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return composedOrder(x.node, y.node);
    if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return x.offset <= childIndexUnder(x.node, y.node) ? -1 : 1;
    if (position & Node.DOCUMENT_POSITION_CONTAINS) return childIndexUnder(y.node, x.node) < y.offset ? -1 : 1;
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    return composedOrder(a.range.startContainer, b.range.startContainer);
  }
}

/** The node, then the host of each shadow tree it lies in, outermost last. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.push(root.host);
  return chain;
}

/**
 * Two nodes of different trees (an open shadow tree's text and the document's, say) in the order
 * the text model reads them: a shadow tree where its host stands, before the host's own children.
 * Compared where their trees meet; 0 for nodes of trees that never meet (one of them removed:
 * staleness checks drop its marks).
 */
export function composedOrder(a: Node, b: Node): number {
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  for (let i = 0; i < chainA.length; i++) {
    const x = chainA[i]!;
    const root = x.getRootNode();
    const j = chainB.findIndex((y) => y.getRootNode() === root);
    if (j === -1) continue;
    const y = chainB[j]!;
    // One host for both: the one read inside it (further down its chain) comes first.
    if (x === y) return i === j ? 0 : i > j ? -1 : 1;
    const position = x.compareDocumentPosition(y);
    if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
    if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (position & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return 0;
}

/** The index, among `ancestor`'s children, of the child holding `node`. */
function childIndexUnder(ancestor: Node, node: Node): number {
  let child = node;
  while (child.parentNode && child.parentNode !== ancestor) child = child.parentNode;
  let index = 0;
  for (let c = child.previousSibling; c; c = c.previousSibling) index++;
  return index;
}

/** First index in `sorted` whose mark comes strictly after `mark` (ties stay in arrival order). */
function upperBound<T extends Ordered>(sorted: readonly T[], mark: T, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDocumentOrder(sorted[mid]!, mark) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `sorted` with `batch` merged in, in document order, and whether the batch went on the end in
 * place: a page growing at its end would otherwise copy all its marks (15,000 on the growing page
 * of BENCHMARKS part 3) per batch. Otherwise a new array (see mergeInOrder); `sorted` is kept.
 */
export function appendInOrder<T extends Ordered>(sorted: T[], batch: readonly T[]): { marks: T[]; appended: readonly T[] | null } {
  const incoming = inOrder(batch);
  const last = sorted[sorted.length - 1];
  if (incoming.length > 0 && (!last || byDocumentOrder(last, incoming[0]!) <= 0)) {
    for (const mark of incoming) sorted.push(mark);
    return { marks: sorted, appended: incoming };
  }
  return { marks: mergeSorted(sorted, incoming), appended: null };
}

/**
 * A new array: `sorted` with `batch` merged in, in document order. Marks already in place stay
 * before new marks at the same position, as a stable sort of everything in arrival order would.
 */
export function mergeInOrder<T extends Ordered>(sorted: readonly T[], batch: readonly T[]): T[] {
  return mergeSorted(sorted, inOrder(batch));
}

/**
 * The batch sorted by document order, as a stable sort gives it. A scan's batch mostly comes in
 * order already: checking that takes one comparison (a DOM call) per mark, a sort ~log n of them.
 */
function inOrder<T extends Ordered>(batch: readonly T[]): readonly T[] {
  for (let i = 1; i < batch.length; i++) if (byDocumentOrder(batch[i - 1]!, batch[i]!) > 0) return [...batch].sort(byDocumentOrder);
  return batch;
}

function mergeSorted<T extends Ordered>(sorted: readonly T[], incoming: readonly T[]): T[] {
  if (incoming.length === 0) return [...sorted];
  const last = sorted[sorted.length - 1];
  // The common case: everything new comes after everything we had.
  if (!last || byDocumentOrder(last, incoming[0]!) <= 0) return sorted.concat(incoming);
  const merged: T[] = [];
  let taken = 0;
  for (const mark of incoming) {
    const at = upperBound(sorted, mark, taken);
    for (; taken < at; taken++) merged.push(sorted[taken]!);
    merged.push(mark);
  }
  for (; taken < sorted.length; taken++) merged.push(sorted[taken]!);
  return merged;
}
