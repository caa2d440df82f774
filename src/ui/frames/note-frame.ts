// The note frame: the form for a new annotation and the bubble that shows a saved one. An
// extension page, so what the reader types (note, tags) is heard only here: the page's key and
// input listeners, window.find() and Selection never reach it. Built with DOM calls and textContent
// only (page text and notes are data, never HTML). Saving is the content script's (it holds the
// selection and anchors it); the draft goes to it over the private channel.
import { COLOURS, DEFAULT_COLOUR, type Colour } from '../../core/annotations/model';
import type { NoteView } from '../../shared/frame-messages';
import { NOTE_TINTS } from '../../shared/note-tints';
import { parseTags } from './tags';
import { applyLimits, closeOnEscape, openFrameChannel, reportSize } from './frame-channel';
import { keepTabInside } from './tab-cycle';
import type { SyncConflict } from '../../shared/sync-messages';
import { sendToBackground } from '../shared/send';
import { keepDraft, type DraftLine } from './note-draft';
import { DRAFT_RESTORED, FORM_PUT_BACK } from '../../shared/draft-port';
import { CLICK_REFUSED, guardPointerClicks } from './click-guard';

const CSS_TEXT = `
html, body { margin: 0; padding: 0; background: transparent; color-scheme: light; overflow: hidden; }
.panel { font: 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b;
  background: #ffffff; border: 1px solid #c8c8c8; border-radius: 8px;
  padding: 6px; width: max-content; max-width: min(320px, var(--frame-max-width, 320px));
  max-height: var(--frame-max-height, 480px); overflow: auto; box-sizing: border-box; }
.panel:focus { outline: none; }
button { font: inherit; color: #1b1b1b; background: #f2f2f2; border: 1px solid #bdbdbd; border-radius: 6px;
  padding: 3px 10px; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #ffffff; }
label { display: block; margin: 4px 0 2px; font-size: 12px; color: #444444; }
textarea, input[type=text] { box-sizing: border-box; width: 280px; max-width: 100%; font: inherit; color: #1b1b1b; background: #ffffff;
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
.draft-line { color: #444444; font-size: 12px; margin: 0 0 4px; }
.click-refused { color: #7c2d12; font-size: 12px; margin: 0 0 4px; }
.conflict { border-top: 1px solid #c8c8c8; margin-top: 6px; padding-top: 4px; }
.conflict-title { font-weight: 600; margin: 0 0 4px; }
.version { border: 1px solid #d6d6d6; border-radius: 6px; padding: 4px 6px; margin: 0 0 6px; }
.conflict-status { margin: 4px 0 0; }
`;

const style = document.createElement('style');
style.textContent = CSS_TEXT;
document.head.append(style);
const panel = el('div', 'panel');
panel.tabIndex = -1;
document.body.append(panel);
keepTabInside(panel);
guardPointerClicks(panel, showClickRefused);

const channel = openFrameChannel((message) => {
  if (message.type === 'limits') applyLimits(message);
  else if (message.type === 'form') showForm(message);
  else if (message.type === 'note') showNote(message.view);
  else if (message.type === 'error') showError(message.message);
});
closeOnEscape(channel);
reportSize(channel, panel);

/** What should have focus when the frame gets it (the note field, or the bubble itself). */
let focusTarget: HTMLElement = panel;
window.addEventListener('focus', () => {
  if (document.activeElement === document.body || document.activeElement === null) focusTarget.focus({ preventScroll: true });
});

/** The open form's draft, kept by the background as the reader types (note-draft.ts). */
let draft: DraftLine | null = null;
// Esc is the reader's cancel, as the Cancel button (closeOnEscape sends the close).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  draft?.end();
  draft = null;
});

function reset(view: 'form' | 'note', label: string): void {
  draft?.end();
  draft = null;
  panel.replaceChildren();
  panel.dataset.view = view;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);
}

function showForm({ quote, page, putBack }: { quote: string; page: string; putBack?: boolean }): void {
  reset('form', 'Annotate the selection');
  const quoteLine = el('p', 'quote', quote);
  const note = document.createElement('textarea');
  note.dataset.field = 'note';
  note.id = 'note';
  const tags = document.createElement('input');
  tags.type = 'text';
  tags.id = 'tags';
  tags.dataset.field = 'tags';
  tags.placeholder = 'comma, separated';
  let colour: Colour = DEFAULT_COLOUR;
  const colours = el('div', 'colours');
  colours.setAttribute('role', 'radiogroup');
  colours.setAttribute('aria-label', 'Colour');
  for (const c of COLOURS) {
    const swatch = document.createElement('button');
    swatch.type = 'button';
    swatch.className = 'swatch';
    swatch.dataset.colour = c;
    swatch.setAttribute('role', 'radio');
    swatch.setAttribute('aria-label', c);
    swatch.setAttribute('aria-checked', String(c === colour));
    swatch.style.background = NOTE_TINTS[c];
    swatch.addEventListener('click', () => {
      pick(c);
      draft?.changed();
    });
    colours.append(swatch);
  }
  function pick(c: Colour): void {
    colour = c;
    for (const other of colours.children) other.setAttribute('aria-checked', String((other as HTMLElement).dataset.colour === c));
  }
  const save = (): void => channel.send({ type: 'save', draft: { note: note.value.trim(), tags: parseTags(tags.value), colour } });
  // Cancel is the reader's choice: the draft goes with the form (the content script clears it).
  const cancel = (): void => {
    draft?.end();
    channel.send({ type: 'close' });
  };
  const row = el('div', 'row');
  row.append(button('Cancel', 'cancel', cancel), button('Save', 'save', save, true));
  const lines = el('div', 'draft-lines');
  lines.setAttribute('role', 'status');
  if (putBack) lines.append(el('p', 'draft-line', FORM_PUT_BACK));
  panel.append(quoteLine, lines, label('Note', note.id), note, label('Tags', tags.id), tags, colours, row);
  const line = keepDraft(page, quote, {
    read: () => ({ note: note.value, tags: tags.value, colour }),
    restore(kept) {
      // Anything typed before the kept draft arrived follows it.
      note.value = kept.note + note.value;
      tags.value = [kept.tags, tags.value].filter((t) => t.trim() !== '').join(', ');
      pick(kept.colour);
      note.setSelectionRange(note.value.length, note.value.length);
      lines.append(el('p', 'draft-line', DRAFT_RESTORED));
    },
  });
  draft = line;
  for (const field of [note, tags]) field.addEventListener('input', () => line.changed());
  focusTarget = note;
  note.focus({ preventScroll: true });
}

