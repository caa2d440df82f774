// The marks we show on the page: every mention as a live Range, painted through the CSS Custom
// Highlight API (one Highlight per kind), so the page's DOM is never touched.
import type { MentionKind } from '../core/types';
import { MENTION_KINDS, highlightName } from './highlight-styles';
import { HighlightStyleSheet } from './style-sheet';

export interface Mark {
  range: Range;
  kind: MentionKind;
  /** Entity id, or claim id for kind 'claim'. */
  id: string;
  /** The text the range held when we made it: a range whose text changed is stale. */
  text: string;
}

function byDocumentOrder(a: Mark, b: Mark): number {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
  } catch {
    return 0; // ranges in different trees cannot be ordered; validate() will drop them
  }
}

export class Highlighter {
  private marks: Mark[] = [];
  private sorted: Mark[] | null = null;
  private readonly groups = new Map<'names' | 'claims', { from: readonly Mark[]; marks: Mark[] }>();
  private readonly highlights = new Map<MentionKind, Highlight>();
  private readonly styles: HighlightStyleSheet;
  private shown = true;

  constructor(private readonly doc: Document) {
    this.styles = new HighlightStyleSheet(doc);
    for (const kind of MENTION_KINDS) {
      const highlight = new Highlight();
      // Claims span whole sentences; names inside them paint on top.
      highlight.priority = kind === 'claim' ? 0 : 1;
      this.highlights.set(kind, highlight);
    }
  }

  /** Registers our highlights and styles, or restores them if the page removed them. */
  ensureRegistered(): void {
    if (!this.shown) return;
    this.styles.ensure();
    for (const [kind, highlight] of this.highlights) {
      const name = highlightName(kind);
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  add(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    for (const mark of marks) {
      this.marks.push(mark);
      this.highlights.get(mark.kind)!.add(mark.range);
    }
    this.sorted = null;
  }

  /** Drops marks that `drop` selects; returns how many went. */
  removeWhere(drop: (mark: Mark) => boolean): number {
    const kept: Mark[] = [];
    for (const mark of this.marks) {
      if (drop(mark)) this.highlights.get(mark.kind)!.delete(mark.range);
      else kept.push(mark);
    }
    const removed = this.marks.length - kept.length;
    if (removed > 0) {
      this.marks = kept;
      this.sorted = null;
    }
    return removed;
  }

  /** Drops marks whose text is gone: removed from the page, collapsed, or edited. */
  dropStale(): number {
    return this.removeWhere((m) => m.range.collapsed || !m.range.startContainer.isConnected || m.range.toString() !== m.text);
  }

  /** Every mark in document order (cached until the marks change). */
  inOrder(): readonly Mark[] {
    this.sorted ??= [...this.marks].sort(byDocumentOrder);
    return this.sorted;
  }

  /**
   * Marks of names, or of claims, in document order. Each group is free of overlaps (a claim
   * sentence contains names), which binary search needs.
   */
  group(which: 'names' | 'claims'): readonly Mark[] {
    const all = this.inOrder();
    let cached = this.groups.get(which);
    if (!cached || cached.from !== all) {
      cached = { from: all, marks: all.filter((m) => (m.kind === 'claim') === (which === 'claims')) };
      this.groups.set(which, cached);
    }
    return cached.marks;
  }

  get size(): number {
    return this.marks.length;
  }

  /** Stops painting without forgetting the marks (site switched off). */
  hide(): void {
    this.shown = false;
    for (const [kind, highlight] of this.highlights) {
      if (CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
    }
    this.styles.remove();
  }

  show(): void {
    this.shown = true;
    this.ensureRegistered();
  }

  clear(): void {
    this.marks = [];
    this.sorted = null;
    for (const highlight of this.highlights.values()) highlight.clear();
  }
}
