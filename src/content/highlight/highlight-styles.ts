// How our highlights look. The hue of each kind comes from the shared palette, so a name has the
// same colour on the page, on the card's badge and in the popup. Only background and
// text-decoration are set: the page keeps its own text colour, so a see-through tint of the
// palette colour plus an underline in its stronger shade stays readable on light and dark pages
// alike (checked on both in tests/browser).
import type { MentionKind } from '../../core/types';
import { KIND_PALETTE } from '../../ui/shared/palette';
import { pageNames } from './page-names';
import { lookCss, type LookRole } from './highlight-look';
import { pageHighlightScope, scopeSelector, type HighlightScope } from './highlight-scope';

export const MENTION_KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];

/** Registry names: the registry is shared with the page, so they are this page's random names (page-names.ts). */
export function highlightName(kind: MentionKind): string {
  return pageNames().highlight[kind];
}

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

/** Whether they differ from the colours set before (the rules then need building again). */
export function setHighlightColours(colours: Partial<Record<MentionKind, string>>): boolean {
  const changed = MENTION_KINDS.some((kind) => colours[kind] !== userColours[kind]);
  userColours = colours;
  return changed;
}

/** Whether the marks are underlined as well as tinted: not on a very large page (document-size.ts). */
let underlined = true;

/** Whether it differs from before (the rules then need building again). */
export function setUnderlined(value: boolean): boolean {
  const changed = value !== underlined;
  underlined = value;
  return changed;
}

/** Kinds the reader hid from the popup (shared/shown-kinds.ts): their marks stay, unpainted. */
let hiddenKinds: ReadonlySet<MentionKind> = new Set();

export function setHiddenKinds(hidden: ReadonlySet<MentionKind>): void {
  hiddenKinds = hidden;
}

export function isKindHidden(kind: MentionKind): boolean {
  return hiddenKinds.has(kind);
}

/**
 * The rules for every highlight; the look itself (calm claims, contrast, hidden kinds) is in
 * highlight-look.ts, and what the rules hang from (the marked elements or every element) in highlight-scope.ts.
 */
export function highlightCss(overrides: Partial<Record<MentionKind, string>> = userColours, scope: HighlightScope = pageHighlightScope()): string {
  const names: Record<LookRole, string> = {
    person: highlightName('person'),
    organisation: highlightName('organisation'),
    place: highlightName('place'),
    claim: highlightName('claim'),
    'claim-lead': `${highlightName('claim')}-lead`,
    'claim-active': `${highlightName('claim')}-active`,
  };
  const colours = (kind: MentionKind) => {
    const custom = overrides[kind];
    // A chosen colour tints and underlines; withAlpha refuses anything but #rrggbb.
    return custom && /^#[0-9a-f]{6}$/i.test(custom) ? { background: custom, line: custom } : KIND_PALETTE[kind];
  };
  return lookCss(names, colours, hiddenKinds, scopeSelector(scope, pageNames().markAttribute), underlined);
}
