// Unsaved notes (drafts) of the note form, kept by the background while the reader types, so a
// page that removes the form (or a reload) does not take the note with it. Pure: the book of drafts
// is a value; the background reads it from and writes it to extension storage.
//
// A draft belongs to one passage of one page: the page's address (without its #fragment, which a
// page changes freely) and the passage's text as the form shows it. What arrives (a message, or
// storage written by an older version) is checked and bounded here, field by field.
import { COLOURS, DEFAULT_COLOUR, type Colour } from '../annotations/model';

export interface Draft {
  note: string;
  /** The tags field as typed (comma separated), not yet parsed. */
  tags: string;
  colour: Colour;
}

export interface KeptDraft extends Draft {
  /** When it was last written (ms since the epoch). */
  at: number;
}

/** Drafts by key (draftKey). A Map: keys are page data and never meet Object.prototype. */
export type DraftBook = ReadonlyMap<string, KeptDraft>;

/** The most a note may hold (as annotations/save keeps). */
export const NOTE_MAX = 10_000;
export const TAGS_MAX = 2_000;
/** The form shows at most this much of the passage (Annotator.openForm). */
export const QUOTE_MAX = 300;
export const PAGE_URL_MAX = 4096;
/** The most drafts kept: the oldest go first. */
export const DRAFTS_MAX = 50;
/** A draft not touched for this long is dropped. */
export const DRAFT_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The key of a passage's draft, or null for an address that is not a web page's. */
export function draftKey(pageUrl: string, quote: string): string | null {
  if (pageUrl.length > PAGE_URL_MAX || quote.length > QUOTE_MAX || quote.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return `${url.href}\n${quote}`;
}

/** The web origin of a draft key's page (to check a sender may touch it). */
export function originOfKey(key: string): string {
  const url = key.slice(0, key.indexOf('\n'));
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A draft from another context, cut to its bounds; null when it is not one. */
export function readDraft(x: unknown): Draft | null {
  if (!isRecord(x) || typeof x.note !== 'string' || typeof x.tags !== 'string') return null;
  const colour = COLOURS.includes(x.colour as Colour) ? (x.colour as Colour) : DEFAULT_COLOUR;
  return { note: x.note.slice(0, NOTE_MAX), tags: x.tags.slice(0, TAGS_MAX), colour };
}

/** Nothing typed: no draft to keep. */
export function isEmptyDraft(draft: Draft): boolean {
  return draft.note.trim() === '' && draft.tags.trim() === '';
}

/** The book as stored (any value): what is valid, unexpired and within bounds; never throws. */
export function readDraftBook(stored: unknown, now: number): DraftBook {
  const book = new Map<string, KeptDraft>();
  if (!isRecord(stored) || !Array.isArray(stored.drafts)) return book;
  for (const entry of stored.drafts.slice(0, DRAFTS_MAX * 2)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !isRecord(entry[1])) continue;
    const [key, value] = entry as [string, Record<string, unknown>];
    const draft = readDraft(value);
    const at = value.at;
    if (!draft || typeof at !== 'number' || !Number.isFinite(at) || !isLive(at, now) || !draftKeyIsValid(key)) continue;
    book.set(key, { ...draft, at });
  }
  return bounded(book);
}

/** The book in the shape storage keeps (entries, so no key is ever an object's property name). */
export function storedDraftBook(book: DraftBook): { drafts: [string, KeptDraft][] } {
  return { drafts: [...book] };
}

/** The book with `draft` kept under `key` (an empty draft removes it), bounded. */
export function putDraft(book: DraftBook, key: string, draft: Draft, now: number): DraftBook {
  const next = new Map(book);
  next.delete(key);
  if (!isEmptyDraft(draft)) next.set(key, { ...draft, at: now });
  return bounded(dropExpired(next, now));
}

export function removeDraft(book: DraftBook, key: string): DraftBook {
  if (!book.has(key)) return book;
  const next = new Map(book);
  next.delete(key);
  return next;
}

/** The draft for a key, if kept and not expired. */
export function findDraft(book: DraftBook, key: string, now: number): KeptDraft | null {
  const found = book.get(key);
  return found && isLive(found.at, now) ? found : null;
}

function isLive(at: number, now: number): boolean {
  // A date in the future (a clock set back) counts as now: the draft is kept, not kept forever.
  return now - Math.min(at, now) < DRAFT_TTL_MS;
}

function draftKeyIsValid(key: string): boolean {
  const cut = key.indexOf('\n');
  return cut > 0 && draftKey(key.slice(0, cut), key.slice(cut + 1)) === key;
}

function dropExpired(book: Map<string, KeptDraft>, now: number): Map<string, KeptDraft> {
  for (const [key, draft] of book) if (!isLive(draft.at, now)) book.delete(key);
  return book;
}

/** The newest DRAFTS_MAX. */
function bounded(book: Map<string, KeptDraft>): Map<string, KeptDraft> {
  if (book.size <= DRAFTS_MAX) return book;
  return new Map([...book].sort((a, b) => b[1].at - a[1].at).slice(0, DRAFTS_MAX));
}
