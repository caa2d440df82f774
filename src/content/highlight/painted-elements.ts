// The elements our ::highlight rules reach (highlight-scope.ts): each element that holds a painted
// range carries an attribute of a random name, counted, so it goes when its last range is
// unpainted. The range's text takes the element's highlight styles by inheritance; a range in a
// shadow tree marks the outermost host in the document, since our sheet is the document's and
// inheritance follows the flat tree into the shadow. Only ranges painted (near the viewport) are
// held, so a page carries tens of these attributes, not one per mark.
//
// The page can read them (as it reads CSS.highlights, which already holds the same ranges) and
// strip them: `restore()` puts back what a page took off, at the next change we handle.

// Node's constants, written out: this file also runs in unit tests, where there is no `Node`.
const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;

/** The element of the document tree whose highlight styles reach the range's text. */
export function elementHolding(range: Range): Element | null {
  let node: Node = range.commonAncestorContainer;
  for (let host = shadowHost(node.getRootNode()); host; host = shadowHost(node.getRootNode())) node = host;
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function shadowHost(root: Node): Element | null {
  return root.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
}

export class PaintedElements {
  private readonly counts = new Map<Element, number>();
  /**
   * No attribute before our rules are in (`restore`, when the highlights are registered): marks
   * painted while the page's first part is read would each restyle an element and ask for a frame
   * between our slices, for nothing (start→highlighted was 8–18% longer).
   */
  private shown = false;

  /** `attribute`: null where the engine needs none (the rules are on every element). */
  constructor(private readonly attribute: () => string | null) {}

  /** Marks the element holding `range`; returns it, for `release`. */
  hold(range: Range): Element | null {
    const attribute = this.attribute();
    if (attribute === null) return null;
    const element = elementHolding(range);
    if (!element) return null;
    const count = this.counts.get(element) ?? 0;
    this.counts.set(element, count + 1);
    if (count === 0 && this.shown) element.setAttribute(attribute, '');
    return element;
  }

  release(element: Element | null | undefined): void {
    if (!element) return;
    const count = this.counts.get(element);
    if (count === undefined) return;
    if (count > 1) {
      this.counts.set(element, count - 1);
      return;
    }
    this.counts.delete(element);
    this.unmark(element);
  }

  /** Takes every attribute off and forgets the elements. */
  releaseAll(): void {
    for (const element of this.counts.keys()) this.unmark(element);
    this.counts.clear();
  }

  /** Takes the attributes off but keeps count (highlights hidden); `restore` puts them back. */
  hide(): void {
    this.shown = false;
    for (const element of this.counts.keys()) this.unmark(element);
  }

  /** Shows again, and puts back any attribute the page took off. */
  restore(): void {
    this.shown = true;
    const attribute = this.attribute();
    if (attribute === null) return;
    for (const element of this.counts.keys()) if (!element.hasAttribute(attribute)) element.setAttribute(attribute, '');
  }

  /** How many elements are marked (tests, benches). */
  get size(): number {
    return this.counts.size;
  }

  private unmark(element: Element): void {
    const attribute = this.attribute();
    if (attribute !== null) element.removeAttribute(attribute);
  }
}
