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
import { IGNORED, normalizePattern, SPACE, typographicUnitMap, UNFILLED, type UnitMap } from '../text/normalize';
import { foldOf, isWordUnit } from '../text/word-chars';

/** Flag on a code: as written, or capitalised (the first letter of a name written in lowercase). */
const OR_UPPER = 1 << 16;

/** Longest all-caps word read as an acronym ("NATO" may be "Nato"; "AN" may not be "an"). */
const MAX_ACRONYM = 3;

/**
 * One flat array, so the test of a hit reads one object: [length of the alias's typographic form
 * (case kept, accents and typography folded, spaces collapsed), then per checked position of that
 * form: the position, the unit the page must have there (| OR_UPPER)]. Usually one check a word.
 */
export type CaseRule = Int32Array;

function typographic(map: UnitMap, unit: number): number {
  const value = map.values[unit]!;
  return value === UNFILLED ? map.fill(unit) : value;
}

const isUpper = (unit: number) => foldOf(unit) !== unit;
function isLower(unit: number): boolean {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a; // ASCII without a string (compiling 10,000 names)
  if (foldOf(unit) !== unit) return false;
  const s = String.fromCharCode(unit);
  return s.toUpperCase() !== s;
}

/** The case rule of an alias as the list writes it; undefined when it asks nothing of the page. */
export function caseRuleOf(alias: string): CaseRule | undefined {
  // Same length and positions as the folded pattern: both maps take one unit to one (normalize.ts).
  const form = normalizePattern(alias, typographicUnitMap());
  const rule: number[] = [form.length];
  const check = (k: number, flags = 0) => rule.push(k, form.charCodeAt(k) | flags);
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
      for (let k = a; k < (acronym ? b : a + 1); k++) check(k);
    } else if (isLower(first)) {
      for (let k = a; k < b; k++) check(k, k === 0 ? OR_UPPER : 0);
    }
    a = b;
  }
  return rule.length > 1 ? Int32Array.from(rule) : undefined;
}

function fitsAt(unit: number, code: number): boolean {
  return unit === (code & 0xffff) || ((code & OR_UPPER) !== 0 && isUpper(unit));
}

/** True when original[start..end) (a hit of the rule's alias) is written the way the rule asks. */
export function fitsCase(text: string, start: number, end: number, rule: CaseRule): boolean {
  const map = typographicUnitMap();
  if (end - start === rule[0]) {
    // The common case (runs for every hit): nothing ignored, no extra space, so the span's units
    // stand at the form's positions and only the checked ones are read.
    for (let n = 1; n < rule.length; n += 2) {
      if (!fitsAt(typographic(map, text.charCodeAt(start + rule[n]!)), rule[n + 1]!)) return allCapitals(text, start, end);
    }
    return true;
  }
  let k = 0;
  let n = 1;
  let lastWasSpace = true;
  for (let i = start; i < end && n < rule.length; i++) {
    const unit = typographic(map, text.charCodeAt(i));
    if (unit === IGNORED) continue;
    if (unit === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    if (k === rule[n]) {
      if (!fitsAt(unit, rule[n + 1]!)) return allCapitals(text, start, end);
      n += 2;
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
