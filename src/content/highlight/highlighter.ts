// The marks we show on the page: every mention as a Range (made when first needed: lazy-range.ts),
// painted through the CSS Custom Highlight API (one Highlight per kind), so the page's text and
// structure are never touched; the elements holding a painted mark carry one attribute, which our
// rules hang from (painted-elements.ts). Only marks near the viewport are registered in the
// Highlights (near-viewport.ts); everything else here (order, counts, hit-testing, stepping)
// works on every mark.
import { composedParent, type ShadowRoots } from '../dom/shadow-roots';
import type { MentionKind } from '../../core/types';
import { MENTION_KINDS, highlightName } from './highlight-styles';
import { MarkIndex } from '../marks/mark-index';
import { appendInOrder } from '../marks/mark-order';
import { hasRange, startOf } from '../marks/lazy-range';
import { NearViewport } from './near-viewport';
import { HighlightStyleSheet } from './style-sheet';
import { PaintedElements } from './painted-elements';
import { pageHighlightScope } from './highlight-scope';
import { pageNames } from './page-names';
import type { Mark } from '../marks/mark';

export type { Mark } from '../marks/mark';

function isStale(mark: Mark): boolean {
  return mark.range.collapsed || !mark.range.startContainer.isConnected || mark.range.toString() !== mark.text;
}

export class Highlighter {
  /**
   * Every mark, kept in document order as batches arrive (see mark-order.ts): a page that grows
   * must not pay a sort, nor a copy, of all its marks per change. Marks added after the last one
   * are pushed in place; any other change makes a new array. `version` counts the changes.
   */
  private ordered: Mark[] = [];
  private version = 0;
  private readonly live = new Set<Mark>();
  /** Marks by text node, so changes in part of the page look only at the marks there. */
  private readonly index = new MarkIndex<Mark>();
  /**
   * Names and claims apart, each as of `version`. Marks appended at the end go onto the names in
   * place; the claims (tens on a page) are a new array whenever they change, so a follower can
   * tell a change by identity (calm-claims.ts).
   */
  private readonly groups = new Map<'names' | 'claims', { version: number; marks: Mark[] }>();
  private readonly highlights = new Map<MentionKind, Highlight>();
  /** The elements our rules reach; shared with the claims' leads (calm-claims.ts). */
  readonly elements = new PaintedElements(() => (pageHighlightScope() === 'marked' ? pageNames().markAttribute : null));
  private readonly holders = new Map<Mark, Element | null>();
  private readonly painted = new NearViewport<Mark>(
    (mark) => {
      this.highlights.get(mark.kind)!.add(mark.range);
      if (!this.holders.has(mark)) this.holders.set(mark, this.elements.hold(mark.range));
    },
    // A mark whose Range was never made was never painted (lazy-range.ts): none is made to unpaint it.
    (mark) => {
      if (!hasRange(mark)) return;
      this.highlights.get(mark.kind)!.delete(mark.range);
      this.elements.release(this.holders.get(mark));
      this.holders.delete(mark);
    },
  );
  private readonly styles: HighlightStyleSheet;
  private shown = true;

  /** The open shadow roots the scans read: a rescan of a block reaches the marks of the components in it. */
  shadowRoots: ShadowRoots | null = null;

  constructor(private readonly doc: Document) {
    this.styles = new HighlightStyleSheet(doc);
    for (const kind of MENTION_KINDS) {
      const highlight = new Highlight();
      // Claims span whole sentences; names inside them paint on top.
      highlight.priority = kind === 'claim' ? 0 : 1;
      this.highlights.set(kind, highlight);
    }
  }

