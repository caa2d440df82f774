// How our highlights look. The hue of each kind comes from the shared palette, so a name has the
// same colour on the page, on the card's badge and in the popup. Only background and
// text-decoration are set: the page keeps its own text colour, so a see-through tint of the
// palette colour plus an underline in its stronger shade stays readable on light and dark pages
// alike (checked on both in tests/browser).
import type { MentionKind } from '../core/types';
import { KIND_PALETTE } from '../ui/shared/palette';
import { pageNames } from './page-names';

export const MENTION_KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];

/** Registry names: the registry is shared with the page, so they are this page's random names (page-names.ts). */
export function highlightName(kind: MentionKind): string {
  return pageNames().highlight[kind];
}

/**
 * How much of the palette colour covers the text. Opaque badge colours would hide light text on a
 * dark page; a claim spans a whole sentence, so it gets a fainter tint than a name.
 */
const TINT_ALPHA: Record<MentionKind, number> = { person: 0.45, organisation: 0.45, place: 0.45, claim: 0.25 };
const LINE_STYLE: Record<MentionKind, 'solid' | 'dotted'> = { person: 'solid', organisation: 'solid', place: 'solid', claim: 'dotted' };

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`palette colour "${hex}" is not #rrggbb`);
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The user's colours from the options page (settings/colours), set before the rules are built.
 * Module state, because the content script has one page and one style sheet.
 */
let userColours: Partial<Record<MentionKind, string>> = {};

export function setHighlightColours(colours: Partial<Record<MentionKind, string>>): void {
  userColours = colours;
}

export function highlightCss(overrides: Partial<Record<MentionKind, string>> = userColours): string {
  return MENTION_KINDS.map((kind) => {
    const custom = overrides[kind];
    // A chosen colour tints and underlines; withAlpha refuses anything but #rrggbb.
    const colours = custom && /^#[0-9a-f]{6}$/i.test(custom) ? { background: custom, line: custom } : KIND_PALETTE[kind];
    return (
      `::highlight(${highlightName(kind)}) { background-color: ${withAlpha(colours.background, TINT_ALPHA[kind])}; ` +
      `text-decoration: underline ${LINE_STYLE[kind]} ${colours.line} 2px; text-underline-offset: 2px; }`
    );
  }).join('\n');
}
