// The annotation UI on the page: a small toolbar by the selection, the note form, and the bubble
// that shows a note when its highlight is clicked. All in one custom element with a CLOSED shadow
// root, built with DOM calls and textContent only (page text and notes are data, never HTML).
import { COLOURS, DEFAULT_COLOUR, type Colour } from '../../core/annotations/model';
import { ANNOTATE_HOST_TAG } from '../exclusions';
import { NOTE_TINTS } from './note-highlights';

export interface NoteDraft {
  note: string;
  tags: string[];
  colour: Colour;
}

export interface NoteView {
  quote: string;
  note?: string;
  tags: string[];
}

const HOST_STYLE: readonly [string, string][] = [
  ['position', 'fixed'], ['top', '0px'], ['left', '0px'], ['right', 'auto'], ['bottom', 'auto'],
  ['z-index', '2147483647'], ['display', 'block'], ['visibility', 'visible'], ['opacity', '1'],
  ['margin', '0'], ['padding', '0'], ['border', '0'], ['width', 'auto'], ['height', 'auto'],
  ['transform', 'none'], ['filter', 'none'], ['clip-path', 'none'], ['pointer-events', 'auto'], ['contain', 'none'],
];

const CSS_TEXT = `
:host { all: initial; }
.panel { font: 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
  background: #ffffff; border: 1px solid #c8c8c8; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18);
  padding: 6px; max-width: 320px; box-sizing: border-box; }
button { font: inherit; color: #1b1b1b; background: #f2f2f2; border: 1px solid #bdbdbd; border-radius: 6px;
  padding: 3px 10px; cursor: pointer; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #ffffff; }
label { display: block; margin: 4px 0 2px; font-size: 12px; color: #444444; }
textarea, input[type=text] { box-sizing: border-box; width: 280px; font: inherit; color: #1b1b1b; background: #ffffff;
  border: 1px solid #bdbdbd; border-radius: 6px; padding: 4px 6px; }
textarea { height: 64px; resize: vertical; }
.colours { display: flex; gap: 6px; margin: 6px 0; }
.swatch { width: 22px; height: 22px; padding: 0; border-radius: 50%; border: 2px solid transparent; }
.swatch[aria-checked=true] { border-color: #1b1b1b; }
.row { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; }
.quote { font-style: italic; color: #444444; margin: 0 0 4px; max-height: 4.5em; overflow: hidden; }
.note { white-space: pre-wrap; margin: 0 0 4px; }
.tags { color: #555555; font-size: 12px; margin: 0; }
.error { color: #b91c1c; margin: 4px 0 0; }
`;

type Handlers = { onAnnotate(): void; onSave(draft: NoteDraft): void; onClose(): void };

