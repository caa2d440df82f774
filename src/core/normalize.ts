// Offset-preserving normalisation. Every UTF-16 code unit maps to exactly one code unit (or to
// IGNORED), so a position in the folded stream is always a position in the original text: the
// matcher never has to map offsets back through a rewritten string.

/** Folded value of code units that carry no letter of their own (combining accents, soft hyphens). */
export const IGNORED = 0;
export const SPACE = 0x20;

const APOSTROPHES = [0x2019, 0x2018, 0x201b, 0x02bc, 0x0060, 0x00b4, 0x2032];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
// Invisible inside a word: a soft hyphen from justified text must not split "Zelen\u00adskyy".
const INVISIBLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
// Latin blocks whose precomposed letters NFD splits into a base letter plus accents. Stripping
// accents elsewhere (Cyrillic й, Hangul syllables) would change the letter, not its spelling.
const LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];

export function isCombiningAccent(unit: number): boolean {
  return unit >= 0x0300 && unit <= 0x036f;
}

function stripLatinAccents(unit: number, char: string): string {
  for (const [from, to] of LATIN_RANGES) {
    if (unit >= from && unit <= to) {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base.length === 1 ? base : char;
    }
  }
  return char;
}

function lowerCase(char: string): string {
  // Upper then lower folds the odd ones (ς → σ, ſ → s) the way case-insensitive search expects.
  const upper = char.toUpperCase();
  const viaUpper = upper.length === 1 ? upper.toLowerCase() : '';
  if (viaUpper.length === 1) return viaUpper;
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

// Blocks without case or accents (CJK, Hangul, surrogates, private use) map to themselves; skipping
// them halves the one-off cost of building the table in every content script.
const CASELESS_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd800, 0xf8ff],
];

function buildTable(foldCase: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const [from, to] of CASELESS_RANGES) {
    for (let unit = from; unit <= to; unit++) table[unit] = unit;
  }
  for (let unit = 0; unit < 0x10000; unit++) {
    if (table[unit] !== 0) continue; // caseless, already set
    let char = stripLatinAccents(unit, String.fromCharCode(unit));
    if (foldCase) char = lowerCase(char);
    table[unit] = char.charCodeAt(0);
  }
  for (let unit = 0x0300; unit <= 0x036f; unit++) table[unit] = IGNORED;
  for (const unit of INVISIBLE) table[unit] = IGNORED;
  for (const unit of APOSTROPHES) table[unit] = 0x27;
  for (const unit of DASHES) table[unit] = 0x2d;
  for (const unit of SPACES) {
    if (table[unit] !== IGNORED) table[unit] = SPACE;
  }
  table[0] = SPACE; // a NUL must not read as IGNORED and glue two words together
  return table;
}

// What JavaScript's \s matches, plus the old Mongolian vowel separator.
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

let caseFolded: Uint16Array | undefined;
let typographic: Uint16Array | undefined;

/** Code unit → code unit with typography, accents and case folded: what matching compares. */
export function foldTable(): Uint16Array {
  caseFolded ??= buildTable(true);
  return caseFolded;
}

/** Like foldTable but keeps case: what exactCase aliases compare. */
export function typographicTable(): Uint16Array {
  typographic ??= buildTable(false);
  return typographic;
}

/**
 * The normalised form of a pattern (alias, cue phrase): each unit through `table`, ignored units
 * dropped, whitespace runs collapsed to one space, trimmed. Text is fed to the automaton the same way.
 */
export function normalizePattern(pattern: string, table: Uint16Array = foldTable()): string {
  let out = '';
  let lastWasSpace = true; // drops leading spaces
  for (let i = 0; i < pattern.length; i++) {
    const unit = table[pattern.charCodeAt(i)] ?? SPACE;
    if (unit === IGNORED) continue;
    if (unit === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    out += String.fromCharCode(unit);
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/**
 * True when original[start..end), normalised through `table` like a pattern, equals `expected`
 * (already normalised). Walks the text without building a string.
 */
export function normalizedSpanEquals(
  text: string,
  start: number,
  end: number,
  expected: string,
  table: Uint16Array,
): boolean {
  let k = 0;
  let lastWasSpace = true;
  for (let i = start; i < end; i++) {
    const unit = table[text.charCodeAt(i)] ?? SPACE;
    if (unit === IGNORED) continue;
    if (unit === SPACE) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    if (k >= expected.length || expected.charCodeAt(k) !== unit) return false;
    k++;
  }
  return k === expected.length;
}
