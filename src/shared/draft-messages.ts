// Messages about note drafts that go by the router (the draft itself goes by the note frame's port:
// shared/draft-port.ts). Both are the content script's, about its own page.
export interface DraftBackgroundMessages {
  /** The reader saved or cancelled the note on this passage: its draft goes. */
  'notes/draft-clear': { req: { page: string; quote: string }; res: { cleared: boolean }; senders: 'content' };
  /**
   * The page kept removing the note form, and Dossier stopped putting it back: tell the reader on
   * the toolbar button (which no page can touch) that the draft is kept.
   */
  'notes/form-taken': { req: Record<string, never>; res: { told: boolean }; senders: 'content' };
}

/** The toolbar badge of a tab whose page took the note form away (notes/form-taken). */
export const FORM_TAKEN_BADGE = '!';
/** What the toolbar button's tooltip and the popup say then. */
export const FORM_TAKEN_NOTICE = 'This page removed your note form while you were writing, so Dossier stopped putting it back. Your draft is kept: select the passage again to finish it (reload the page first if it keeps removing the form).';
