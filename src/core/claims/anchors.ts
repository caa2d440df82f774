// The words a sentence must share with a claim's statement before it is worth scoring: the
// statement's rarest content words (names first, then long words), each with its inflections.
// They are matched in the page's one pass with the names (claims.ts, list-narrower.ts), so a page
// that shares none with any claim pays nothing for claims.
import { analyze } from './text';

/** Anchor words per claim: more would make a 10,000-claim list heavy for every page. */
export const MAX_ANCHORS = 5;
/** Cue groups share the claim's 31 bits with the anchor groups. */
export const MAX_CUE_GROUPS = 31 - MAX_ANCHORS;
/** Bit of the first anchor group. */
export const ANCHOR_SHIFT = MAX_CUE_GROUPS;

// Common words say little about which claim a sentence is about.
const COMMON: ReadonlySet<string> = new Set(
  `year years time times people day days week weeks month months government country countries world state states
  official officials percent part made make take took taken going go went come came last first next told week
  group company companies number million billion report reported added later early use used called including
  well back still even way get got like per cent president minister leader leaders news`.split(/\s+/),
);

const MONTHS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

/** Inflections a page may use for a word: "invade" anchors "invades", "invaded", "invading". */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (/[^aeiou]y$/.test(word)) {
    forms.add(word.slice(0, -1) + 'ies');
    forms.add(word.slice(0, -1) + 'ied');
  } else if (word.endsWith('e')) {
    forms.add(word + 's');
    forms.add(word + 'd');
    forms.add(word.slice(0, -1) + 'ing');
  } else if (/(s|x|z|ch|sh)$/.test(word)) {
    forms.add(word + 'es');
  } else {
    forms.add(word + 's');
    if (!/(ed|ing|s)$/.test(word)) {
      forms.add(word + 'ed');
      forms.add(word + 'ing');
    }
  }
  // An inflected word of the statement anchors its base too ("invaded" -> "invade", "invades").
  const base = word.replace(/(ied)$/, 'y').replace(/(ed|es|ing|s)$/, '');
  if (base.length >= 4 && base !== word) {
    forms.add(base);
    forms.add(base + 'e');
    forms.add(base + 's');
    forms.add(base + 'es');
    forms.add(base + 'ed');
    forms.add(base + 'ing');
  }
  return [...forms];
}

/** The anchor groups of a statement: one per chosen word, its forms inside. */
export function claimAnchors(statement: string): string[][] {
  const analysis = analyze(statement);
  const names = new Set(analysis.names);
  const seen = new Set<string>();
  const ranked: { word: string; rank: number; order: number }[] = [];
  analysis.content.forEach((word, order) => {
    if (seen.has(word) || COMMON.has(word) || word.length < 3 || !/^[a-z]+$/.test(word)) return;
    seen.add(word);
    ranked.push({ word, rank: (names.has(word) ? 100 : 0) + word.length, order });
  });
  // A month is as telling as a name: "in February 2022".
  analysis.tokens.forEach((token, order) => {
    if (MONTHS.has(token.lower) && /^\p{Lu}/u.test(token.surface) && !seen.has(token.lower)) {
      seen.add(token.lower);
      names.add(token.lower);
      ranked.push({ word: token.lower, rank: 50, order });
    }
  });
  ranked.sort((a, b) => b.rank - a.rank || a.order - b.order);
  return ranked.slice(0, MAX_ANCHORS).map(({ word }) => (names.has(word) ? [word, word + 's'] : inflections(word)));
}

/** Anchor groups a sentence must match: two, or all of them when the statement has fewer. */
export function anchorsNeeded(groups: number): number {
  return Math.min(2, groups);
}
