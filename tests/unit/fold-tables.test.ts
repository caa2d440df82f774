// The fold and word tables are built in bulk (one string operation over many units) because the
// per-unit build cost 26–95 ms in every content script. These tests hold the bulk build to the
// per-unit definition, unit by unit over the whole BMP, and check the cost.
import { describe, expect, it } from 'vitest';
import { foldTable, typographicTable } from '../../src/core/text/normalize';
// The matcher gives the tables their computed blocks (fold-blocks.ts): the whole tables then include them.
import '../../src/core/matching/matcher';
import { wordCharTable } from '../../src/core/text/word-chars';

// The per-unit definition the tables replaced (kept here as the reference).
const APOSTROPHES = [0x2019, 0x2018, 0x201b, 0x02bc, 0x0060, 0x00b4, 0x2032];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
const INVISIBLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const CASELESS = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xd800, 0xf8ff]];

function referenceTable(foldCase: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (CASELESS.some(([from, to]) => unit >= from! && unit <= to!)) {
      table[unit] = unit;
      continue;
    }
    let char = String.fromCharCode(unit);
    if ((unit >= 0xc0 && unit <= 0x24f) || (unit >= 0x1e00 && unit <= 0x1eff)) {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base.length === 1) char = base;
    }
    if (foldCase) {
      const upper = char.toUpperCase();
      const viaUpper = upper.length === 1 ? upper.toLowerCase() : '';
      const lower = char.toLowerCase();
      char = viaUpper.length === 1 ? viaUpper : lower.length === 1 ? lower : char;
    }
    table[unit] = char.charCodeAt(0);
  }
  for (let unit = 0x0300; unit <= 0x036f; unit++) table[unit] = 0;
  for (const unit of INVISIBLE) table[unit] = 0;
  for (const unit of APOSTROPHES) table[unit] = 0x27;
  for (const unit of DASHES) table[unit] = 0x2d;
  for (const unit of SPACES) if (table[unit] !== 0) table[unit] = 0x20;
  table[0] = 0x20;
  return table;
}

function differences(actual: ArrayLike<number>, expected: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    if (actual[unit] !== expected[unit]) out.push(`U+${unit.toString(16)}: ${actual[unit]} ≠ ${expected[unit]}`);
  }
  return out.slice(0, 10);
}

describe('fold and word tables', () => {
  it('fold every BMP unit exactly as the per-unit definition does', () => {
    expect(differences(foldTable(), referenceTable(true))).toEqual([]);
    expect(differences(typographicTable(), referenceTable(false))).toEqual([]);
  });

  it('keep the odd folds: final sigma, long s, Kelvin sign, dotted capital I, ligatures', () => {
    const fold = (c: string): string => String.fromCharCode(foldTable()[c.charCodeAt(0)]!);
    expect(fold('ς')).toBe('σ');
    expect(fold('Σ')).toBe('σ');
    expect(fold('ſ')).toBe('s');
    expect(fold('\u212a')).toBe('k');
    expect(fold('İ')).toBe('i'); // stripped of its dot (Latin range), then folded
    expect(fold('ß')).toBe('ß'); // upper-cases to two letters: left alone
    expect(fold('ﬀ')).toBe('ﬀ');
  });

  it('mark exactly the letters, digits and marks as word characters, but not the scripts written without spaces', () => {
    const unspaced = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
    const letter = /[\p{L}\p{N}\p{M}]/u;
    const word = { test: (c: string) => letter.test(c) && !unspaced.test(c) };
    expect(word.test('中') || word.test('ク') || word.test('ก')).toBe(false);
    expect(word.test('a') && word.test('é') && word.test('ж') && word.test('한') && word.test('ب')).toBe(true);
    const expected = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      if (word.test(String.fromCharCode(unit))) expected[unit] = 1;
    }
    expect(differences(wordCharTable(), expected)).toEqual([]);
  });
});
