// The first stage's read of a whole page at load (issue 14), made for the page that names nobody:
// as little JS per node as we can, since this code runs cold on every page and frame. A block of
// the page (the document with at most DOCUMENT_ELEMENTS elements, or an element with at most
// BLOCK_ELEMENTS inside) is read as
// one string (its markup, serialized natively, each tag a line break: markup-text.ts) and tested
// at once. Its string also holds the text of scripts and styles, which is never shown: a block
// whose text has an anchor is tested again without them (shownMarkupText), and only where that
// says no is it read node by node (text-pass.ts). Open shadow roots, which
// serialization does not enter, are read node by node too, found under the page's custom elements
// (the elements that have them, but for rare exceptions). A huge page is read in slices.
//
// A small page is read from the Document itself: it makes no element's wrapper in our world (the
// first one cost ~1.1 ms on a page naming nobody, in Chromium).
import { sliceClock } from './slice-clock';
import { SKIPPED, someText, type ReadOptions } from './text-pass';
import { asMarkup, markupText, shownMarkupText } from './markup-text';

/** A subtree of more elements than this is split into its children (a 20 MB page is one <main>). */
export const BLOCK_ELEMENTS = 2000;
/**
 * A whole document of at most this many elements is serialized in one read (news pages have
 * 400–2,800): block by block, a news layout of ~2,700 elements cost ~2 ms more than one read,
 * in a wrapper, a string and a count per block; one read of 10,000 elements stays a few ms.
 */
export const DOCUMENT_ELEMENTS = 10_000;
/** A tag whose name has a dash, in serialized markup (where every `<` of shown text is escaped). */
const DASHED_TAG = /<[a-z][^\s/>-]*-/i;
/** Blocks are tested together until their text is this long. */
const BATCH_CHARS = 1 << 16;
/**
 * What to read next at one depth: the child of `parent` after `after` (its first child when null).
 * The next child is found only when its turn comes: pushing a container's children all at once made
 * the first slice of a 20 MB page (one <main> of 87,000 paragraphs) 220 ms of CPU before it could
 * yield (BENCHMARKS.md part 1). A child the page removed while we paused has no next sibling to
 * follow: its level is read again from the start, once (a page removing nodes at every pause
 * cannot keep us reading).
 */
interface Level {
  parent: Node;
  after: Node | null;
  restarted: boolean;
}

function nextNode(levels: Level[]): Node | null {
  for (let level = levels.at(-1); level; level = levels.at(-1)) {
    const { parent, after } = level;
    let next: Node | null;
    if (after === null) next = parent.firstChild;
    else if (after.parentNode === parent) next = after.nextSibling;
    else if (!level.restarted) {
      level.restarted = true;
      next = parent.firstChild;
    } else next = null;
    if (next) {
      level.after = next;
      return next;
    }
    levels.pop();
  }
  return null;
}

/**
 * A document of at most this many elements has its blocks' elements counted natively: each count
 * walks the block's whole subtree, but in native code, making no wrapper. Above it (a 20 MB page's
 * <body>: 8–16 ms a count, and again for its <main>) they are counted by a walker that stops at the
 * limit, one wrapper per element: on a news page of 2,234 elements that walker took 2.4–5.1 ms of
 * the first stage, the native counts 1.3–1.5 (a probe in an isolated world, cold).
 */
const NATIVE_COUNT_MAX = 20_000;

/** Whether `element` holds at most `limit` elements; `nativeCount`: the document is small enough to count natively. */
function hasAtMostElements(element: Element, limit: number, nativeCount: boolean): boolean {
  if (nativeCount) return element.getElementsByTagName('*').length <= limit;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
  let count = 0;
  while (count <= limit && walker.nextNode()) count++;
  return count <= limit;
}

