// The annotation UI on the page. The toolbar by the selection (one "Annotate" button: no dossier
// data, no typing) is an element with a closed shadow root and a per-page random name. The note
// form and the bubble that shows a saved note are an extension page in a frame (the note frame,
// src/ui/frames/note-frame.ts), so the page can neither read a note nor hear it being typed.
import type { NoteDraft, NoteView } from '../../shared/frame-messages';
import type { FrameAddress } from '../frames/frame-address';
import { FocusGuard } from '../frames/focus-guard';
import { FrameHost } from '../frames/frame-host';
import { randomHostTag } from '../frames/host-name';

export type { NoteDraft, NoteView } from '../../shared/frame-messages';

const HOST_STYLE: readonly [string, string][] = [
  ['position', 'fixed'], ['top', '0px'], ['left', '0px'], ['right', 'auto'], ['bottom', 'auto'],
  ['z-index', '2147483647'], ['display', 'block'], ['visibility', 'visible'], ['opacity', '1'],
  ['margin', '0'], ['padding', '0'], ['border', '0'], ['width', 'auto'], ['height', 'auto'],
  ['transform', 'none'], ['filter', 'none'], ['clip-path', 'none'], ['pointer-events', 'auto'], ['contain', 'none'],
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

type Handlers = { onAnnotate(): void; onSave(draft: NoteDraft): void; onClose(): void };

export class AnnotateHost {
  private readonly tag = randomHostTag();
  private toolbar: HTMLElement | null = null;
  private readonly frame: FrameHost;
  /** While the form or the bubble (a conflict's merge field) has focus, only the reader moves it out. */
  private readonly focusGuard: FocusGuard;
  private view: 'none' | 'toolbar' | 'form' | 'note' = 'none';

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
        if (message.type === 'close') this.handlers.onClose();
        else if (message.type === 'save') this.handlers.onSave(message.draft);
      },
    });
    const frame = this.frame;
    this.focusGuard = new FocusGuard(doc, {
      holdsFocus: () => frame.holdsFocus(),
      refocus: () => frame.refocus(),
      taken: () => this.showError(FOCUS_TAKEN),
      lost: () => this.handlers.onClose(),
    });
    frame.onFocusMove = () => this.focusGuard.focusMoved();
    // Focus may be on the page (the reader clicked it, or the frame had not drawn): the reader's
    // Esc still closes the form or the bubble.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || event.key !== 'Escape' || !this.frame.isOpen) return;
        const active = doc.activeElement;
        if (active === doc.body || active === null || active === doc.documentElement || this.frame.isHostNode(active)) this.handlers.onClose();
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
    this.doc.documentElement.append(host);
    this.toolbar = host;
    this.view = 'toolbar';
    this.place(host, at);
  }

  showForm(at: DOMRect, quote: string): void {
    this.openFrame(at, { type: 'form', quote });
    this.view = 'form';
    this.focusGuard.start();
  }

  showNote(at: DOMRect, view: NoteView): void {
    this.openFrame(at, { type: 'note', view });
    this.view = 'note';
    // A note in conflict is merged by typing in the bubble.
    this.focusGuard.start();
  }

  showError(message: string): void {
    this.frame.send({ type: 'error', message });
  }

  hide(): void {
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
