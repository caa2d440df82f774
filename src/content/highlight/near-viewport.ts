// Which marks are painted: only those in blocks in or near the viewport. Chromium's pre-paint and
// paint go over every range registered in a Highlight whenever the page changes, so on a long page
// that grows (a live blog with 15,000 marks) each append cost ~70 ms of rendering; painting what
// is near the screen makes that cost follow the screen, not the page (BENCHMARKS.md, part 3).
// The marks themselves (counts, clicks, next/previous, the popup) never depend on this.
//
// Two ways to know which blocks are near, both with a margin of one viewport on every side, so
// names are already painted when they scroll into view:
// - Blocks in plain block flow (stacked top to bottom in document order: no flex, grid, columns,
//   floats, out-of-flow positioning, scroll containers or reordering transforms between them and
//   their "flow root") form a run, kept in document order. Their tops and bottoms then grow with
//   the order, so the blocks near the screen are one stretch of the run, found by binary search on
//   their rects after a scroll, a resize, or a change near that stretch. An IntersectionObserver
//   per block was exact but cost ~6 ms a frame on a page of 5,000 blocks (Chromium computes every
//   observed target after each layout); here only the four blocks around each stretch are observed,
//   so a shift of the layout without a scroll (an image loading above) still moves the stretch.
//   Rects are not clipped by scroll containers, so the stretch can only be too large, never too
//   small; blocks with no box (display: none inside) read as 0,0 and only widen it. A run whose
//   rects are found out of order around the stretch goes back to the observer, block by block.
// - Everything else (flex and grid items, tables, floats, positioned boxes, text in shadow roots):
//   one IntersectionObserver target per block, exact where a geometric guess would not be (inner
//   scroll containers, transforms, fixed and sticky boxes), with `scrollMargin` inside scrollers.
import { closestBlock } from '../scan/text-model';
import { startOf } from '../marks/lazy-range';

export interface Paintable {
  range: Range;
}

/** The document's viewport grown by one viewport height (and width) on every side. */
const MARGIN = '100%';

/** A relative offset or translation smaller than this cannot hide a block: the margin is a viewport. */
const SMALL_SHIFT_PX = 100;

interface Block<T> {
  element: Element;
  marks: T[];
  near: boolean;
  /** The run the block is in, or null when the observer watches it. */
  run: Run<T> | null;
}

interface Run<T> {
  blocks: Block<T>[];
  /** The stretch painted: blocks[lo..hi] (empty when hi < lo). */
  lo: number;
  hi: number;
  /** Blocks around the stretch that the observer watches for shifts of the layout. */
  sentinels: Set<Element>;
}

export class NearViewport<T extends Paintable> {
  private readonly blocks = new Map<Element, Block<T>>();
  private readonly blockOf = new Map<T, Block<T>>();
  /** Runs by flow root. */
  private readonly runs = new Map<Element, Run<T>>();
  /** Flow roots whose runs were found out of order: their blocks stay with the observer. */
  private readonly disordered = new WeakSet<Element>();
  /** The flow root of each container's children (null: its children are not stacked in order). */
  private readonly flowRoots = new WeakMap<Element, Element | null>();
  /** Marks with no element to watch (text straight in a shadow root): always painted. */
  private readonly unwatched = new Set<T>();
  private observer: IntersectionObserver | null = null;
  private frame = 0;
  private listening = false;
  private readonly onMove = (): void => this.scheduleUpdate();

  constructor(
    private readonly paint: (mark: T) => void,
    private readonly unpaint: (mark: T) => void,
  ) {}

  add(mark: T): void {
    const element = watchedElement(startOf(mark).node);
    if (!element) {
      this.unwatched.add(mark);
      this.paint(mark);
      return;
    }
    let block = this.blocks.get(element);
    if (!block) {
      block = { element, marks: [], near: false, run: null };
      this.blocks.set(element, block);
      this.place(block);
    }
    this.blockOf.set(mark, block);
    block.marks.push(mark);
    // A block not yet known to be near is painted with the next update or report (the next frame).
    if (block.near) this.paint(mark);
  }

