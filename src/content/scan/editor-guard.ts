// Editors are left alone, at any time (issue 11, item 6): no highlight and no card inside anything
// the page makes editable, including after load. The text model already skips form fields and
// `contenteditable` at scan time (exclusions.ts); this guard notices a region that becomes
// editable later and drops our marks there:
// - `contenteditable` set or changed: an attribute mutation;
// - CSS `-webkit-user-modify: read-write` through a `style` or `class` change: an attribute
//   mutation too, checked on the computed style (Chromium's `isContentEditable` says false there,
//   yet the text takes typing) only on elements that hold marks, at most once per MIN_GAP_MS;
// - a style sheet that makes text editable, or anything else no attribute shows: checked where the
//   reader acts (pointerdown, focusin, click);
// - `document.designMode = 'on'`, which fires no mutation at all: a string compare at every
//   reader action and every batch of changes.
// When the region stops being editable, its text is scanned again.
import { isInsideExcluded, markEditor, unmarkEditor } from './exclusions';
import type { Highlighter } from '../highlight/highlighter';

const MIN_GAP_MS = 100;
const WATCHED_ATTRIBUTES = ['contenteditable', 'style', 'class'];

export interface EditorGuardHooks {
  /** Marks were dropped (the open card's mark may be gone). */
  dropped(): void;
  /** A region is no longer editable: scan its text again. */
  rescan(root: Node): void;
}

/**
 * Whether the reader can type into the element's text now: contenteditable (or designMode), or
 * CSS `-webkit-user-modify: read-write(-plaintext-only)`, which inherits and which Chromium's
 * `isContentEditable` does not report. Reads the page's style: call it where it matters only.
 */
function isEditableNow(el: Element): boolean {
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  const view = el.ownerDocument.defaultView;
  return view !== null && view.getComputedStyle(el).getPropertyValue('-webkit-user-modify').startsWith('read-write');
}

/** Whether the node is inside something the reader can type into, as the page is now. */
export function isInEditor(node: Node): boolean {
  const doc = node.ownerDocument ?? (node as Document);
  if (doc.designMode === 'on') return true;
  const el = node instanceof Element ? node : node.parentElement;
  if (!el) return false;
  if (el.closest('input, textarea, select')) return true;
  return isEditableNow(el);
}

/** The outermost editable element around `el` (the editing host), or `el` itself. */
function editingRoot(el: Element): Element {
  let root = el;
  for (let up = el.parentElement; up && up !== el.ownerDocument.body && isEditableNow(up); up = up.parentElement) root = up;
  return root;
}

export class EditorGuard {
  private readonly observer: MutationObserver;
  private pending = new Set<Element>();
  private scheduled = false;
  private lastFlush = 0;
  /** Regions we dropped marks from, to scan again once they stop being editable. */
  private editors = new Set<Element>();
  private designOn = false;
  private listening: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly hooks: EditorGuardHooks,
  ) {
    this.observer = new MutationObserver((records) => {
      for (const record of records) if (record.target instanceof Element) this.pending.add(record.target);
      this.schedule();
    });
  }

  start(): void {
    this.stop();
    this.designOn = this.doc.designMode === 'on';
    this.observer.observe(this.doc.documentElement, { attributes: true, subtree: true, attributeFilter: WATCHED_ATTRIBUTES });
    this.listening = new AbortController();
    const options = { capture: true, passive: true, signal: this.listening.signal };
    const atReader = (event: Event): void => {
      this.checkAt(event.target);
    };
    for (const type of ['pointerdown', 'focusin', 'keydown'] as const) this.doc.addEventListener(type, atReader, options);
  }

  stop(): void {
    this.observer.disconnect();
    this.listening?.abort();
    this.listening = null;
    this.pending.clear();
  }

  /**
   * Checks the page's designMode and the region around `target` now, dropping marks there if it is
   * editable. True when `target` is inside an editor (a click there opens nothing).
   */
  checkAt(target: EventTarget | null): boolean {
    this.checkDesignMode();
    if (!(target instanceof Node)) return this.designOn;
    const editable = isInEditor(target);
    const el = target instanceof Element ? target : target.parentElement;
    if (editable && !this.designOn && el && !el.closest('input, textarea, select')) this.dropIn(editingRoot(el));
    return editable;
  }

  private checkDesignMode(): void {
    const on = this.doc.designMode === 'on';
    if (on === this.designOn) return;
    this.designOn = on;
    if (on) {
      if (this.highlighter.removeWhere(() => true) > 0) this.hooks.dropped();
    } else {
      this.hooks.rescan(this.doc.body ?? this.doc.documentElement);
    }
  }

  private dropIn(root: Element): void {
    // Scans skip it from now on, whatever made it editable (a style no attribute shows included).
    markEditor(root);
    this.editors.add(root);
    if (this.highlighter.removeUnder(new Set([root])) > 0) this.hooks.dropped();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), Math.max(0, this.lastFlush + MIN_GAP_MS - performance.now()));
  }

  private flush(): void {
    this.scheduled = false;
    this.lastFlush = performance.now();
    for (const record of this.observer.takeRecords()) if (record.target instanceof Element) this.pending.add(record.target);
    const targets = [...this.pending];
    this.pending.clear();
    this.checkDesignMode();
    if (this.designOn) return;
    for (const el of targets) {
      // Style is read only for elements that hold marks: a page restyling its ads costs nothing.
      if (el.isConnected && this.highlighter.hasMarksUnder(el) && isEditableNow(el)) this.dropIn(editingRoot(el));
    }
    this.releaseEditors();
  }

  /** Regions that stopped being editable get their text scanned again. */
  private releaseEditors(): void {
    for (const root of this.editors) {
      if (!root.isConnected) {
        this.editors.delete(root);
        continue;
      }
      if (isEditableNow(root)) continue;
      this.editors.delete(root);
      unmarkEditor(root);
      if (!isInsideExcluded(root)) this.hooks.rescan(root);
    }
  }
}
