// Which marks are painted: only those in blocks in or near the viewport. Chromium's pre-paint and
// paint go over every range registered in a Highlight whenever the page changes, so on a long page
// that grows (a live blog with 15,000 marks) each append cost ~70 ms of rendering; painting what
// is near the screen makes that cost follow the screen, not the page (BENCHMARKS.md, part 3).
// The marks themselves (counts, clicks, next/previous, the popup) never depend on this.
//
// One IntersectionObserver watches each block that holds marks. It is exact where a geometric
// guess would not be: inner scroll containers, transforms, fixed and sticky boxes, columns, open
// shadow roots. Its margin (a viewport height, and the same margin inside nested scrollers where
// the engine supports `scrollMargin`) makes names already painted when they scroll into view.
import { closestBlock } from './text-model';

export interface Paintable {
  range: Range;
}

/** The document's viewport grown by one viewport height (and width) on every side. */
const MARGIN = '100%';

interface Block<T> {
  marks: T[];
  near: boolean;
}

export class NearViewport<T extends Paintable> {
  private readonly blocks = new Map<Element, Block<T>>();
  private readonly blockOf = new Map<T, Element>();
  /** Marks with no element to watch (text straight in a shadow root): always painted. */
  private readonly unwatched = new Set<T>();
  private observer: IntersectionObserver | null = null;

  constructor(
    private readonly paint: (mark: T) => void,
    private readonly unpaint: (mark: T) => void,
  ) {}

  add(mark: T): void {
    const element = watchedElement(mark.range.startContainer);
    if (!element) {
      this.unwatched.add(mark);
      this.paint(mark);
      return;
    }
    this.blockOf.set(mark, element);
    let block = this.blocks.get(element);
    if (!block) {
      block = { marks: [], near: false };
      this.blocks.set(element, block);
      this.watch(element);
    }
    block.marks.push(mark);
    // A block not yet reported is painted when its first report comes (the next frame).
    if (block.near) this.paint(mark);
  }

  remove(mark: T): void {
    this.unpaint(mark);
    if (this.unwatched.delete(mark)) return;
    const element = this.blockOf.get(mark);
    if (!element) return;
    this.blockOf.delete(mark);
    const block = this.blocks.get(element);
    if (!block) return;
    const at = block.marks.indexOf(mark);
    if (at >= 0) block.marks.splice(at, 1);
    if (block.marks.length === 0) {
      this.blocks.delete(element);
      this.observer?.unobserve(element);
    }
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.blocks.clear();
    this.blockOf.clear();
    this.unwatched.clear();
  }

  private watch(element: Element): void {
    this.observer ??= new IntersectionObserver((entries) => this.onReport(entries), {
      rootMargin: MARGIN,
      // Chromium 120+: the same margin inside nested scroll containers; other engines ignore it.
      scrollMargin: MARGIN,
    } as IntersectionObserverInit);
    this.observer.observe(element);
  }

  private onReport(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = this.blocks.get(entry.target);
      if (!block) continue;
      // An element without a box of its own (display: contents) is never reported as
      // intersecting; its text still shows, so it stays painted.
      const near = entry.isIntersecting || hasNoBox(entry);
      if (near === block.near) continue;
      block.near = near;
      for (const mark of block.marks) {
        if (near) this.paint(mark);
        else this.unpaint(mark);
      }
    }
  }
}

/** The block element to watch for a mark starting in `node`. */
function watchedElement(node: Node): Element | null {
  return closestBlock(node) ?? node.parentElement;
}

function hasNoBox(entry: IntersectionObserverEntry): boolean {
  const box = entry.boundingClientRect;
  return box.width === 0 && box.height === 0 && entry.target.getClientRects().length === 0;
}
