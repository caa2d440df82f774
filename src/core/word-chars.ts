// Whole-word rules shared by names and claim cues. A table per code unit keeps the check to an
// array read, whatever the script: "computing" must not hold "putin", "Xi'an" must not hold "Xi".

import { foldMap, IGNORED, isCombiningAccent, UNFILLED } from './normalize';

const APOSTROPHE = 0x27;

/** 1 for word characters (see WORD_RUNS), 0 otherwise, UNKNOWN until its block is filled. */
const UNKNOWN = 2;
let wordValues: Uint8Array | undefined;
/**
 * Letters, digits and marks, except the scripts written without spaces between words (Han, kana,
 * Thai, Lao, Khmer, Myanmar): there a Latin name often stands right against the text
 * ("总统Vladimir Putin抵达"), and treating those characters as part of its word would hide it.
 */
const WORD_RUNS = /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}])[\p{L}\p{N}\p{M}])+/gu;

/**
 * Fills the 256-unit block of `unit` from the runs one global RegExp finds in it (surrogates, which
 * only pair up, stay 0). Filling all 65,536 entries up front cost tens of ms in every content script.
 */
function fillWordBlock(values: Uint8Array, unit: number): number {
  const from = unit & ~0xff;
  values.fill(0, from, from + 0x100);
  if (from < 0xd800 || from > 0xdfff) {
    const units: number[] = [];
    for (let u = from; u < from + 0x100; u++) units.push(u);
    const text = String.fromCharCode.apply(null, units);
    WORD_RUNS.lastIndex = 0;
    for (let run = WORD_RUNS.exec(text); run; run = WORD_RUNS.exec(text)) {
      values.fill(1, from + run.index, from + run.index + run[0].length);
    }
  }
  return values[unit]!;
}

function wordValuesArray(): Uint8Array {
  wordValues ??= new Uint8Array(0x10000).fill(UNKNOWN);
  return wordValues;
}

/** True for letters, digits and marks (Unicode-aware). */
export function isWordUnit(unit: number): boolean {
  const values = wordValuesArray();
  const value = values[unit]!;
  return (value === UNKNOWN ? fillWordBlock(values, unit) : value) === 1;
}

/** 1 for letters, digits and marks (Unicode-aware), 0 otherwise: every entry filled. */
export function wordCharTable(): Uint8Array {
  const values = wordValuesArray();
  for (let unit = 0; unit < 0x10000; unit += 0x100) if (values[unit] === UNKNOWN) fillWordBlock(values, unit);
  return values;
}

/** Folded value of a unit (lazy table; see normalize.ts). */
export function foldOf(unit: number): number {
  const map = foldMap();
  const value = map.values[unit]!;
  return value === UNFILLED ? map.fill(unit) : value;
}

function isWordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordUnit(text.charCodeAt(index));
}

/** True when a match may begin at `start`: no word (nor "O'" of "O'Brien") runs into it. */
export function startsWord(text: string, start: number): boolean {
  let before = start - 1;
  while (before >= 0 && foldOf(text.charCodeAt(before)) === IGNORED) before--;
  if (before < 0) return true;
  if (isWordUnit(text.charCodeAt(before))) return false;
  if (foldOf(text.charCodeAt(before)) === APOSTROPHE) return !isWordAt(text, before - 1);
  return true;
}

/** Where a match that ends at `end` really ends: accents written as separate marks belong to it. */
export function extendOverAccents(text: string, end: number): number {
  while (end < text.length && isCombiningAccent(text.charCodeAt(end))) end++;
  return end;
}

/**
 * True when a match may end at `end`: the next character is not a word character, and an
 * apostrophe there is a possessive ("Putin's", "Xi’s", "the Kremlins'") rather than the middle of
 * a word ("Xi'an").
 */
export function endsWord(text: string, end: number): boolean {
  let after = end;
  while (after < text.length && foldOf(text.charCodeAt(after)) === IGNORED) after++;
  if (after >= text.length) return true;
  if (isWordUnit(text.charCodeAt(after))) return false;
  if (foldOf(text.charCodeAt(after)) !== APOSTROPHE) return true;
  if (!isWordAt(text, after + 1)) return true;
  const isPossessiveS = foldOf(text.charCodeAt(after + 1)) === 0x73; // s or S
  return isPossessiveS && !isWordAt(text, after + 2);
}
