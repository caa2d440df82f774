// One colour per kind of mention, shared by the page highlights (content script), the card badge
// and the popup, so a reader learns one colour code for the whole extension.
import type { MentionKind } from '../../core/types';

export interface KindStyle {
  /** Highlight / badge background. Light enough for black text on it. */
  background: string;
  /** Text colour that stays readable on `background`. */
  text: string;
  /** A stronger shade of the same hue: underlines of page highlights, swatch borders. */
  line: string;
  /** Singular label for a badge. */
  label: string;
  /** Plural label for a group heading. */
  plural: string;
}

export const KIND_PALETTE: Readonly<Record<MentionKind, KindStyle>> = {
  person: { background: '#f4a261', text: '#1b1b1b', line: '#d97706', label: 'Person', plural: 'People' },
  organisation: { background: '#93c5fd', text: '#1b1b1b', line: '#3b82f6', label: 'Organisation', plural: 'Organisations' },
  place: { background: '#6ee7b7', text: '#1b1b1b', line: '#10a06e', label: 'Place', plural: 'Places' },
  claim: { background: '#d8b4fe', text: '#1b1b1b', line: '#a855f7', label: 'Claim', plural: 'Claims' },
};

/** The order kinds are listed in, everywhere. */
export const KIND_ORDER: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];