  remove(mark: T): void {
    this.unpaint(mark);
    if (this.unwatched.delete(mark)) return;
    const block = this.blockOf.get(mark);
    if (!block) return;
    this.blockOf.delete(mark);
    const at = block.marks.indexOf(mark);
    if (at >= 0) block.marks.splice(at, 1);
    if (block.marks.length > 0) return;
    this.blocks.delete(block.element);
    if (block.run) this.leaveRun(block, block.run);
    else this.observer?.unobserve(block.element);
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.listening) {
      document.removeEventListener('scroll', this.onMove, { capture: true });
      window.removeEventListener('resize', this.onMove);
      this.listening = false;
    }
    this.blocks.clear();
    this.blockOf.clear();
    this.runs.clear();
    this.unwatched.clear();
  }

  /** Puts a new block in its run, or under the observer. */
  private place(block: Block<T>): void {
    const root = this.runRootOf(block.element);
    if (!root) {
      this.observe(block.element);
      return;
    }
    let run = this.runs.get(root);
    if (!run) {
      run = { blocks: [], lo: 0, hi: -1, sentinels: new Set() };
      this.runs.set(root, run);
    }
    const blocks = run.blocks;
    const at = insertionPoint(blocks, block.element);
    // A block inside another block of the run (a div's own text around a nested p) does not keep
    // bottoms in order: it is observed instead.
    const before = blocks[at - 1]?.element;
    const after = blocks[at]?.element;
    if ((before && before.contains(block.element)) || (after && block.element.contains(after))) {
      this.observe(block.element);
      return;
    }
    blocks.splice(at, 0, block);
    block.run = run;
    if (at < run.lo) run.lo++;
    if (at <= run.hi) run.hi++;
    // A block landing beyond the block after the stretch is beyond the margin too (the order holds):
    // a page growing at its far end costs no layout read here.
    if (run.hi < run.lo || (at >= run.lo - 1 && at <= run.hi + 1)) this.scheduleUpdate();
    this.listen();
  }

  private leaveRun(block: Block<T>, run: Run<T>): void {
    block.run = null;
    const at = run.blocks.indexOf(block);
    if (at < 0) return;
    run.blocks.splice(at, 1);
    if (at < run.lo) run.lo--;
    if (at <= run.hi) run.hi--;
    if (run.sentinels.delete(block.element)) this.observer?.unobserve(block.element);
    if (at >= run.lo - 1 && at <= run.hi + 1) this.scheduleUpdate();
  }

  private observe(element: Element): void {
    this.observer ??= new IntersectionObserver((entries) => this.onReport(entries), {
      rootMargin: MARGIN,
      // Chromium 120+: the same margin inside nested scroll containers; other engines ignore it.
      scrollMargin: MARGIN,
    } as IntersectionObserverInit);
    this.observer.observe(element);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    // Scroll events of inner scrollers do not bubble, but they do pass the document in capture.
    document.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    window.addEventListener('resize', this.onMove, { passive: true });
  }

  private scheduleUpdate(): void {
    if (this.frame) return;
    // Layout is read in the frame the page renders anyway, not forced in between.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const [root, run] of this.runs) this.update(root, run);
    });
  }

  /** Finds the run's stretch near the viewport and paints it (and only it). */
  private update(root: Element, run: Run<T>): void {
    const blocks = run.blocks;
    const view = document.documentElement.clientHeight || window.innerHeight;
    const rects = new Map<number, DOMRect>();
    const rect = (i: number): DOMRect => {
      let r = rects.get(i);
      if (!r) rects.set(i, (r = blocks[i]!.element.getBoundingClientRect()));
      return r;
    };
    const lo = lowerBound(blocks.length, (i) => rect(i).bottom >= -view);
    const hi = lowerBound(blocks.length, (i) => rect(i).top > 2 * view) - 1;
    // The order is checked where it matters, around the stretch (styles may have changed since
    // the run was formed); out of order, the run goes back to the observer.
    let lastTop = -Infinity;
    for (let i = Math.max(0, Math.min(lo, hi + 1) - 1); i <= Math.min(blocks.length - 1, hi + 1); i++) {
      const r = rect(i);
      if (r.width === 0 && r.height === 0) continue;
      if (r.top < lastTop - 1) {
        this.dissolve(root, run);
        return;
      }
      lastTop = r.top;
    }
    for (let i = run.lo; i <= run.hi; i++) if (i < lo || i > hi) this.setNear(blocks[i]!, false);
    for (let i = lo; i <= hi; i++) this.setNear(blocks[i]!, true);
    run.lo = lo;
    run.hi = hi;
    const sentinels = new Set<Element>();
    for (const i of [lo - 1, lo, hi, hi + 1]) {
      const block = blocks[i];
      if (block) sentinels.add(block.element);
    }
    for (const element of run.sentinels) if (!sentinels.has(element)) this.observer?.unobserve(element);
    for (const element of sentinels) if (!run.sentinels.has(element)) this.observe(element);
    run.sentinels = sentinels;
  }

  /** Hands a run whose order did not hold to the observer, block by block. */
  private dissolve(root: Element, run: Run<T>): void {
    this.runs.delete(root);
    this.disordered.add(root);
    for (const block of run.blocks) {
      block.run = null;
      this.observe(block.element);
    }
  }

  private setNear(block: Block<T>, near: boolean): void {
    if (block.near === near) return;
    block.near = near;
    for (const mark of block.marks) {
      if (near) this.paint(mark);
      else this.unpaint(mark);
    }
  }

  private onReport(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = this.blocks.get(entry.target);
      if (!block) continue;
      if (block.run) {
        // A block around a run's stretch moved in or out: the stretch is found again.
        this.scheduleUpdate();
        continue;
      }
      // An element without a box of its own (display: contents) is never reported as
      // intersecting; its text still shows, so it stays painted.
      this.setNear(block, entry.isIntersecting || hasNoBox(entry));
    }
  }

  /** The flow root of the run a block belongs to, or null when its position is not in order. */
  private runRootOf(element: Element): Element | null {
    const parent = element.parentElement;
    if (!parent) return null;
    const style = getComputedStyle(element);
    if (!IN_FLOW_DISPLAYS.has(style.display) || !inFlow(style)) return null;
    const root = this.flowRootOf(parent);
    return root && !this.disordered.has(root) ? root : null;
  }

  /** Where the in-flow children of `container` stop being stacked in order with other content. */
  private flowRootOf(container: Element): Element | null {
    const known = this.flowRoots.get(container);
    if (known !== undefined) return known;
    const style = getComputedStyle(container);
    let root: Element | null;
    if (!stacksChildren(container, style)) root = null;
    else {
      const parent = container.parentElement;
      // Scroll containers and boxes out of the flow keep their own children in order, but not in
      // order with what is around them.
      const up = parent && IN_FLOW_DISPLAYS.has(style.display) && inFlow(style) && !scrolls(style) ? this.flowRootOf(parent) : null;
      root = up ?? container;
    }
    this.flowRoots.set(container, root);
    return root;
  }
}

