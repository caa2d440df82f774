// Names are proper nouns: by default a name matches where the page writes it as a name. The
// automaton matches case-blind (headlines and datelines are in capitals); this test then looks at
// the original text of each hit, so it costs nothing on text without hits.
//
// What each word of the alias, as the list writes it, asks of the page:
// - a capitalised word ("Major", "Said", "McDonald"): its first letter capitalised;
// - a short all-caps word ("AN", "US", "UN"): written in capitals, letter for letter;
// - a word the list writes in lowercase on purpose ("eBay", "de", "al", "van"): as written (the
//   name's first letter may still be capitalised, at the start of a sentence);
// - anything else (digits, scripts without case): nothing.
// The whole span in capitals (a headline, a dateline) always fits.
import { IGNORED, normalizePattern, SPACE, typographicUnitMap, UNFILLED, type UnitMap } from './normalize';
import { foldOf, isWordUnit } from './word-chars';

/** Per position of the typographic form: what the page's unit there must be. */
const FREE = 0;
const EXACT = 1;
/** As written, or capitalised (the first letter of a name written in lowercase). */
const EXACT_OR_UPPER = 2;

/** Longest all-caps word read as an acronym ("NATO" may be "Nato"; "AN" may not be "an"). */
const MAX_ACRONYM = 3;

export interface CaseRule {
  /** The alias's typographic form (case kept, accents and typography folded, spaces collapsed). */
  form: string;
  /** FREE, EXACT or EXACT_OR_UPPER per unit of `form`. */
  checks: Uint8Array;
}

function typographic(map: UnitMap, unit: number): number {
  const value = map.values[unit]!;
  return value === UNFILLED ? map.fill(unit) : value;
}

const isUpper = (unit: number) => foldOf(unit) !== unit;
function isLower(unit: number): boolean {
  if (foldOf(unit) !== unit) return false;
  const s = String.fromCharCode(unit);
  return s.toUpperCase() !== s;
}

/** The case rule of an alias as the list writes it; undefined when it asks nothing of the page. */
export function caseRuleOf(alias: string): CaseRule | undefined {
  const form = normalizePattern(alias, typographicUnitMap());
  if (form.length !== normalizePattern(alias).length) return undefined; // cannot happen (1:1 maps); be safe
  const checks = new Uint8Array(form.length);
  let any = false;
  for (let a = 0; a < form.length; ) {
    if (!isWordUnit(form.charCodeAt(a))) {
      a++;
      continue;
    }
    let b = a;
    while (b < form.length && isWordUnit(form.charCodeAt(b))) b++;
    const first = form.charCodeAt(a);
    if (isUpper(first)) {
      let lower = false;
      for (let k = a; k < b; k++) if (isLower(form.charCodeAt(k))) lower = true;
      const acronym = !lower && b - a >= 2 && b - a <= MAX_ACRONYM;
      checks.fill(EXACT, a, acronym ? b : a + 1);
      any = true;
    } else if (isLower(first)) {
      checks.fill(EXACT, a, b);
      if (a === 0) checks[0] = EXACT_OR_UPPER;
      any = true;
    }
    a = b;
  }
  return any ? { form, checks } : undefined;
}

/** True when original[start..end) (a hit of the rule's alias) is written the way the rule asks. */
export function fitsCase(text: string, start: number, end: number, rule: CaseRule): boolean {
  const map = typographicUnitMap();
  const { form, checks } = rule;
  let k = 0;
  let lastWasSpace = true;
  for (let i = start; i < end; i++) {
    const unit = typographic(map, text.charCodeAt(i));
    if (unit === IGNORED) continue;
    if (unit === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    const check = checks[k];
    if (check !== FREE && unit !== form.charCodeAt(k) && !(check === EXACT_OR_UPPER && isUpper(unit))) {
      return allCapitals(text, start, end);
    }
    k++;
  }
  return true;
}

/** No lowercase letter in original[start..end): a headline, a dateline. */
function allCapitals(text: string, start: number, end: number): boolean {
  const map = typographicUnitMap();
  for (let i = start; i < end; i++) if (isLower(typographic(map, text.charCodeAt(i)))) return false;
  return true;
}
