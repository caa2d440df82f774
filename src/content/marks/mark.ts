// A mention we show: what the highlighter, the scanner, the card and the lazy ranges share. In a
// file of its own so that lazy-range.ts, which the highlighter uses, need not import the highlighter.
import type { MentionKind } from '../../core/types';

export interface Mark {
  range: Range;
  kind: MentionKind;
  /** Entity id, or claim id for kind 'claim'. */
  id: string;
  /** The text the range held when we made it: a range whose text changed is stale. */
  text: string;
  /** For a claim: what the scorer found the sentence shares with the claim (shown on the card). */
  why?: string;
  /** Other entities the words may name (the page did not decide); the card offers them. */
  alternatives?: { id: string; kind: MentionKind }[];
}