function showNote(view: NoteView): void {
  reset('note', 'Annotation');
  panel.append(el('p', 'quote', view.quote));
  if (view.note) panel.append(el('p', 'note', view.note));
  if (view.tags.length > 0) panel.append(el('p', 'tags', `Tags: ${view.tags.join(', ')}`));
  const row = el('div', 'row');
  row.append(button('Close', 'close', () => channel.send({ type: 'close' })));
  panel.append(row);
  focusTarget = panel;
  panel.focus({ preventScroll: true });
  if (view.id) void showConflict(view.id, row);
}

let shownNote = 0;

/**
 * With sync on, the same note edited on two devices: both texts, who wrote each, and the choice
 * (keep one, or merge them by hand), here on the page as in the options page. Nothing shows when
 * sync is off or the note has one version.
 */
async function showConflict(annotationId: string, before: HTMLElement): Promise<void> {
  const ticket = ++shownNote;
  let conflict: SyncConflict | null;
  try {
    conflict = (await sendToBackground('sync/conflict', { annotationId })).conflict;
  } catch {
    return; // Sync is not part of this build, or the background is restarting: the note stands.
  }
  if (!conflict || ticket !== shownNote || !before.isConnected) return;
  const found = conflict;
  const box = el('div', 'conflict');
  box.dataset.testid = 'note-conflict';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Edited on two devices');
  box.append(el('p', 'conflict-title', 'Edited on two devices: both versions are kept until you choose.'));
  const status = el('p', 'conflict-status');
  status.setAttribute('role', 'status');
  const resolve = async (rev: string, note?: string): Promise<void> => {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      const { resolved } = await sendToBackground('sync/resolve', note === undefined ? { id: found.id, rev } : { id: found.id, rev, note });
      if (!resolved) throw new Error('gone');
      const text = note ?? found.versions.find((v) => v.rev === rev)?.note ?? '';
      panel.querySelector('.note')?.replaceChildren(text);
      box.replaceChildren(status);
      status.textContent = 'Kept. Your other devices get it at their next sync.';
    } catch {
      for (const b of box.querySelectorAll('button')) b.disabled = false;
      status.textContent = 'Could not keep it: the conflict may have been resolved elsewhere. Open the options page.';
    }
  };
  for (const version of found.versions) {
    const item = el('div', 'version');
    item.dataset.testid = 'note-version';
    item.append(el('p', 'note', version.note), el('p', 'tags', `${version.by}, ${new Date(version.at).toLocaleString()}${version.shown ? ' (shown now)' : ''}`));
    item.append(button('Keep this version', 'keep', () => void resolve(version.rev)));
    box.append(item);
  }
  const merge = document.createElement('textarea');
  merge.id = 'merge';
  merge.dataset.field = 'merge';
  merge.value = found.versions.map((v) => v.note).join('\n\n');
  const shown = found.versions.find((v) => v.shown) ?? found.versions[0]!;
  const row = el('div', 'row');
  row.append(button('Keep the merged text', 'merge', () => void resolve(shown.rev, merge.value.trim()), true));
  box.append(label('Or merge them', merge.id), merge, row, status);
  before.before(box);
}

/** A pointer click was dropped (click-guard.ts): said at the top, where the reader looks first. */
function showClickRefused(): void {
  if (panel.querySelector('.click-refused')) return;
  const line = el('p', 'click-refused', CLICK_REFUSED);
  line.setAttribute('role', 'alert');
  panel.prepend(line);
}

function showError(message: string): void {
  panel.querySelector('.error')?.remove();
  const line = el('p', 'error', message);
  line.setAttribute('role', 'alert');
  panel.append(line);
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function label(text: string, target: string): HTMLElement {
  const element = document.createElement('label');
  element.htmlFor = target;
  element.textContent = text;
  return element;
}

function button(text: string, action: string, onClick: () => void, primary = false): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  element.dataset.action = action;
  if (primary) element.className = 'primary';
  element.addEventListener('click', onClick);
  return element;
}
