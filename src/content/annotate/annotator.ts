// Annotations on the page: the toolbar on a selection, the form, saving through the background,
// and on every visit (and every change of the page's text) anchoring the page's annotations
// again and painting them in their colour. Orphans are reported, listed, never dropped.
import { anchor, type AnchorMethod } from '../../core/anchoring/anchor';
import { createAnnotation, quoteOf, type Annotation } from '../../core/annotations/model';
import type { PageAnnotation, StoredAnnotation } from '../../shared/annotation-messages';
import { isInsideExcluded } from '../scan/exclusions';
import { caretPointAt } from '../card/hit-test';
import type { AskBackground } from '../runtime/messaging';
import type { FrameAddress } from '../frames/frame-address';
import { AnnotateHost, type NoteDraft } from './annotate-host';
import { NoteHighlights, type NoteMark } from './note-highlights';
import { canonicalUrlOf } from './canonical';
import { readPageText, type PageText } from './page-text';
import { QUOTE_MAX } from '../../core/drafts/drafts';

/** Per annotation: the chain gives up (orphan) after this, so a long page stays responsive. */
const ANCHOR_MAX_MS = 150;
const REFRESH_DELAY_MS = 200;

export interface AnnotatorHooks {
  /** Ids of the entities and claims highlighted inside the range. */
  mentionsIn(range: Range): string[];
  /** Nodes of Dossier's own UI (card host…): never a selection to annotate. */
  isOurs(node: Node): boolean;
  onError(error: unknown): void;
  /** The background's messaging, handed in: this class lives in a chunk without the polyfill. */
  ask: AskBackground;
  /** The note frame's address (frames/frame-address.ts), handed in for the same reason. */
  noteFrame(): FrameAddress;
}

interface Placed {
  annotation: StoredAnnotation;
  method: AnchorMethod | null;
}

