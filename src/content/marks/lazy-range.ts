// Marks whose DOM Range is made when first needed. A live Range is one more the page's every DOM
// change must update until it is collected: on a page that grows (BENCHMARKS part 3) each append
// made 150 of them, 15,000 by the end, and the page's own appends grew slower with each (a 50-
// paragraph append took 0.08 ms with no live range on the page, 0.3-0.5 ms with 15,000). A name
// found in one text node keeps that node and its offsets; its Range is made when something asks for
// `mark.range` (painting it near the viewport, a click, the card, a staleness check). Until then
// the order, the index and the viewport's blocks read the node kept here.
//
// An edit of the page in that node before the Range is made leaves the offsets behind, where a live
// Range would have followed: the edit's own rescan drops the block's marks and finds them again
// (content-app.ts), and a mark whose text no longer matches is stale all the same (highlighter.ts).
// A node the page takes out (and maybe puts back elsewhere, in an editor say) collapsed a live
// Range; a lazy mark in it is dropped all the same, from the watcher's list of removed nodes.
import type { Mark } from './mark';

interface Spot {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
  range: Range | null;
}

/** Where a lazy mark keeps its spot: an own property (a WeakMap entry per mark cost more than the Range saved). */
const SPOT = Symbol('spot');

type SpotHolder = { [SPOT]?: Spot };

/**
 * A mark whose Range is made on first use. A class, not an object literal with a getter: the
 * literal made a new getter closure and a slow object per mark, ~2.5 µs each in V8 against
 * ~0.15 µs for this (a page that grows made 150 per append; BENCHMARKS part 3). The getter lives
 * on the prototype, so a spread copy (`{ ...mark }`) would lose `range`: copy with copyMark().
 */
class LazyMark implements Mark {
  // Declared, not defined as class fields: the constructor gives every mark the same shape, and a
  // mark without alternatives has no such property, as a literal had none.
  declare kind: Mark['kind'];
  declare id: string;
  declare text: string;
  declare alternatives?: Mark['alternatives'];
  declare why?: string;
  declare readonly [SPOT]: Spot;

  constructor(spot: Spot, kind: Mark['kind'], id: string, text: string, alternatives?: Mark['alternatives']) {
    this.kind = kind;
    this.id = id;
    this.text = text;
    this[SPOT] = spot;
    if (alternatives) this.alternatives = alternatives;
  }

  get range(): Range {
    const spot = this[SPOT];
    return (spot.range ??= rangeOf(spot));
  }
}

/** A mark of text [start, end) of `node`, whose Range is made on first use. */
export function markInText(node: Text, start: number, end: number, kind: Mark['kind'], id: string, text: string, alternatives?: Mark['alternatives']): Mark {
  return new LazyMark({ node, start, end, range: null }, kind, id, text, alternatives);
}

/**
 * The same mark with other fields: a lazy mark stays lazy and shares its spot (and the Range, once
 * made); any other mark is spread. A field given as undefined is left out of the copy.
 */
export function copyMark(mark: Mark, changes: Partial<Pick<Mark, 'kind' | 'id' | 'alternatives' | 'why'>>): Mark {
  const fields = { kind: mark.kind, id: mark.id, alternatives: mark.alternatives, why: mark.why, ...changes };
  if (mark instanceof LazyMark) {
    const copy = new LazyMark(mark[SPOT], fields.kind, fields.id, mark.text, fields.alternatives);
    if (fields.why !== undefined) copy.why = fields.why;
    return copy;
  }
  const copy: Mark = { ...mark, kind: fields.kind, id: fields.id };
  for (const key of ['alternatives', 'why'] as const) {
    if (fields[key] === undefined) delete copy[key];
    else (copy as Record<typeof key, unknown>)[key] = fields[key];
  }
  return copy;
}

function spotOf(mark: object): Spot | undefined {
  return (mark as SpotHolder)[SPOT];
}

function rangeOf(spot: Spot): Range {
  const range = spot.node.ownerDocument.createRange();
  // The page may have shortened the node since: clamped, the mark then reads as stale.
  const length = spot.node.length;
  range.setStart(spot.node, Math.min(spot.start, length));
  range.setEnd(spot.node, Math.min(spot.end, length));
  return range;
}

/** Where the mark starts, without making its Range. */
export function startOf(mark: { range: Range }): { node: Node; offset: number } {
  const spot = spotOf(mark);
  if (spot && !spot.range) return { node: spot.node, offset: spot.start };
  const { startContainer, startOffset } = mark.range;
  return { node: startContainer, offset: startOffset };
}

/** The node the mark starts in, and the one it ends in, without making its Range. */
export function boundaryNodes(mark: { range: Range }): { start: Node; end: Node } {
  const spot = spotOf(mark);
  if (spot && !spot.range) return { start: spot.node, end: spot.node };
  return { start: mark.range.startContainer, end: mark.range.endContainer };
}

/**
 * The text node a mark made by markInText was found in (a copy of it keeps it too), whether or not
 * its Range was made since and followed an edit elsewhere; undefined for a mark with a Range only.
 */
export function foundIn(mark: object): Text | undefined {
  return spotOf(mark)?.node;
}

/** Whether the mark's Range was made (a mark without one cannot be in a Highlight). */
export function hasRange(mark: { range: Range }): boolean {
  const spot = spotOf(mark);
  return !spot || spot.range !== null;
}
