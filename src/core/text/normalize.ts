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
export function isCombiningAccent(unit: number): boolean {
  return unit >= 0x0300 && unit <= 0x036f;
}

// Blocks without case or accents (CJK, Hangul, surrogates, private use) map to themselves.
const CASELESS_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xd800, 0xf8ff],
];

// What JavaScript's \s matches, plus the old Mongolian vowel separator.
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

/** Value of a table entry not computed yet. (U+FFFF, a noncharacter, maps to itself: harmless.) */
export const UNFILLED = 0xffff;
const BLOCK_BITS = 8;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Applies a string → string mapping to each of `units` at once: result[i] is what `units[i]` alone
 * maps to when that is one code unit, else -1. One call over the units joined by spaces, not one
 * per unit: the space keeps results apart and stops context rules (Final_Sigma needs a cased
 * letter right before; a space is not one), so each piece is what the unit alone would give.
 */
function mapUnits(units: readonly number[], map: (s: string) => string): Int32Array {
  const joined: number[] = [];
  // A space among the units would split its own piece; its value comes from special() anyway.
  for (const unit of units) joined.push(unit === SPACE ? 0x21 : unit, SPACE);
  const mapped = map(String.fromCharCode.apply(null, joined));
  const result = new Int32Array(units.length);
  let k = 0;
  for (let i = 0; i < units.length; i++) {
    const pieceEnd = mapped.indexOf(' ', k);
    result[i] = pieceEnd === k + 1 ? mapped.charCodeAt(k) : -1;
    k = pieceEnd + 1;
  }
  return result;
}

/** Upper then lower folds the odd ones (ς → σ, ſ → s) the way case-insensitive search expects. */
function caseFold(units: readonly number[]): Int32Array {
  const upper = mapUnits(units, (s) => s.toUpperCase());
  const lower = mapUnits(units, (s) => s.toLowerCase());
  const singleUpper = units.map((unit, i) => (upper[i]! >= 0 ? upper[i]! : unit));
  const lowerOfUpper = mapUnits(singleUpper, (s) => s.toLowerCase());
  return Int32Array.from(units, (unit, i) =>
    upper[i]! >= 0 && lowerOfUpper[i]! >= 0 ? lowerOfUpper[i]! : lower[i]! >= 0 ? lower[i]! : unit,
  );
}

// Latin blocks whose precomposed letters NFD splits into a base letter plus accents. Stripping
// accents elsewhere (Cyrillic й, Hangul syllables) would change the letter, not its spelling.
// (Two comparisons, not a table of ranges: this runs for every unit of a block filled, cold.)
function inLatinRange(unit: number): boolean {
  return (unit >= 0x00c0 && unit <= 0x024f) || (unit >= 0x1e00 && unit <= 0x1eff);
}

