// The visible text of (part of) a page as one string per slice, with a map from string offsets
// back to DOM text nodes. Blocks are joined by BLOCK_SEPARATOR (core/block-separator.ts): words of
// different blocks never run together, the sentence splitter ends a sentence at every block, and
// no name runs across two blocks (block-bounds.test.ts). Inside a block, a line break of the
// markup reads as the space it is drawn as (wrapped-lines.test.ts).
import { BLOCK_SEPARATOR, shownLineText } from '../../core/text/block-separator';
import { VisibilityCache, isExcludedElement } from './exclusions';

export { BLOCK_SEPARATOR };

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIALOG',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'IMG', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BUTTON',
]);

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** Text in a <pre> keeps its line breaks: they are drawn, and they end its lines. */
export function isPreformatted(block: Element | null): boolean {
  return block !== null && block.tagName.toUpperCase() === 'PRE';
}

/** The nearest block-level element around a node (the node itself if it is one). */
export function closestBlock(node: Node): Element | null {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
    if (isBlockElement(el)) return el;
  }
  return null;
}

/**
 * closestBlock of a text node's parent, remembered for the parent and the ancestors climbed: the
 * text nodes of a block share them, and climbing from each (isBlockElement at every level) was a
 * good part of a page's first read (issue 14).
 */
function blockOf(parent: Element, known: Map<Element, Element | null>): Element | null {
  const climbed: Element[] = [];
  let block: Element | null = null;
  for (let el: Element | null = parent; el; el = el.parentElement) {
    const seen = known.get(el);
    if (seen !== undefined) {
      block = seen;
      break;
    }
    climbed.push(el);
    if (isBlockElement(el)) {
      block = el;
      break;
    }
  }
  for (const el of climbed) known.set(el, block);
  return block;
}

/** One piece of model text and the text nodes it came from. */
export interface TextSlice {
  text: string;
  nodes: Text[];
  /** starts[i] is the offset in `text` where nodes[i] begins. */
  starts: number[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Index of the last node starting at or before `offset`. */
export function nodeIndexAt(slice: TextSlice, offset: number): number {
  let lo = 0;
  let hi = slice.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (slice.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM range of model text [start, end); null if the nodes changed under us. */
export function rangeFor(slice: TextSlice, start: number, end: number): Range | null {
  if (end <= start || slice.nodes.length === 0) return null;
  const a = nodeIndexAt(slice, start);
  const b = nodeIndexAt(slice, end - 1); // the node holding the last character
  const startNode = slice.nodes[a]!;
  const endNode = slice.nodes[b]!;
  const startOffset = start - slice.starts[a]!;
  const endOffset = end - slice.starts[b]!;
  if (startOffset > startNode.length || endOffset > endNode.length) return null;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * Walks the visible text under `root` and hands it out in slices that end at block boundaries,
 * so one slice can be scanned without cutting a name in two. Resumable: each `next` call
 * continues where the previous stopped.
 */
export class TextCollector {
  /**
   * One walker per tree being read: the document, then the open shadow root of a web component
   * met on the way (a TreeWalker never enters shadow trees; its text is still on screen).
   * A stack, not recursion: a page nested 10,000 deep must not overflow ours.
   */
  private readonly walkers: TreeWalker[];
  private readonly doc: Document;
  private readonly visibility = new VisibilityCache();
  private lastBlock: Element | null = null;
  private done = false;

  /**
   * `checkVisibility: false` reads hidden text too and leaves the check to the caller, who then
   * asks only about the few nodes that matter (see page-scanner.ts).
   */
  constructor(
    root: Node,
    private readonly checksVisibility = true,
    /** Told of each open shadow root the walk enters (the watcher observes it, shadow-roots.ts). */
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    this.walkers = [this.walkerOver(root)];
    if (root instanceof Element && isExcludedElement(root)) this.done = true;
    if (root instanceof Text) this.pending = root;
  }

  private walkerOver(root: Node): TreeWalker {
    // No filter callback: a JS filter is a call from the engine into script for every node, which
    // was the walk's main cost on big pages. Excluded subtrees are skipped by hand in nextNode.
    return this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  /** The next node in document order, entering open shadow roots before the host's light children. */
  private nextNode(): Node | null {
    while (this.walkers.length > 0) {
      const walker = this.walkers[this.walkers.length - 1]!;
      let node = walker.nextNode();
      while (node && node.nodeType === Node.ELEMENT_NODE && isExcludedElement(node as Element)) node = skipSubtree(walker);
      if (!node) {
        this.walkers.pop();
        continue;
      }
      // Only open roots are visible to us (closed ones, like our own card's, read as null).
      const shadow = node.nodeType === Node.ELEMENT_NODE ? (node as Element).shadowRoot : null;
      if (shadow) {
        this.onShadowRoot?.(shadow);
        this.walkers.push(this.walkerOver(shadow));
      }
      return node;
    }
    return null;
  }

  private pending: Text | null = null;

  /**
   * The next slice of about `minChars` characters or more, ending at a block boundary or when
   * `shouldStop()` says the time slice is over; null when the walk is finished.
   */
  next(minChars: number, shouldStop: () => boolean): TextSlice | null {
    if (this.done) return null;
    // Parts joined once at the end: `text +=` builds a rope, and asking a rope whether it ends
    // with the separator flattens it, which made every slice quadratic in its length.
    const parts: string[] = [];
    let length = 0;
    /** The model text's last characters, enough to know whether it ends with the separator. */
    let tail = '';
    const keep = BLOCK_SEPARATOR.length;
    const nodes: Text[] = [];
    const starts: number[] = [];
    const append = (piece: string): void => {
      parts.push(piece);
      length += piece.length;
      tail = piece.length >= keep ? piece.slice(-keep) : (tail + piece).slice(-keep);
    };
    const separate = (): void => {
      if (length > 0 && tail !== BLOCK_SEPARATOR) append(BLOCK_SEPARATOR);
    };
    const slice = (): TextSlice => ({ text: parts.join(''), nodes, starts });
    // Each element's block, for this call only (the page cannot move elements while it runs).
    const blocks = new Map<Element, Element | null>();
    for (;;) {
      const node = this.pending ?? this.nextNode();
      this.pending = null;
      if (!node) {
        this.done = true;
        break;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (!isBlockElement(node as Element)) continue;
        // A block starts: a good place to end the slice if it is big enough or time is up.
        if (length >= minChars || (length > 0 && shouldStop())) {
          this.lastBlock = node as Element;
          // Resume inside this block on the next call.
          return slice();
        }
        separate();
        this.lastBlock = node as Element;
        continue;
      }
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const textNode = node as Text;
      if (textNode.length === 0) continue;
      const parent = textNode.parentElement;
      if (!parent || (this.checksVisibility && !this.visibility.isVisible(parent))) continue;
      const block = blockOf(parent, blocks);
      if (block !== this.lastBlock) {
        separate();
        this.lastBlock = block;
      }
      starts.push(length);
      nodes.push(textNode);
      append(shownLineText(textNode.data, isPreformatted(block)));
    }
    return nodes.length > 0 ? slice() : null;
  }
}

/** Moves past the current node's subtree (what FILTER_REJECT would do); null at the walk's end. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
