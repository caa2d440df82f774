// The note frame's line to the background for its draft (src/background/drafts/): a runtime port
// the frame opens when it shows the form. Every change the reader types goes down it at once (a
// port message leaves the frame before the page could remove it); the background keeps the latest,
// writes it to storage a moment later, and at once when the frame goes. Only the note frame may
// connect (the background checks the sender); each message is checked at both ends.
import { readDraft, PAGE_URL_MAX, QUOTE_MAX, type Draft } from '../core/drafts/drafts';

export const DRAFT_PORT = 'dossier-note-draft';

/** Frame → background. */
export type DraftToBackground =
  /** The form is shown for this passage of this page (from the content script, over the frame's private port). */
  | { kind: 'open'; page: string; quote: string }
  /** What the form holds now. */
  | { kind: 'edit'; draft: Draft };

/** Background → frame: the draft kept for the passage, if any. */
export type DraftToFrame = { kind: 'restored'; draft: Draft | null };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function readDraftToBackground(x: unknown): DraftToBackground | null {
  if (!isRecord(x)) return null;
  if (x.kind === 'open') {
    if (typeof x.page !== 'string' || typeof x.quote !== 'string' || x.page.length > PAGE_URL_MAX || x.quote.length > QUOTE_MAX) return null;
    return { kind: 'open', page: x.page, quote: x.quote };
  }
  if (x.kind === 'edit') {
    const draft = readDraft(x.draft);
    return draft ? { kind: 'edit', draft } : null;
  }
  return null;
}

export function readDraftToFrame(x: unknown): DraftToFrame | null {
  if (!isRecord(x) || x.kind !== 'restored') return null;
  if (x.draft === null) return { kind: 'restored', draft: null };
  const draft = readDraft(x.draft);
  return draft ? { kind: 'restored', draft } : null;
}

/** The note form's plain line when it shows a kept draft. */
export const DRAFT_RESTORED = 'Your unsaved draft was restored.';
/** …and when the page had removed the form and Dossier put it back. */
export const FORM_PUT_BACK = 'This page removed the note form while you were writing. Dossier put it back; keys typed while it was gone may have reached the page.';