/** Precomposed Latin letters → their base letter; other units unchanged. */
function stripLatinAccents(units: readonly number[]): number[] {
  if (!units.some(inLatinRange)) return [...units];
  const base = mapUnits(units, (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
  return units.map((unit, i) => (inLatinRange(unit) && base[i]! >= 0 ? base[i]! : unit));
}

/** The fixed rules' units: INVISIBLE first, then APOSTROPHES, DASHES, SPACES (a Map: one read per unit). */
let specialUnits: Map<number, number> | undefined;
function specialMap(): Map<number, number> {
  if (specialUnits) return specialUnits;
  const map = new Map<number, number>();
  // Set in reverse order of precedence: a unit in two lists keeps the earlier list's value.
  for (const unit of SPACES) map.set(unit, SPACE);
  for (const unit of DASHES) map.set(unit, 0x2d);
  for (const unit of APOSTROPHES) map.set(unit, 0x27);
  for (const unit of INVISIBLE) map.set(unit, IGNORED);
  specialUnits = map;
  return map;
}

/** The fixed rules on top of case and accents: marks and invisibles vanish, typography unifies. */
function special(unit: number): number | undefined {
  if (unit === 0) return SPACE; // a NUL must not read as IGNORED and glue two words together
  if (isCombiningAccent(unit)) return IGNORED;
  return specialMap().get(unit);
}

/**
 * Code unit → code unit, filled one 256-unit block at a time on first sight. Building all 65,536
 * entries cost 26–95 ms per process, i.e. in every content script of every frame, while a page
 * mostly uses a handful of blocks. Readers do `values[u]`, and only on UNFILLED call `fill(u)`.
 */
export interface UnitReader {
  readonly values: Uint16Array;
  fill(unit: number): number;
}

type KnownBlocks = Readonly<Record<number, string>>;
let provided: { fold: KnownBlocks; typographic: KnownBlocks } | undefined;

/**
 * Blocks computed ahead of time (fold-blocks.ts: per block, the units that do not map to
 * themselves, as pairs): filling them here was ~7 ms of cold string work at a page's start. Given
 * by the bundles that match (matcher.ts); the first stage, which rarely folds, goes without.
 */
export function provideFoldBlocks(fold: KnownBlocks, typographic: KnownBlocks): void {
  provided = { fold, typographic };
}

export class UnitMap implements UnitReader {
  readonly values = new Uint16Array(0x10000).fill(UNFILLED);
  private readonly filled = new Uint8Array(0x10000 >> BLOCK_BITS);

  constructor(private readonly foldCase: boolean) {}

  /** The mapped value of `unit`, filling its block first if needed. */
  fill(unit: number): number {
    const block = unit >> BLOCK_BITS;
    if (this.filled[block] === 0) this.fillBlock(block);
    return this.values[unit]!;
  }

  /** Every block filled: the plain table. */
  full(): Uint16Array {
    for (let block = 0; block < this.filled.length; block++) if (this.filled[block] === 0) this.fillBlock(block);
    return this.values;
  }

  private fillBlock(block: number): void {
    this.filled[block] = 1;
    const from = block << BLOCK_BITS;
    const known = (this.foldCase ? provided?.fold : provided?.typographic)?.[block];
    if (known !== undefined) {
      for (let i = 0; i < BLOCK; i++) this.values[from + i] = from + i;
      for (let k = 0; k < known.length; k += 2) this.values[known.charCodeAt(k)] = known.charCodeAt(k + 1);
      return;
    }
    const caseless = CASELESS_RANGES.some(([lo, hi]) => from >= lo && from + BLOCK - 1 <= hi);
    const units: number[] = [];
    for (let unit = from; unit < from + BLOCK; unit++) units.push(unit);
    let mapped: ArrayLike<number> = units;
    if (!caseless) {
      const stripped = stripLatinAccents(units);
      mapped = this.foldCase ? caseFold(stripped) : stripped;
    }
    for (let i = 0; i < BLOCK; i++) this.values[from + i] = special(from + i) ?? mapped[i]!;
  }
}

let caseFoldedMap: UnitMap | undefined;
let typographicMap: UnitMap | undefined;

/** Typography, accents and case folded: what matching compares (filled lazily). */
export function foldMap(): UnitMap {
  caseFoldedMap ??= new UnitMap(true);
  return caseFoldedMap;
}

/** Like foldMap but keeps case: what exactCase aliases compare. */
export function typographicUnitMap(): UnitMap {
  typographicMap ??= new UnitMap(false);
  return typographicMap;
}

/** Code unit → code unit with typography, accents and case folded, every entry filled. */
export function foldTable(): Uint16Array {
  return foldMap().full();
}

/** Like foldTable but keeps case, every entry filled. */
export function typographicTable(): Uint16Array {
  return typographicUnitMap().full();
}

function mapOf(table: Uint16Array | UnitReader): UnitReader {
  return table instanceof Uint16Array ? { values: table, fill: (unit: number) => table[unit]! } : table;
}

/**
 * The normalised form of a pattern (alias, cue phrase): each unit through `table`, ignored units
 * dropped, whitespace runs collapsed to one space, trimmed. Text is fed to the automaton the same way.
 */
export function normalizePattern(pattern: string, table: Uint16Array | UnitReader = foldMap()): string {
  const map = mapOf(table);
  let out = '';
  let lastWasSpace = true; // drops leading spaces
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let unit = map.values[code]!;
    if (unit === UNFILLED) unit = map.fill(code);
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
  table: Uint16Array | UnitReader,
): boolean {
  const map = mapOf(table);
  let k = 0;
  let lastWasSpace = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let unit = map.values[code]!;
    if (unit === UNFILLED) unit = map.fill(code);
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