/** Displays of a box stacked in block flow among its siblings. */
const IN_FLOW_DISPLAYS: ReadonlySet<string> = new Set(['block', 'flow-root', 'list-item', 'table']);
/** Displays of a container whose in-flow children stack top to bottom. */
const STACKING_DISPLAYS: ReadonlySet<string> = new Set(['block', 'flow-root', 'list-item', 'inline-block']);

function stacksChildren(container: Element, style: CSSStyleDeclaration): boolean {
  return (
    STACKING_DISPLAYS.has(style.display) &&
    style.columnCount === 'auto' &&
    style.columnWidth === 'auto' &&
    style.writingMode === 'horizontal-tb' &&
    // A shadow tree may lay out (and order) the element's children its own way.
    !container.shadowRoot &&
    !container.localName.includes('-')
  );
}

/** Whether the box sits where the flow puts it (give or take less than the margin). */
function inFlow(style: CSSStyleDeclaration): boolean {
  if (style.float !== 'none') return false;
  if (style.position === 'relative') {
    if (!small(style.top) || !small(style.bottom)) return false;
  } else if (style.position !== 'static') return false;
  if (style.transform === 'none') return true;
  // matrix(a, b, c, d, e, f): order kept if y depends on y only, grows with it, and shifts little.
  const m = /^matrix\(([^)]*)\)$/.exec(style.transform);
  if (!m) return false;
  const [, b, c, d, , f] = m[1]!.split(',').map(Number);
  return b === 0 && c === 0 && d !== undefined && d > 0 && f !== undefined && Math.abs(f) < SMALL_SHIFT_PX;
}

function small(offset: string): boolean {
  return offset === 'auto' || (offset.endsWith('px') && Math.abs(parseFloat(offset)) < SMALL_SHIFT_PX);
}

function scrolls(style: CSSStyleDeclaration): boolean {
  const plain = (v: string): boolean => v === 'visible' || v === 'clip';
  return !plain(style.overflowX) || !plain(style.overflowY);
}

/** First index in [0, n) where `past` holds (it holds from some index on). */
function lowerBound(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where `element` goes among `blocks` (document order); a page growing at its end costs one comparison. */
function insertionPoint<T>(blocks: readonly Block<T>[], element: Element): number {
  const follows = (other: Element): boolean => (other.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const last = blocks[blocks.length - 1];
  if (!last || follows(last.element)) return blocks.length;
  return lowerBound(blocks.length, (i) => !follows(blocks[i]!.element));
}

/** The block element to watch for a mark starting in `node`. */
function watchedElement(node: Node): Element | null {
  return closestBlock(node) ?? node.parentElement;
}

function hasNoBox(entry: IntersectionObserverEntry): boolean {
  const box = entry.boundingClientRect;
  return box.width === 0 && box.height === 0 && entry.target.getClientRects().length === 0;
}
