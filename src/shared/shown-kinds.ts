// Which kinds of highlight the reader wants shown (the popup's "Show on pages" toggles). Kept in
// browser.storage.local, which every context can read and which tells every tab when it changes,
// so a page repaints at once without a round trip through the background.
import type { MentionKind } from '../core/types';

export const SHOWN_KINDS_KEY = 'hiddenKinds';
const KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];

/** The hidden kinds from a stored value; anything unexpected counts as "none hidden". */
export function readHiddenKinds(stored: unknown): ReadonlySet<MentionKind> {
  if (!Array.isArray(stored)) return new Set();
  return new Set(KINDS.filter((k) => stored.includes(k)));
}

/** What is stored for a set of hidden kinds, in a fixed order. */
export function hiddenKindsValue(hidden: ReadonlySet<MentionKind>): MentionKind[] {
  return KINDS.filter((k) => hidden.has(k));
}
