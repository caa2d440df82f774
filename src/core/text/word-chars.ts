// Whole-word rules shared by names and claim cues. A table per code unit keeps the check to an
// array read, whatever the script: "computing" must not hold "putin", "Xi'an" must not hold "Xi".

import { foldMap, IGNORED, isCombiningAccent, UNFILLED } from './normalize';
import { WORD_RUNS } from './word-ranges';

const APOSTROPHE = 0x27;

/** 1 for word characters, 0 otherwise: made on first use from word-ranges.ts. */
let wordValues: Uint8Array | undefined;

/**
 * Letters, digits and marks, except the scripts written without spaces between words (Han, kana,
 * Thai, Lao, Khmer, Myanmar): there a Latin name often stands right against the text
 * ("总统Vladimir Putin抵达"), and treating those characters as part of its word would hide it.
 * Read from runs generated once (scripts/word-ranges.mjs) from the RegExp
 * /[\p{L}\p{N}\p{M}]/u minus those scripts: compiling that RegExp in a page (once for one-byte
 * text, once for two-byte) cost ~3 ms of every start (issue 14). A letter newer than the
 * generator's Unicode reads as no word unit, in every browser alike.
 */
function wordValuesArray(): Uint8Array {
  if (wordValues) return wordValues;
  const values = new Uint8Array(0x10000);
  let unit = 0;
  let word = false;
  for (const run of WORD_RUNS.split(',')) {
    const next = unit + parseInt(run, 36);
    if (word) values.fill(1, unit, next);
    unit = next;
    word = !word;
  }
  wordValues = values;
  return values;
}

/** True for letters, digits and marks (Unicode-aware). */
export function isWordUnit(unit: number): boolean {
  return wordValuesArray()[unit] === 1;
}

/** 1 for letters, digits and marks (Unicode-aware), 0 otherwise: every entry filled. */
export function wordCharTable(): Uint8Array {
  return wordValuesArray();
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

/**
 * True when a match may begin at `start`: no word (nor "O'" of "O'Brien") runs into it. Reads the
 * two tables directly: it runs for every hit of every pass (names and claim cues alike).
 */
export function startsWord(text: string, start: number): boolean {
  const fold = foldMap();
  const words = wordValuesArray();
  let before = start - 1;
  let folded = 0;
  for (; before >= 0; before--) {
    const unit = text.charCodeAt(before);
    folded = fold.values[unit]!;
    if (folded === UNFILLED) folded = fold.fill(unit);
    if (folded !== IGNORED) break;
  }
  if (before < 0) return true;
  if (words[text.charCodeAt(before)] === 1) return false;
  if (folded === APOSTROPHE) return !(before >= 1 && words[text.charCodeAt(before - 1)] === 1);
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
