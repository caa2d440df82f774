// The names Dossier puts into a page's shared registries: its highlights (CSS.highlights and the
// ::highlight() rules), the attributes our rules hang from (painted-elements.ts), the tags of the
// elements that host its UI, and the id of the fallback <style>. The page's scripts can read all of them, so a fixed "dossier-" prefix told every site
// that this reader runs Dossier. They are random per page instead: a page sees that something
// paints, not what. With the options page's Diagnostics switch on (which already puts our timings
// on the page's timeline, and says so) they are the readable dossier-* names, for tests and for
// developers.
//
// The content script and its chunks (separate bundles, one isolated world) share one set of
// names through a global of that world, which the page cannot reach.
import type { MentionKind } from '../../core/types';

export interface PageNames {
  highlight: Record<MentionKind, string>;
  /** Annotation colours to highlight names. */
  note: Record<string, string>;
  /** The attribute on elements holding a painted name or claim, and on those holding an annotation. */
  markAttribute: string;
  noteAttribute: string;
  cardTag: string;
  annotateTag: string;
  styleId: string;
}

const SHARED = Symbol.for('dossier.page-names');
const KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];
const NOTE_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'];

type WorldGlobal = typeof globalThis & { [SHARED]?: PageNames };

/** `length` random lowercase letters: a valid CSS identifier and custom-element name part. */
function letters(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}

function randomNames(): PageNames {
  const used = new Set<string>();
  // A custom element name needs a hyphen; each name is drawn on its own, so none shares a part
  // with another that a page could learn once and look for.
  const fresh = (make: () => string): string => {
    let name = make();
    while (used.has(name)) name = make();
    used.add(name);
    return name;
  };
  const ident = () => fresh(() => letters(10));
  const tag = () => fresh(() => `${letters(5)}-${letters(6)}`);
  return {
    highlight: Object.fromEntries(KINDS.map((k) => [k, ident()])) as Record<MentionKind, string>,
    note: Object.fromEntries(NOTE_COLOURS.map((c) => [c, ident()])),
    markAttribute: `data-${ident()}`,
    noteAttribute: `data-${ident()}`,
    cardTag: tag(),
    annotateTag: tag(),
    styleId: ident(),
  };
}

export const READABLE_NAMES: PageNames = {
  highlight: Object.fromEntries(KINDS.map((k) => [k, `dossier-${k}`])) as Record<MentionKind, string>,
  note: Object.fromEntries(NOTE_COLOURS.map((c) => [c, `dossier-note-${c}`])),
  markAttribute: 'data-dossier-mark',
  noteAttribute: 'data-dossier-note',
  cardTag: 'dossier-card',
  annotateTag: 'dossier-annotate',
  styleId: 'dossier-highlight-style',
};

/** This page's names (random until useReadableNames). */
export function pageNames(): PageNames {
  const world = globalThis as WorldGlobal;
  return (world[SHARED] ??= randomNames());
}

/**
 * Diagnostics on: the readable names. Called once page/init answered, before anything is painted
 * or any element made, so no name changes under a registered highlight.
 */
export function useReadableNames(): void {
  (globalThis as WorldGlobal)[SHARED] = READABLE_NAMES;
}
