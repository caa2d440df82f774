// A claim sentence found on the page, waiting for the background's judge. Most sentences asked
// about do not restate their claim (on the growing page of BENCHMARKS part 3, none of the 100 an
// append asks about), so the DOM range a mark needs is made once the judge says yes, not for every
// sentence asked about: a range per candidate was a third of the ranges an append made, and each
// live range is one more the page's every DOM change must update until it is collected.
import type { Mark } from '../highlight/highlighter';
import { nodeIndexAt, rangeFor, type TextSlice } from '../scan/text-model';

export interface ClaimSpot {
  /** The text nodes it starts and ends in (a rescan there forgets it; visibility is read there). */
  readonly startNode: Text;
  readonly endNode: Text;
  /** Its mark, or null if the page changed or removed the sentence since it was found. */
  toMark(): Mark | null;
}

/** The claim sentence at model text [start, end) of `slice`; null if its nodes changed under us. */
export function claimSpot(slice: TextSlice, start: number, end: number, claimId: string): ClaimSpot | null {
  if (end <= start || slice.nodes.length === 0) return null;
  const a = nodeIndexAt(slice, start);
  const b = nodeIndexAt(slice, end - 1);
  const startNode = slice.nodes[a]!;
  const endNode = slice.nodes[b]!;
  const startOffset = start - slice.starts[a]!;
  const endOffset = end - slice.starts[b]!;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  if (startNode !== endNode) {
    // Across text nodes (a link, an <em> inside the sentence): a live range at once, which follows
    // the page's edits, as every candidate had before.
    const range = rangeFor(slice, start, end);
    if (!range) return null;
    const text = range.toString();
    return { startNode, endNode, toMark: () => (range.collapsed || range.toString() !== text ? null : { range, kind: 'claim', id: claimId, text }) };
  }
  // In one text node: its text now, compared when the verdict comes. An edit that moved the
  // sentence within the node refuses the mark; the edit's own rescan finds the sentence again.
  const text = startNode.data.slice(startOffset, endOffset);
  return {
    startNode,
    endNode,
    toMark: () => {
      if (!startNode.isConnected || startNode.data.slice(startOffset, endOffset) !== text) return null;
      const range = startNode.ownerDocument.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(startNode, endOffset);
      return { range, kind: 'claim', id: claimId, text };
    },
  };
}