  /**
   * Registers our highlights and styles, or restores them if the page removed them. Not before
   * there is a mark: a page that names nobody of the list sees no highlight and no style sheet.
   */
  ensureRegistered(): void {
    if (!this.shown || this.ordered.length === 0) return;
    this.styles.ensure();
    this.elements.restore();
    for (const [kind, highlight] of this.highlights) {
      const name = highlightName(kind);
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  add(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    for (const mark of marks) {
      this.live.add(mark);
      this.index.add(mark);
      this.painted.add(mark);
    }
    const { marks: ordered, appended } = appendInOrder(this.ordered, marks);
    this.ordered = ordered;
    const was = this.version++;
    const names = this.groups.get('names');
    const claims = this.groups.get('claims');
    if (!appended) return;
    // Both groups were up to date: they take the new marks at their ends too.
    if (names?.version === was) {
      for (const mark of appended) if (mark.kind !== 'claim') names.marks.push(mark);
      names.version = this.version;
    }
    if (claims?.version === was) {
      const added = appended.filter((m) => m.kind === 'claim');
      if (added.length > 0) claims.marks = claims.marks.concat(added);
      claims.version = this.version;
    }
  }

  /** Whether the mark is still shown (the open card's mark may have been dropped). */
  has(mark: Mark): boolean {
    return this.live.has(mark);
  }

  /** Drops marks that `drop` selects; returns how many went. Looks at every mark: prefer removeUnder. */
  removeWhere(drop: (mark: Mark) => boolean): number {
    return this.remove(this.ordered.filter(drop));
  }

  /**
   * Drops the marks that start inside any of `roots` (about to be rescanned); returns how many
   * went. Looks only at marks filed on text inside the roots, not at every mark on the page.
   */
  removeUnder(roots: ReadonlySet<Node>): number {
    const underRoot = (node: Node): boolean => {
      for (let up: Node | null = node; up; up = composedParent(up)) if (roots.has(up)) return true;
      return false;
    };
    const found = new Set<Mark>();
    for (const root of roots) for (const mark of this.marksUnder(root)) found.add(mark);
    return this.remove([...found].filter((m) => underRoot(startOf(m).node)));
  }

  /** The marks filed under `node`, those in the shadow trees of components inside it included. */
  private marksUnder(node: Node): Mark[] {
    const roots = this.shadowRoots?.under(node) ?? [];
    return roots.length === 0 ? this.index.marksUnder(node) : [node, ...roots].flatMap((tree) => this.index.marksUnder(tree));
  }

  /**
   * Whether any mark starts inside `root`. A binary search over the marks in document order, so
   * asking about <body> (a page toggling its classes) costs a few comparisons, not a walk.
   */
  hasMarksUnder(root: Node): boolean {
    const marks = this.ordered;
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = startOf(marks[mid]!).node;
      const before = node !== root && (root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && !root.contains(node);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    const first = marks[lo];
    return first !== undefined && root.contains(startOf(first).node);
  }

  /**
   * Drops marks whose text is gone: removed from the page, collapsed, or edited. With `touched`
   * (nodes removed or edited, and the blocks they were in), only marks filed there are checked;
   * without, every mark is. Marks in `removed` nodes (taken out of where they were, maybe put
   * back elsewhere) are dropped, as their live Range collapsed when the node was taken out: a
   * mark whose Range was not made yet (lazy-range.ts), or made only once the node had moved,
   * would otherwise stay, and text the page moved into an editor would be painted there. Text
   * moved somewhere readable is found again by the rescan of where it went.
   */
  dropStale(touched?: readonly Node[], removed: readonly Node[] = []): number {
    if (!touched) return this.removeWhere(isStale);
    const moved = new Set<Mark>();
    for (const node of removed) for (const mark of this.marksUnder(node)) moved.add(mark);
    const found = new Set<Mark>();
    for (const node of touched) for (const mark of this.marksUnder(node)) found.add(mark);
    return this.remove([...found].filter((mark) => moved.has(mark) || isStale(mark)));
  }

  private remove(gone: readonly Mark[]): number {
    if (gone.length === 0) return 0;
    const dropped = new Set(gone);
    for (const mark of dropped) {
      this.painted.remove(mark);
      this.live.delete(mark);
      this.index.remove(mark);
    }
    this.ordered = this.ordered.filter((m) => !dropped.has(m));
    this.version++;
    return dropped.size;
  }

  /** Every mark in document order (to read at once: the array may grow in place later). */
  inOrder(): readonly Mark[] {
    return this.ordered;
  }

  /**
   * Marks of names, or of claims, in document order. Each group is free of overlaps (a claim
   * sentence contains names), which binary search needs.
   */
  group(which: 'names' | 'claims'): readonly Mark[] {
    let cached = this.groups.get(which);
    if (!cached || cached.version !== this.version) {
      cached = { version: this.version, marks: this.ordered.filter((m) => (m.kind === 'claim') === (which === 'claims')) };
      this.groups.set(which, cached);
    }
    return cached.marks;
  }

  get size(): number {
    return this.ordered.length;
  }

  /** Stops painting without forgetting the marks (site switched off). */
  hide(): void {
    this.shown = false;
    for (const [kind, highlight] of this.highlights) {
      if (CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
    }
    this.styles.remove();
    this.elements.hide();
  }

  /** The rules again, after a change of look (kinds hidden or shown). */
  restyle(): void {
    this.styles.refresh();
  }

  show(): void {
    this.shown = true;
    this.ensureRegistered();
  }

  clear(): void {
    this.ordered = [];
    this.version++;
    this.live.clear();
    this.index.clear();
    this.painted.clear();
    for (const highlight of this.highlights.values()) highlight.clear();
    this.holders.clear();
    this.elements.releaseAll();
  }
}
