// The annotation UI on the page. The toolbar by the selection (one "Annotate" button: no dossier
// data, no typing) is an element with a closed shadow root and a per-page random name. The note
// form and the bubble that shows a saved note are an extension page in a frame (the note frame,
// src/ui/frames/note-frame.ts), so the page can neither read a note nor hear it being typed.
import type { NoteDraft, NoteView } from '../../shared/frame-messages';
import type { FrameAddress } from '../frames/frame-address';
import { FocusGuard } from '../frames/focus-guard';
import { FrameHost } from '../frames/frame-host';
import { randomHostTag } from '../frames/host-name';
import { makeTopLayerHost, showInTopLayer } from '../frames/top-layer';

export type { NoteDraft, NoteView } from '../../shared/frame-messages';

const HOST_STYLE: readonly [string, string][] = [
  ['position', 'fixed'], ['top', '0px'], ['left', '0px'], ['right', 'auto'], ['bottom', 'auto'],
  ['z-index', '2147483647'], ['display', 'block'], ['visibility', 'visible'], ['opacity', '1'],
  ['margin', '0'], ['padding', '0'], ['border', '0'], ['width', 'auto'], ['height', 'auto'],
  ['transform', 'none'], ['filter', 'none'], ['clip-path', 'none'], ['pointer-events', 'auto'], ['contain', 'none'],
  // The top layer's user-agent rules for a popover (a scroll box, a Canvas background) are not ours.
  ['overflow', 'visible'], ['background', 'transparent'],
];

const TOOLBAR_CSS = `
:host { all: initial; }
.panel { font: 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
  background: #ffffff; border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
  padding: 6px; box-sizing: border-box; }
button { font: inherit; color: #ffffff; background: #1d4ed8; border: 1px solid #1d4ed8; border-radius: 6px;
  padding: 3px 10px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
`;

/** Shown in the form when the page moved focus out of it while the reader typed (focus-guard.ts). */
export const FOCUS_TAKEN = 'This page tried to take the keyboard from your note. Dossier moved it back, but a key or two may have reached the page.';

/** The note form's widest. */
const NOTE_WIDTH = 320;
/**
 * How many times one form is put back after the page took it away. A page that removes it every
 * time it comes would otherwise fight us for ever (each round a new frame, and keys to the page in
 * between); after this the form stays closed and the toolbar button says the draft is kept.
 */
export const FORM_PUT_BACKS_MAX = 3;

type Handlers = {
  onAnnotate(): void;
  onSave(draft: NoteDraft): void;
  /** The reader closed the form or the bubble (Cancel, Close, Esc): their choice. */
  onCancel(): void;
  /** Closed by Dossier (focus could not go back). */
  onClose(): void;
  /** The page took the form away once more than FORM_PUT_BACKS_MAX: it stays closed. */
  onFormTaken(): void;
};

/** The open form: where it stood and what it was for, to put it back. */
interface OpenForm {
  at: DOMRect;
  quote: string;
  page: string;
  putBacks: number;
}

export class AnnotateHost {
  private readonly tag = randomHostTag();
  private toolbar: HTMLElement | null = null;
  private readonly frame: FrameHost;
  /** While the form or the bubble (a conflict's merge field) has focus, only the reader moves it out. */
  private readonly focusGuard: FocusGuard;
  private view: 'none' | 'toolbar' | 'form' | 'note' = 'none';
  private form: OpenForm | null = null;

