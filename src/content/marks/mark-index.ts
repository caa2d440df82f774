// Which marks sit on which text node, so a change to part of the page touches only the marks
// there instead of every mark on the page (a live blog can hold tens of thousands).
// Keyed by the text nodes a mark started and ended in when it was made; a WeakMap, so nodes the
// page throws away are not kept alive by us.

import { boundaryNodes, foundIn } from './lazy-range';

export interface Indexed {
  range: Range;
}

export class MarkIndex<T extends Indexed> {
  private byNode = new WeakMap<Node, T[]>();
  /**
   * Where each mark with a Range of its own was filed: its boundaries move when the page edits
   * around it. A mark found in one text node (nearly all, lazy-range.ts) is filed under that node,
   * which it keeps: no entry here (on a growing page, one WeakMap entry and one array per name).
   */
  private filedUnder = new WeakMap<T, readonly Node[]>();

  add(mark: T): void {
    const node = foundIn(mark);
    if (node) return this.addTo(node, mark);
    const { start, end } = boundaryNodes(mark);
    const nodes = end === start ? [start] : [start, end];
    for (const n of nodes) this.addTo(n, mark);
    this.filedUnder.set(mark, nodes);
  }

  remove(mark: T): void {
    const node = foundIn(mark);
    for (const n of node ? [node] : (this.filedUnder.get(mark) ?? [])) this.removeFrom(n, mark);
    this.filedUnder.delete(mark);
  }

  private removeFrom(node: Node, mark: T): void {
    const list = this.byNode.get(node);
    if (!list) return;
    const kept = list.filter((m) => m !== mark);
    if (kept.length > 0) this.byNode.set(node, kept);
    else this.byNode.delete(node);
  }

  clear(): void {
    this.byNode = new WeakMap();
    this.filedUnder = new WeakMap();
  }

  /** Marks indexed on `root` or on any text node inside it (open shadow roots are not entered). */
  marksUnder(root: Node): T[] {
    const found: T[] = [];
    const take = (node: Node): void => {
      const list = this.byNode.get(node);
      if (list) found.push(...list);
    };
    take(root);
    if (root.nodeType === Node.TEXT_NODE || !root.firstChild) return found;
    // A paragraph of one text node (what a growing page appends): no tree walker for it.
    if (root.firstChild === root.lastChild && root.firstChild.nodeType === Node.TEXT_NODE) {
      take(root.firstChild);
      return found;
    }
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) take(node);
    return found;
  }

  private addTo(node: Node, mark: T): void {
    const list = this.byNode.get(node);
    if (list) list.push(mark);
    else this.byNode.set(node, [mark]);
  }
}
