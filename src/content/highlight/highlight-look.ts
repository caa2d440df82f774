// How calm the highlights are. Names stay crisp (tint + solid underline): they are what a reader
// scans for. A claim spans a whole sentence, and a page of claims under a tint read as one big
// mark, so a claim is marked quietly: its first words carry a light tint and a dotted underline (a
// mark where the claim starts, like a margin note), and the whole sentence is painted only while
// its card is open. The reader hides any kind from the popup (shown-kinds.ts). prefers-contrast
// makes every mark stronger; forced colours use the system's mark colours. Nothing here moves.
import type { MentionKind } from '../../core/types';

/** The style of each painted highlight, keyed by its role. */
export type LookRole = MentionKind | 'claim-lead' | 'claim-active';

export interface KindColours {
  background: string;
  line: string;
}

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
function rgba(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`colour "${hex}" is not #rrggbb`);
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

interface Look {
  tint: number;
  line: 'solid' | 'dotted' | 'none';
  width: number;
}

const CALM: Record<LookRole, Look> = {
  person: { tint: 0.45, line: 'solid', width: 2 },
  organisation: { tint: 0.45, line: 'solid', width: 2 },
  place: { tint: 0.45, line: 'solid', width: 2 },
  // The sentence itself: unpainted unless its card is open (claim-active).
  claim: { tint: 0, line: 'none', width: 0 },
  'claim-lead': { tint: 0.3, line: 'dotted', width: 2 },
  'claim-active': { tint: 0.2, line: 'solid', width: 1 },
};

/** prefers-contrast: more. Stronger tints stay see-through so the page's own text colour shows. */
const MORE_CONTRAST: Record<LookRole, Look> = {
  person: { tint: 0.6, line: 'solid', width: 3 },
  organisation: { tint: 0.6, line: 'solid', width: 3 },
  place: { tint: 0.6, line: 'solid', width: 3 },
  claim: { tint: 0, line: 'none', width: 0 },
  'claim-lead': { tint: 0.45, line: 'solid', width: 2 },
  'claim-active': { tint: 0.3, line: 'solid', width: 2 },
};

const HIDDEN: Look = { tint: 0, line: 'none', width: 0 };

function declarations(look: Look, colours: KindColours, underlined: boolean): string {
  const background = look.tint > 0 ? rgba(colours.background, look.tint) : 'transparent';
  const decoration = look.line === 'none' || !underlined ? 'none' : `underline ${look.line} ${colours.line} ${look.width}px`;
  return `background-color: ${background}; text-decoration: ${decoration}; text-underline-offset: 3px;`;
}

/** The kind whose colours and visibility a role follows. */
export const kindOfRole = (role: LookRole): MentionKind => (role === 'claim-lead' || role === 'claim-active' ? 'claim' : role);

/**
 * The ::highlight rules for every role: `names` maps a role to its registered highlight name,
 * `colours` a kind to its colours; a hidden kind paints nothing (its marks stay, for the popup).
 * `scope` is the selector each rule hangs from (highlight-scope.ts): our attribute (`[data-…]`)
 * where the engine passes highlight styles down, '' (every element) where it does not.
 * `underlined` false leaves the tints alone: a very large page (document-size.ts).
 */
export function lookCss(names: Record<LookRole, string>, colours: (kind: MentionKind) => KindColours, hidden: ReadonlySet<MentionKind>, scope = '', underlined = true): string {
  const roles = Object.keys(CALM) as LookRole[];
  const rule = (role: LookRole, table: Record<LookRole, Look>) => {
    const kind = kindOfRole(role);
    return `${scope}::highlight(${names[role]}) { ${declarations(hidden.has(kind) ? HIDDEN : table[role], colours(kind), underlined)} }`;
  };
  const forcedLine = underlined ? 'underline solid CanvasText 1px' : 'none';
  const forced = roles
    .filter((role) => role !== 'claim' && !hidden.has(kindOfRole(role)))
    .map((role) => `${scope}::highlight(${names[role]}) { background-color: Mark; color: MarkText; text-decoration: ${forcedLine}; }`);
  return [
    ...roles.map((role) => rule(role, CALM)),
    `@media (prefers-contrast: more) {\n${roles.map((role) => rule(role, MORE_CONTRAST)).join('\n')}\n}`,
    `@media (forced-colors: active) {\n${forced.join('\n')}\n}`,
  ].join('\n');
}