  constructor(
    private readonly doc: Document,
    private readonly handlers: Handlers,
    address: () => FrameAddress,
  ) {
    this.frame = new FrameHost(doc, {
      address,
      title: 'Dossier note',
      width: NOTE_WIDTH,
      onMessage: (message) => {
        if (message.type === 'close') this.handlers.onCancel();
        else if (message.type === 'save') this.handlers.onSave(message.draft);
      },
      onTakenAway: (how) => this.takenAway(how),
    });
    const frame = this.frame;
    this.focusGuard = new FocusGuard(doc, {
      holdsFocus: () => frame.holdsFocus(),
      refocus: () => frame.refocus(),
      opening: () => frame.opening,
      taken: () => this.showError(FOCUS_TAKEN),
      // Focus went with the host the page removed: that is the page taking the form, not focus.
      lost: () => (frame.isOnPage ? this.handlers.onClose() : this.takenAway('removed')),
    });
    frame.onFocusMove = () => this.focusGuard.focusMoved();
    // Focus may be on the page (the reader clicked it, or the frame had not drawn): the reader's
    // Esc still closes the form or the bubble.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || event.key !== 'Escape' || !this.frame.isOpen) return;
        const active = doc.activeElement;
        if (active === doc.body || active === null || active === doc.documentElement || this.frame.isHostNode(active)) this.handlers.onCancel();
      },
      true,
    );
  }

  isHostNode(node: Node): boolean {
    return node === this.toolbar || this.frame.isHostNode(node);
  }

  get showing(): 'none' | 'toolbar' | 'form' | 'note' {
    return this.view;
  }

  showToolbar(at: DOMRect): void {
    this.closeFrame(false);
    const host = this.doc.createElement(this.tag);
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = TOOLBAR_CSS;
    const panel = this.doc.createElement('div');
    panel.className = 'panel';
    panel.dataset.view = 'toolbar';
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.textContent = 'Annotate';
    button.dataset.action = 'annotate';
    // Keep the page's selection: a press on our button must not collapse it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      // Only the reader's own click (or key) opens the form.
      if (event.isTrusted) this.handlers.onAnnotate();
    });
    panel.append(button);
    root.append(style, panel);
    // The page's own shortcuts must not fire on keys meant for the button; Esc closes it.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      host.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type === 'keydown' && event.isTrusted && (event as KeyboardEvent).key === 'Escape') this.handlers.onClose();
      });
    }
    this.toolbar?.remove();
    // Above the page's banners, as the note form that follows it (top-layer.ts).
    makeTopLayerHost(host);
    this.doc.documentElement.append(host);
    showInTopLayer(host);
    this.toolbar = host;
    this.view = 'toolbar';
    this.place(host, at);
  }

  /** The form for `quote` of `page` (the draft kept for that passage comes back in it). */
  showForm(at: DOMRect, quote: string, page: string): void {
    this.openFrame(at, { type: 'form', quote, page });
    this.view = 'form';
    this.form = { at, quote, page, putBacks: 0 };
    this.focusGuard.start();
  }

  /** The passage and page of the open form. */
  get formPassage(): { quote: string; page: string } | null {
    return this.view === 'form' && this.form ? { quote: this.form.quote, page: this.form.page } : null;
  }

  /**
   * The page took the frame away (frame-host.ts onTakenAway). The form is put back with its draft
   * (the background kept it as it was typed) a few times; then it stays closed and the reader is
   * told on the toolbar button. A bubble only shows a saved note: it just closes.
   */
  private takenAway(how: 'removed' | 'navigated' | 'hidden'): void {
    const form = this.form;
    if (this.view !== 'form' || !form) {
      if (this.view === 'note' && how !== 'hidden') this.handlers.onClose();
      return;
    }
    if (how !== 'hidden' && this.frame.isOnPage) return; // already put back (the guard and the watch both saw it)
    form.putBacks++;
    if (form.putBacks > FORM_PUT_BACKS_MAX) {
      this.hide();
      this.handlers.onFormTaken();
      return;
    }
    if (how === 'hidden') return; // pinned again in place (frame-host.ts)
    this.openFrame(form.at, { type: 'form', quote: form.quote, page: form.page, putBack: true });
    // The put-back form says keys may have reached the page; focus coming back is not news.
    this.focusGuard.start(true);
  }

  showNote(at: DOMRect, view: NoteView): void {
    this.form = null;
    this.openFrame(at, { type: 'note', view });
    this.view = 'note';
    // A note in conflict is merged by typing in the bubble.
    this.focusGuard.start();
  }

  showError(message: string): void {
    this.frame.send({ type: 'error', message });
  }

  hide(): void {
    this.form = null;
    this.toolbar?.remove();
    this.toolbar = null;
    this.closeFrame(true);
    this.view = 'none';
  }

  private openFrame(at: DOMRect, message: Parameters<FrameHost['send']>[0]): void {
    this.focusGuard.stop();
    this.toolbar?.remove();
    this.toolbar = null;
    this.frame.showWithFocus(() => at, message);
  }

  private closeFrame(restoreFocus: boolean): void {
    this.focusGuard.stop();
    this.frame.closeAndReturnFocus(restoreFocus);
  }

  /** Below the selection if it fits, else above; inside the viewport. */
  private place(host: HTMLElement, at: DOMRect): void {
    const view = this.doc.defaultView;
    if (!view) return;
    const box = host.getBoundingClientRect();
    let top = at.bottom + 6;
    if (top + box.height > view.innerHeight - 8) top = Math.max(8, at.top - 6 - box.height);
    const left = Math.max(8, Math.min(at.left, (this.doc.documentElement.clientWidth || view.innerWidth) - 8 - box.width));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }
}
