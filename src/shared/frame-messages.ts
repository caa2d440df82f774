// What the content script and Dossier's frames (the card, the note form and bubble: extension pages
// in <iframe>s on the page) say to each other, over a private MessagePort. The content script tells
// a frame only where it is and what to show (which entity, which mention of how many); the card
// frame asks the background for the dossier data itself. Both ends check what arrives: the other
// end is another context.
import type { EntityKind } from '../core/types';
import type { Colour } from '../core/annotations/model';
import { COLOURS } from '../core/annotations/model';

/** The frames' pages, relative to the extension's root (built by build.mjs). */
export const FRAME_PAGES = { card: 'card/card.html', note: 'note/note.html' } as const;
export type FrameName = keyof typeof FRAME_PAGES;

/** The first message on the page's window for a frame: its port and the token from its URL. */
export const FRAME_HELLO = 'dossier-frame-hello';

export interface CardMention {
  id: string;
  kind: EntityKind | 'claim';
  /** The name (or the claim's sentence on this page) to show while the data loads. */
  name: string;
  /** For a claim: the sentence of the page that repeats it. */
  pageSentence: string;
  position: { index: number; count: number };
  /** The page's address: the card leaves it out of "Seen elsewhere". */
  pageUrl: string;
  /** For a claim: what the scorer found the page's sentence shares with it. */
  why?: string;
  /** Other entities the words may name (the page did not decide): the card offers them. */
  alternatives?: { id: string; kind: EntityKind; name: string }[];
}

export interface NoteDraft {
  note: string;
  tags: string[];
  colour: Colour;
}

export interface NoteView {
  quote: string;
  note?: string;
  tags: string[];
  /** The annotation's id: the bubble asks the background whether sync holds two versions of it. */
  id?: string;
}

/** Content script → frame. */
export type ToFrame =
  | { type: 'card'; mention: CardMention }
  /**
   * The note form for a passage of a page (the content script's own location.href: the draft kept
   * for it comes back). `putBack`: the page had removed the form and Dossier put it back.
   */
  | { type: 'form'; quote: string; page: string; putBack?: boolean }
  | { type: 'note'; view: NoteView }
  | { type: 'error'; message: string }
  /** The most the frame may grow, in CSS px (the page's viewport less a margin). */
  | { type: 'limits'; maxWidth: number; maxHeight: number }
  /** A kept frame was closed: forget what it showed (it stays on the page, hidden, for the next open). */
  | { type: 'hide' };

/** Frame → content script. */
export type FromFrame =
  | { type: 'size'; width: number; height: number }
  /** A kept frame has drawn what it was last sent: it may be shown again. */
  | { type: 'shown' }
  | { type: 'close' }
  | { type: 'step'; direction: 1 | -1 }
  /** The reader chose another entity the mention may name (CardMention.alternatives). */
  | { type: 'choose'; id: string }
  | { type: 'save'; draft: NoteDraft };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isSize = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 100_000;
const MENTION_KINDS: readonly unknown[] = ['person', 'organisation', 'place', 'claim'];

function toNoteView(x: unknown): NoteView | null {
  if (!isRecord(x) || !isString(x.quote) || !Array.isArray(x.tags) || !x.tags.every(isString)) return null;
  if (x.note !== undefined && !isString(x.note)) return null;
  return { quote: x.quote, tags: x.tags, ...(isString(x.note) ? { note: x.note } : {}), ...(isString(x.id) ? { id: x.id.slice(0, 200) } : {}) };
}

function toMention(x: unknown): CardMention | null {
  if (!isRecord(x) || !isString(x.id) || !MENTION_KINDS.includes(x.kind) || !isString(x.name) || !isString(x.pageSentence) || !isString(x.pageUrl)) return null;
  const p = x.position;
  if (!isRecord(p) || !isSize(p.index) || !isSize(p.count)) return null;
  if (x.why !== undefined && !isString(x.why)) return null;
  const alternatives = x.alternatives === undefined ? [] : toAlternatives(x.alternatives);
  if (alternatives === null) return null;
  return {
    id: x.id,
    kind: x.kind as CardMention['kind'],
    name: x.name,
    pageSentence: x.pageSentence,
    pageUrl: x.pageUrl,
    position: { index: p.index, count: p.count },
    ...(isString(x.why) ? { why: x.why } : {}),
    ...(alternatives.length > 0 ? { alternatives } : {}),
  };
}

const ENTITY_KINDS: readonly unknown[] = ['person', 'organisation', 'place'];

function toAlternatives(x: unknown): NonNullable<CardMention['alternatives']> | null {
  if (!Array.isArray(x) || x.length > 20) return null;
  const out: NonNullable<CardMention['alternatives']> = [];
  for (const a of x) {
    if (!isRecord(a) || !isString(a.id) || !isString(a.name) || !ENTITY_KINDS.includes(a.kind)) return null;
    out.push({ id: a.id, kind: a.kind as EntityKind, name: a.name });
  }
  return out;
}

/** Checks a message for a frame; null for anything else. */
export function toFrameMessage(x: unknown): ToFrame | null {
  if (!isRecord(x)) return null;
  switch (x.type) {
    case 'card': {
      const mention = toMention(x.mention);
      return mention ? { type: 'card', mention } : null;
    }
    case 'form':
      if (!isString(x.quote) || !isString(x.page) || (x.putBack !== undefined && typeof x.putBack !== 'boolean')) return null;
      return { type: 'form', quote: x.quote, page: x.page, ...(x.putBack ? { putBack: true } : {}) };
    case 'note': {
      const view = toNoteView(x.view);
      return view ? { type: 'note', view } : null;
    }
    case 'error':
      return isString(x.message) ? { type: 'error', message: x.message } : null;
    case 'limits':
      return isSize(x.maxWidth) && isSize(x.maxHeight) ? { type: 'limits', maxWidth: x.maxWidth, maxHeight: x.maxHeight } : null;
    case 'hide':
      return { type: 'hide' };
    default:
      return null;
  }
}

/** Checks a message from a frame; null for anything else. */
export function fromFrameMessage(x: unknown): FromFrame | null {
  if (!isRecord(x)) return null;
  switch (x.type) {
    case 'size':
      return isSize(x.width) && isSize(x.height) ? { type: 'size', width: x.width, height: x.height } : null;
    case 'shown':
      return { type: 'shown' };
    case 'close':
      return { type: 'close' };
    case 'step':
      return x.direction === 1 || x.direction === -1 ? { type: 'step', direction: x.direction } : null;
    case 'choose':
      return isString(x.id) && x.id.length <= 1000 ? { type: 'choose', id: x.id } : null;
    case 'save': {
      const d = x.draft;
      if (!isRecord(d) || !isString(d.note) || !Array.isArray(d.tags) || !d.tags.every(isString) || !COLOURS.includes(d.colour as Colour)) return null;
      return { type: 'save', draft: { note: d.note.slice(0, 10_000), tags: d.tags.slice(0, 50).map((t) => t.slice(0, 100)), colour: d.colour as Colour } };
    }
    default:
      return null;
  }
}
