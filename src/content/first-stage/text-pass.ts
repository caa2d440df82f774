// The first stage's read of a page: every text node (open shadow roots included), tested for an
// anchor in slices of a few ms, so even a 20 MB page never holds the main thread for long. Text
// that is never shown (script, style) is skipped; hidden text is read, which can only load the
// second stage for nothing, never miss a name.

import { sliceClock, type SliceOptions } from './slice-clock';

/** Elements whose text is never rendered. */
export const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** A longer text is tested in parts cut at white space (never inside a token). */
const PART = 1 << 16;

export interface ReadOptions extends SliceOptions {
  /** Told of each open shadow root read: the first stage watches them (loader.ts). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** Calls `test` on the text of `root` part by part until it says true; false when none did. */
export async function someText(
  root: Node,
  test: (text: string) => boolean,
  options: ReadOptions = {},
): Promise<boolean> {
  const { breathe, spent, end } = sliceClock(options);
  try {
    return await walk();
  } finally {
    end();
  }

  async function walk(): Promise<boolean> {
  /** One text; a long one in parts cut at white space (never inside a token), with pauses between. */
  const seen = async (text: string): Promise<boolean> => {
    if (text.length <= PART) return test(text);
    for (let from = 0; from < text.length; ) {
      const space = text.indexOf(' ', from + PART);
      const line = text.indexOf('\n', from + PART);
      const to = Math.min(space < 0 ? text.length : space, line < 0 ? text.length : line);
      if (test(text.slice(from, to))) return true;
      from = to;
      await breathe();
    }
    return false;
  };
  const roots: Node[] = [root];
  for (let next = roots.pop(); next; next = roots.pop()) {
    if (next.nodeType === Node.TEXT_NODE || next.nodeType === Node.CDATA_SECTION_NODE) {
      if (await seen((next as CharacterData).data)) return true;
      continue;
    }
    // No filter callback: a JS call per node was most of this pass (the trace showed 10-16 ms of
    // acceptNode on 400 paragraphs); skipped elements are stepped over by hand instead.
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node: Node | null = walker.nextNode();
    while (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length <= PART ? test(data) : await seen(data)) return true;
        if (spent()) await breathe();
      } else {
        const shadow = (node as Element).shadowRoot;
        if (shadow) {
          options.onShadowRoot?.(shadow);
          roots.push(shadow);
        }
        if (SKIPPED.has(node.nodeName)) {
          // Past this element's subtree: its next sibling, or an ancestor's.
          let after: Node | null = walker.nextSibling();
          while (!after && walker.parentNode()) after = walker.nextSibling();
          node = after;
          continue;
        }
      }
      node = walker.nextNode();
    }
  }
  return false;
  }
}
