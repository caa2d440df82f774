// The router's draft messages (shared/draft-messages.ts). The keeper and the toolbar badge are
// handed in by the background's entry (index.ts), as the claim model is.
import { draftKey, originOfKey } from '../../core/drafts/drafts';
import type { DraftBackgroundMessages } from '../../shared/draft-messages';
import type { Route } from '../routes/route';
import type { DraftKeeper } from './draft-keeper';

export interface DraftServices {
  keeper: DraftKeeper;
  /** A private window's drafts, never on disk. */
  privateKeeper: DraftKeeper;
  /** Shows on the tab's toolbar button that a page took the note form away. */
  tellFormTaken(tabId: number): Promise<void>;
}

let services: DraftServices | null = null;

export function setDraftServices(next: DraftServices): void {
  services = next;
}

function need(): DraftServices {
  if (!services) throw new Error('drafts are not kept in this context');
  return services;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export const DRAFT_ROUTES: { [K in keyof DraftBackgroundMessages]: Route<K> } = {
  'notes/draft-clear': {
    senders: ['content'],
    run: async (_store, r, { senderUrl }) => {
      const key = draftKey(r.page, r.quote);
      // A content script clears drafts of its own page's origin only (sender.url is the browser's).
      if (key === null || originOfKey(key) !== originOf(senderUrl)) return { cleared: false };
      // Which window the passage's form was in is the frame's to know: clear it from both places.
      const { keeper, privateKeeper } = need();
      await Promise.all([keeper.clear(key), privateKeeper.clear(key)]);
      return { cleared: true };
    },
  },
  'notes/form-taken': {
    senders: ['content'],
    run: async (_store, _r, { tabId }) => {
      if (tabId === undefined) return { told: false };
      await need().tellFormTaken(tabId);
      return { told: true };
    },
  },
};