export class AnnotateHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private view: 'none' | 'toolbar' | 'form' | 'note' = 'none';

  constructor(
    private readonly doc: Document,
    private readonly handlers: Handlers,
  ) {}

  isHostNode(node: Node): boolean {
    return node === this.host;
  }

  get showing(): 'none' | 'toolbar' | 'form' | 'note' {
    return this.view;
  }

  showToolbar(at: DOMRect): void {
    const panel = this.panel('toolbar');
    const button = this.button('Annotate', 'annotate', () => this.handlers.onAnnotate(), true);
    // Keep the page's selection: a press on our button must not collapse it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    panel.append(button);
    this.place(at);
  }

  showForm(at: DOMRect, quote: string): void {
    const panel = this.panel('form');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Annotate the selection');
    const quoteLine = this.el('p', 'quote', quote);
    const note = this.doc.createElement('textarea');
    note.dataset.field = 'note';
    note.id = 'dossier-note';
    const tags = this.doc.createElement('input');
    tags.type = 'text';
    tags.id = 'dossier-tags';
    tags.dataset.field = 'tags';
    tags.placeholder = 'comma, separated';
    let colour: Colour = DEFAULT_COLOUR;
    const colours = this.el('div', 'colours');
    colours.setAttribute('role', 'radiogroup');
    colours.setAttribute('aria-label', 'Colour');
    for (const c of COLOURS) {
      const swatch = this.doc.createElement('button');
      swatch.type = 'button';
      swatch.className = 'swatch';
      swatch.dataset.colour = c;
      swatch.setAttribute('role', 'radio');
      swatch.setAttribute('aria-label', c);
      swatch.setAttribute('aria-checked', String(c === colour));
      swatch.style.background = NOTE_TINTS[c];
      swatch.addEventListener('click', () => {
        colour = c;
        for (const other of colours.children) other.setAttribute('aria-checked', String((other as HTMLElement).dataset.colour === c));
      });
      colours.append(swatch);
    }
    const save = (): void =>
      this.handlers.onSave({ note: note.value.trim(), tags: parseTags(tags.value), colour });
    const row = this.el('div', 'row');
    row.append(this.button('Cancel', 'cancel', () => this.handlers.onClose()), this.button('Save', 'save', save, true));
    panel.append(quoteLine, this.label('Note', note.id), note, this.label('Tags', tags.id), tags, colours, row);
    this.place(at);
    note.focus({ preventScroll: true });
  }

  showNote(at: DOMRect, view: NoteView): void {
    const panel = this.panel('note');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Annotation');
    panel.append(this.el('p', 'quote', view.quote));
    if (view.note) panel.append(this.el('p', 'note', view.note));
    if (view.tags.length > 0) panel.append(this.el('p', 'tags', `Tags: ${view.tags.join(', ')}`));
    const row = this.el('div', 'row');
    row.append(this.button('Close', 'close', () => this.handlers.onClose()));
    panel.append(row);
    this.place(at);
  }

  showError(message: string): void {
    const panel = this.root?.querySelector('.panel');
    if (!panel) return;
    panel.querySelector('.error')?.remove();
    const line = this.el('p', 'error', message);
    line.setAttribute('role', 'alert');
    panel.append(line);
  }

  hide(): void {
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.view = 'none';
  }

  private panel(view: 'toolbar' | 'form' | 'note'): HTMLElement {
    if (!this.host?.isConnected || !this.root) this.createHost();
    this.root!.replaceChildren();
    const style = this.doc.createElement('style');
    style.textContent = CSS_TEXT;
    const panel = this.el('div', 'panel');
    panel.dataset.view = view;
    this.root!.append(style, panel);
    this.view = view;
    return panel;
  }

  private createHost(): void {
    this.host?.remove();
    const host = this.doc.createElement(ANNOTATE_HOST_TAG);
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    this.root = host.attachShadow({ mode: 'closed' });
    // The page's own shortcuts must not fire while the reader types a note.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      host.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type === 'keydown' && (event as KeyboardEvent).key === 'Escape') this.handlers.onClose();
      });
    }
    this.doc.documentElement.append(host);
    this.host = host;
  }

  /** Below the selection if it fits, else above; inside the viewport. */
  private place(at: DOMRect): void {
    const host = this.host;
    const view = this.doc.defaultView;
    if (!host || !view) return;
    const box = host.getBoundingClientRect();
    let top = at.bottom + 6;
    if (top + box.height > view.innerHeight - 8) top = Math.max(8, at.top - 6 - box.height);
    const left = Math.max(8, Math.min(at.left, (this.doc.documentElement.clientWidth || view.innerWidth) - 8 - box.width));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }

  private el(tag: string, className: string, text?: string): HTMLElement {
    const el = this.doc.createElement(tag);
    el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  private label(text: string, target: string): HTMLElement {
    const label = this.doc.createElement('label');
    label.htmlFor = target;
    label.textContent = text;
    return label;
  }

  private button(text: string, action: string, onClick: () => void, primary = false): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset.action = action;
    if (primary) button.className = 'primary';
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      onClick();
    });
    return button;
  }
}

/** "a, b ,, c" → ["a", "b", "c"], without repeats, each at most 100 characters. */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,;\n]/).map((t) => t.trim().slice(0, 100)).filter(Boolean);
  return [...new Set(tags)].slice(0, 50);
}
