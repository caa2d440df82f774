// The first stage's read of a page: every text node (open shadow roots included), tested for an
// anchor in slices of a few ms, so even a 20 MB page never holds the main thread for long. Text
// that is never shown (script, style) is skipped; hidden text is read, which can only load the
// second stage for nothing, never miss a name.

/** Elements whose text is never rendered. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/** A slice's budget: well under the 50 ms of a long task, with room for the page's own work. */
export const SLICE_MS = 8;
/** A longer text is tested in parts cut at white space (never inside a token). */
const PART = 1 << 16;

export type Yield = () => Promise<void>;

/** The next task, without the 4 ms clamp of nested timers. */
export const nextTask: Yield = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Calls `test` on the text of `root` part by part until it says true; false when none did. */
export async function someText(root: Node, test: (text: string) => boolean, pause: Yield = nextTask, sliceMs = SLICE_MS): Promise<boolean> {
  let deadline = performance.now() + sliceMs;
  const roots: Node[] = [root];
  for (let next = roots.pop(); next; next = roots.pop()) {
    if (next.nodeType === Node.TEXT_NODE || next.nodeType === Node.CDATA_SECTION_NODE) {
      if (await testText((next as CharacterData).data)) return true;
      continue;
    }
    const walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && SKIPPED.has((node as Element).nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (await testText((node as Text).data)) return true;
      } else {
        const shadow = (node as Element).shadowRoot;
        if (shadow) roots.push(shadow);
      }
    }
  }
  return false;

  async function testText(text: string): Promise<boolean> {
    for (let from = 0; from < text.length; ) {
      let to = text.length;
      if (to - from > PART) {
        const space = text.indexOf(' ', from + PART);
        const line = text.indexOf('\n', from + PART);
        const cut = Math.min(space < 0 ? text.length : space, line < 0 ? text.length : line);
        to = cut;
      }
      if (test(from === 0 && to === text.length ? text : text.slice(from, to))) return true;
      from = to;
      if (performance.now() > deadline) {
        await pause();
        deadline = performance.now() + sliceMs;
      }
    }
    if (performance.now() > deadline) {
      await pause();
      deadline = performance.now() + sliceMs;
    }
    return false;
  }
}