/** Whether the text under `root` (open shadow roots included) has a token `test` says is an anchor. */
export async function pageHasAnchor(root: Document | Element, test: (text: string) => boolean, options: ReadOptions = {}): Promise<boolean> {
  const { breathe, handOver, end } = sliceClock(options);
  /** One exact read, slices of its own: afterwards this pass starts a new slice. */
  const exactly = (node: Node): Promise<boolean> => handOver(() => someText(node, test, options));
  const serializer = new XMLSerializer();

  // Whether some element read has a name with a dash (a custom element, which may hold an open
  // shadow root): seen in the markup read, or on an element walked to. Where none is, the query
  // for shadow hosts below is skipped (its first run cost ~0.75 ms on a page naming nobody). A
  // `<` in script text may look like such a tag: the query then runs for nothing.
  let dashed = false;
  let batch: Node[] = [];
  let texts: string[] = [];
  let length = 0;
  const flush = async (): Promise<boolean> => {
    if (batch.length === 0) return false;
    const nodes = batch;
    const markup = texts.join('\n');
    dashed ||= DASHED_TAG.test(markup);
    const found = test(markupText(markup));
    batch = [];
    texts = [];
    length = 0;
    if (!found) return false;
    // The anchor is most often in shown text: then no node-by-node re-read (7.4 ms a page that
    // names someone, BENCHMARKS.md part 2). Else (a name in a script or a comment) it decides.
    if (test(shownMarkupText(markup))) return true;
    // A whole document: its body is what is shown (its head's title and scripts are not).
    for (const node of nodes) if (await exactly(node.nodeType === Node.DOCUMENT_NODE ? ((node as Document).body ?? (node as Document).documentElement ?? node) : node)) return true;
    return false;
  };
  const add = async (node: Node, markup: string | null): Promise<boolean> => {
    if (!markup) return false;
    batch.push(node);
    texts.push(markup);
    length += markup.length;
    if (length < BATCH_CHARS) return false;
    const found = await flush();
    await breathe();
    return found;
  };

  const levels: Level[] = [];
  /** The elements of the document read (Infinity until counted, or when the root is an element: then walked). */
  let documentElements = Infinity;
  try {
    for (let node: Node | null = root; node; node = nextNode(levels)) {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
        if (await add(node, asMarkup((node as CharacterData).data))) return true;
        continue;
      }
      const isDocument = node.nodeType === Node.DOCUMENT_NODE;
      if ((!isDocument && node.nodeType !== Node.ELEMENT_NODE) || SKIPPED.has(node.nodeName) || node.nodeName === 'HEAD') continue;
      if (isDocument) {
        // The whole small document in one read. (Its firstElementChild or any element property
        // would make the wrapper of its root element. The native count walks the whole document:
        // 8–16 ms once on a 20 MB page, where a TreeWalker would make the wrappers this avoids.)
        documentElements = (node as Document).getElementsByTagName('*').length;
        if (documentElements <= DOCUMENT_ELEMENTS) {
          if (await add(node, serializer.serializeToString(node))) return true;
          continue;
        }
      } else {
        const element = node as Element;
        if (element.localName.includes('-')) dashed = true;
        // No element inside: no tag to keep apart, its text is all there is (a 20 MB page's <p>s).
        if (element.firstElementChild === null) {
          if (await add(element, asMarkup(element.textContent ?? ''))) return true;
          continue;
        }
        // innerHTML: cheaper than the serializer, and this element's own tag is the batch's line break.
        if (hasAtMostElements(element, BLOCK_ELEMENTS, documentElements <= NATIVE_COUNT_MAX)) {
          if (await add(element, element.innerHTML)) return true;
          continue;
        }
      }
      levels.push({ parent: node, after: null, restarted: false });
    }
    if (await flush()) return true;
    if (!dashed) return false;
    // Open shadow roots: under custom elements (names with a dash), found by one native query.
    const hosts = document.evaluate('descendant-or-self::*[contains(local-name(), "-")]', root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < hosts.snapshotLength; i++) {
      const shadow = (hosts.snapshotItem(i) as Element).shadowRoot;
      if (!shadow) continue;
      options.onShadowRoot?.(shadow);
      if (await exactly(shadow)) return true;
    }
    return false;
  } finally {
    end();
  }
}
