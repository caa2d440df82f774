// The text of several rescan roots read as one: a page appending 50 paragraphs hands the rescan 50
// roots, and reading, compiling for and scanning each on its own cost a text walk, a matcher pass
// and a merge of all the page's marks per paragraph (BENCHMARKS part 3).
import { shownLineText } from '../../core/text/block-separator';
import { isExcludedElement } from './exclusions';
import { BLOCK_SEPARATOR, TextCollector, closestBlock, isPreformatted, type TextSlice } from './text-model';

/**
 * Between two roots: the block separator, which ends a sentence and which no name crosses
 * (text-model.ts), as reading each root alone never joined two.
 */
export const ROOT_SEPARATOR = BLOCK_SEPARATOR;

/** What the page scanner reads slices from: one TextCollector, or this. */
export interface SliceSource {
  next(minChars: number, shouldStop: () => boolean): TextSlice | null;
}

export class RootsCollector implements SliceSource {
  private readonly roots: Node[];
  private current: SliceSource | null = null;

  /** `roots` in the order read (a rescan's: document order for a page growing at its end). */
  constructor(
    roots: Iterable<Node>,
    private readonly onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.roots = [...roots].reverse();
  }

  /**
   * The next slice of about `minChars` characters or more, from as many roots as it takes, ending
   * at a block boundary or when `shouldStop()` says the time slice is over; null when every root
   * is read.
   */
  next(minChars: number, shouldStop: () => boolean): TextSlice | null {
    const parts: string[] = [];
    const nodes: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    while (length < minChars && !(length > 0 && shouldStop())) {
      const collector = this.current ?? this.open();
      if (!collector) break;
      const slice = collector.next(Math.max(1, minChars - length), shouldStop);
      if (!slice) {
        this.current = null;
        continue;
      }
      if (length > 0) {
        parts.push(ROOT_SEPARATOR);
        length += ROOT_SEPARATOR.length;
      }
      for (let i = 0; i < slice.nodes.length; i++) {
        nodes.push(slice.nodes[i]!);
        starts.push(slice.starts[i]! + length);
      }
      parts.push(slice.text);
      length += slice.text.length;
    }
    if (nodes.length === 0) return null;
    return { text: parts.length === 1 ? parts[0]! : parts.join(''), nodes, starts };
  }

  private open(): SliceSource | null {
    const root = this.roots.pop();
    if (!root) return null;
    // Hidden text is read too: the scanner checks the visibility of what it marks (page-scanner.ts).
    this.current = onlyText(root) ?? new TextCollector(root, false, this.onShadowRoot);
    return this.current;
  }
}

/**
 * An element holding one text node and nothing else (a plain appended paragraph): its slice as
 * a TextCollector would give it, without a tree walker per paragraph.
 */
function onlyText(root: Node): SliceSource | null {
  if (!(root instanceof Element)) return null;
  const text = root.firstChild;
  if (!(text instanceof Text) || text !== root.lastChild || text.length === 0 || root.shadowRoot || isExcludedElement(root)) return null;
  let read = false;
  return {
    next: () => {
      if (read) return null;
      read = true;
      return { text: shownLineText(text.data, isPreformatted(closestBlock(root))), nodes: [text], starts: [0] };
    },
  };
}