export class Annotator {
  private readonly host: AnnotateHost;
  private readonly highlights: NoteHighlights;
  private listeners: AbortController | null = null;
  private url = '';
  private placed: Placed[] = [];
  private reported = new Map<string, boolean>();
  private selection: Range | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded: Promise<void> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly hooks: AnnotatorHooks,
  ) {
    this.host = new AnnotateHost(doc, {
      onAnnotate: () => this.openForm(),
      onSave: (draft) => void this.save(draft),
      onCancel: () => this.cancel(),
      onClose: () => this.host.hide(),
      onFormTaken: () => void this.hooks.ask('notes/form-taken', {}).catch((error: unknown) => this.hooks.onError(error)),
    }, () => hooks.noteFrame());
    this.highlights = new NoteHighlights(doc);
  }

  isHostNode(node: Node): boolean {
    return this.host.isHostNode(node);
  }

  /** Between start() and stop(). */
  get isRunning(): boolean {
    return this.listeners !== null;
  }

  start(): Promise<void> {
    if (!this.listeners) {
      this.listeners = new AbortController();
      const options = { capture: true, signal: this.listeners.signal };
      this.doc.addEventListener('mouseup', (e) => this.afterSelecting(e), options);
      this.doc.addEventListener('keyup', (e) => this.afterSelecting(e), options);
      this.doc.addEventListener('click', (e) => this.onClick(e), options);
    }
    this.loaded = this.load().catch((error: unknown) => this.hooks.onError(error));
    return this.loaded;
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    clearTimeout(this.refreshTimer);
    this.highlights.clear();
    this.host.hide();
  }

  /** The page's text changed (the watcher): find every passage again, a little later. */
  scheduleRefresh(): void {
    if (!this.listeners) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh().catch((error: unknown) => this.hooks.onError(error)), REFRESH_DELAY_MS);
  }

  /** For the popup: every annotation of the page, found or not. */
  async pageAnnotations(): Promise<{ url: string; annotations: PageAnnotation[] }> {
    await this.loaded;
    return {
      url: this.url,
      annotations: this.placed.map(({ annotation: { orphan: _orphan, ...annotation }, method }) =>
        method ? { annotation, orphan: false, method } : { annotation, orphan: true },
      ),
    };
  }

  /** The keyboard command and the context menu: annotate what is selected now. */
  annotateSelection(): boolean {
    const range = this.currentSelection();
    if (!range) return false;
    this.selection = range;
    this.openForm();
    return true;
  }


  private async load(): Promise<void> {
    const canonical = canonicalUrlOf(this.doc);
    const reply = await this.hooks.ask('annotations/page', { url: location.href, ...(canonical ? { canonicalUrl: canonical } : {}) });
    this.url = reply.url;
    this.reported = new Map(reply.annotations.map((a) => [a.id, a.orphan]));
    this.placed = reply.annotations.map((annotation) => ({ annotation, method: null }));
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.listeners) return;
    const page = readPageText(this.doc);
    const marks: NoteMark[] = [];
    this.placed = this.placed.map(({ annotation }) => {
      const found = anchor(page.text, annotation.target.selector, { maxMs: ANCHOR_MAX_MS });
      const range = found ? page.rangeOf(found.start, found.end) : null;
      if (range) marks.push({ range, id: annotation.id, colour: annotation.body.colour });
      return { annotation, method: range && found ? found.method : null };
    });
    this.highlights.set(marks);
    await this.report();
  }

  /** Tells the background what changed since the last report, so the options page can list orphans. */
  private async report(): Promise<void> {
    const orphans: string[] = [];
    const anchored: string[] = [];
    for (const { annotation, method } of this.placed) {
      const orphan = method === null;
      if (this.reported.get(annotation.id) === orphan) continue;
      (orphan ? orphans : anchored).push(annotation.id);
    }
    if (orphans.length === 0 && anchored.length === 0) return;
    await this.hooks.ask('annotations/report', { url: this.url, orphans, anchored });
    for (const id of orphans) this.reported.set(id, true);
    for (const id of anchored) this.reported.set(id, false);
  }

  private currentSelection(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (range.toString().trim() === '') return null;
    // Fields, editors and our own UI: the reader is writing there, not reading.
    const around = range.commonAncestorContainer;
    if (isInsideExcluded(around) || this.hooks.isOurs(around)) return null;
    return range.cloneRange();
  }

  private afterSelecting(event: Event): void {
    // Only the reader's own mouse or keys: a script's selection and synthetic mouseup paint nothing.
    if (!event.isTrusted) return;
    if (event.target instanceof Node && (this.isHostNode(event.target) || this.hooks.isOurs(event.target))) return;
    // The selection settles after the event (a click that collapses it, a shift+arrow).
    setTimeout(() => this.offerToolbar(), 0);
  }

  /** Shows the toolbar over the current selection (or hides it when there is none). */
  offerToolbar(): void {
    if (this.host.showing === 'form') return;
    const range = this.currentSelection();
    if (!range) {
      if (this.host.showing === 'toolbar') this.host.hide();
      return;
    }
    this.selection = range;
    this.host.showToolbar(range.getBoundingClientRect());
  }

  private openForm(): void {
    const range = this.selection;
    if (!range) return;
    this.host.showForm(range.getBoundingClientRect(), range.toString().trim().slice(0, QUOTE_MAX), location.href);
  }

  /** The reader cancelled the form (or closed a bubble): the form's draft goes with it. */
  private cancel(): void {
    const passage = this.host.formPassage;
    this.host.hide();
    if (passage) this.clearDraft(passage);
  }

  private clearDraft(passage: { quote: string; page: string }): void {
    this.hooks.ask('notes/draft-clear', passage).catch((error: unknown) => this.hooks.onError(error));
  }

  private async save(draft: NoteDraft): Promise<void> {
    const range = this.selection;
    if (!range) return;
    const passage = this.host.formPassage;
    try {
      const page: PageText = readPageText(this.doc);
      const offsets = page.offsetsOf(range);
      if (!offsets) {
        this.host.showError('This selection holds no text of the page that Dossier can find again.');
        return;
      }
      const canonical = canonicalUrlOf(this.doc);
      const annotation: Annotation = createAnnotation({
        pageUrl: location.href,
        ...(canonical ? { canonicalUrl: canonical } : {}),
        title: this.doc.title.slice(0, 1000),
        text: page.text,
        start: offsets.start,
        end: offsets.end,
        ...(draft.note ? { note: draft.note } : {}),
        tags: draft.tags,
        colour: draft.colour,
        entities: this.hooks.mentionsIn(range),
      });
      const saved = await this.hooks.ask('annotations/save', { annotation });
      this.url = saved.annotation.url;
      this.placed = [...this.placed.filter((p) => p.annotation.id !== saved.annotation.id), { annotation: saved.annotation, method: null }];
      this.reported.set(saved.annotation.id, false);
      if (passage) this.clearDraft(passage);
      this.selection = null;
      this.doc.getSelection()?.removeAllRanges();
      this.host.hide();
      await this.refresh();
    } catch (error) {
      this.host.showError(error instanceof Error ? error.message : String(error));
      this.hooks.onError(error);
    }
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted || event.button !== 0) return;
    if (event.target instanceof Node && this.isHostNode(event.target)) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim() !== '') return;
    const mark = this.noteAt(event.clientX, event.clientY);
    if (!mark) {
      if (this.host.showing === 'note') this.host.hide();
      return;
    }
    const placed = this.placed.find((p) => p.annotation.id === mark.id);
    if (!placed) return;
    const { body } = placed.annotation;
    this.host.showNote(mark.range.getBoundingClientRect(), {
      quote: quoteOf(placed.annotation),
      id: placed.annotation.id,
      ...(body.note ? { note: body.note } : {}),
      tags: body.tags,
    });
  }

  /** Annotations may overlap and are few: a linear test of each under the caret and pointer. */
  private noteAt(x: number, y: number): NoteMark | null {
    const marks = this.highlights.current;
    if (marks.length === 0) return null;
    const point = caretPointAt(this.doc, x, y);
    if (!point) return null;
    for (const mark of marks) {
      let inside = false;
      try {
        inside = mark.range.comparePoint(point.node, point.offset) === 0;
      } catch {
        inside = false;
      }
      if (!inside) continue;
      for (const rect of mark.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mark;
      }
    }
    return null;
  }
}
