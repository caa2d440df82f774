// The open shadow roots of web components the text model has read. Their text is on screen and
// marked, but a tree walk, a MutationObserver of the document and Node.contains all stop at a
// shadow root: the watcher must observe each root on its own, and a rescan of the block holding a
// host must reach the marks inside its tree. Only roots we read are kept (the walk meets each host),
// so nothing here walks the page to find them.

/** The parent across shadow boundaries: a shadow tree's top nodes lead to its host. */
export function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/** Whether `node` is `ancestor` or inside it, shadow trees of hosts inside it included. */
export function composedContains(ancestor: Node, node: Node): boolean {
  for (let up: Node | null = node; up; up = composedParent(up)) if (up === ancestor) return true;
  return false;
}

export class ShadowRoots {
  private readonly roots = new Set<ShadowRoot>();
  /** The size at which disconnected roots are next swept out: doubling, so a page of thousands of components costs amortised O(1) a root. */
  private sweepAt = 64;
  /** Told of each root the first time it is read (the watcher observes it). */
  onNewRoot: ((root: ShadowRoot) => void) | null = null;

  met(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    // Components the page threw away are forgotten here, not while a removal is being handled
    // (its marks must still be found under the removed host).
    if (this.roots.size >= this.sweepAt) {
      for (const known of this.roots) if (!known.host.isConnected) this.roots.delete(known);
      this.sweepAt = Math.max(64, this.roots.size * 2);
    }
    this.roots.add(root);
    this.onNewRoot?.(root);
  }

  /** The roots read whose host is `node` or lies inside it (in its tree or a shadow tree inside it). */
  under(node: Node): ShadowRoot[] {
    const out: ShadowRoot[] = [];
    // A text node, or an element with no element inside (an appended paragraph), holds no host.
    if (this.roots.size === 0 || !(node instanceof Element || node instanceof ShadowRoot || node instanceof Document)) return out;
    if (node instanceof Element && node.shadowRoot === null && node.firstElementChild === null) return out;
    for (const root of this.roots) if (composedContains(node, root.host)) out.push(root);
    return out;
  }

  get size(): number {
    return this.roots.size;
  }
}
