// The first stage's read of a whole page at load (issue 14), made for the page that names nobody:
// as little JS per node as we can, since this code runs cold on every page and frame. A block of
// the page (an element with at most BLOCK_ELEMENTS elements inside) is read as one string
// (`textContent`, native) and tested at once; only a block whose text has an anchor is read node
// by node (text-pass.ts), because its string also holds the text of scripts and styles, which is
// never shown. Open shadow roots, which `textContent` does not enter, are read node by node too,
// found under the page's custom elements (the elements that have them, but for rare exceptions).
// A huge page is read in slices with pauses between, like the node-by-node pass.
import { sliceClock, type SliceOptions } from './slice-clock';
import { SKIPPED, someText } from './text-pass';

/** A subtree of more elements than this is split into its children (a 20 MB page is one <main>). */
export const BLOCK_ELEMENTS = 2000;
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
 * Whether `element` holds at most `limit` elements, counting no further than `limit + 1`: the
 * native count (`getElementsByTagName('*').length`, and its index too) walks the whole subtree,
 * 8–16 ms for the <body> of a 20 MB page, and again for its <main>.
 */
function hasAtMostElements(element: Element, limit: number): boolean {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT);
  let count = 0;
  while (count <= limit && walker.nextNode()) count++;
  return count <= limit;
}

/** Whether the text under `root` (open shadow roots included) has a token `test` says is an anchor. */
export async function pageHasAnchor(root: Element, test: (text: string) => boolean, options: SliceOptions = {}): Promise<boolean> {
  const { breathe, handOver, end } = sliceClock(options);
  /** One exact read, slices of its own: afterwards this pass starts a new slice. */
  const exactly = (node: Node): Promise<boolean> => handOver(() => someText(node, test, options));

  let batch: Node[] = [];
  let texts: string[] = [];
  let length = 0;
  const flush = async (): Promise<boolean> => {
    if (batch.length === 0) return false;
    const nodes = batch;
    const found = test(texts.join('\n'));
    batch = [];
    texts = [];
    length = 0;
    if (!found) return false;
    for (const node of nodes) if (await exactly(node)) return true;
    return false;
  };
  const add = async (node: Node, text: string | null): Promise<boolean> => {
    if (!text) return false;
    batch.push(node);
    texts.push(text);
    length += text.length;
    if (length < BATCH_CHARS) return false;
    const found = await flush();
    await breathe();
    return found;
  };

  const levels: Level[] = [];
  try {
    for (let node: Node | null = root; node; node = nextNode(levels)) {
      if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
        if (await add(node, (node as CharacterData).data)) return true;
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || SKIPPED.has(node.nodeName)) continue;
      const element = node as Element;
      if (element.firstElementChild === null || hasAtMostElements(element, BLOCK_ELEMENTS)) {
        if (await add(element, element.textContent)) return true;
        continue;
      }
      levels.push({ parent: element, after: null, restarted: false });
    }
    if (await flush()) return true;
    // Open shadow roots: under custom elements (names with a dash), found by one native query.
    const hosts = document.evaluate('descendant-or-self::*[contains(local-name(), "-")]', root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < hosts.snapshotLength; i++) {
      const shadow = (hosts.snapshotItem(i) as Element).shadowRoot;
      if (shadow && (await exactly(shadow))) return true;
    }
    return false;
  } finally {
    end();
  }
}
