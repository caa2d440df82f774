// Whole-word rules shared by names and claim cues. A table per code unit keeps the check to an
// array read, whatever the script: "computing" must not hold "putin", "Xi'an" must not hold "Xi".

import { foldTable, IGNORED, isCombiningAccent } from './normalize';

const APOSTROPHE = 0x27;

let wordTable: Uint8Array | undefined;

/** 1 for letters, digits and marks (Unicode-aware), 0 otherwise. */
export function wordCharTable(): Uint8Array {
  if (wordTable) return wordTable;
  const table = new Uint8Array(0x10000);
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    if (word.test(String.fromCharCode(unit))) table[unit] = 1;
  }
  wordTable = table;
  return table;
}

function isWordAt(text: string, index: number, words: Uint8Array): boolean {
  return index >= 0 && index < text.length && words[text.charCodeAt(index)] === 1;
}

/** True when a match may begin at `start`: no word (nor "O'" of "O'Brien") runs into it. */
export function startsWord(text: string, start: number): boolean {
  const words = wordCharTable();
  const fold = foldTable();
  let before = start - 1;
  while (before >= 0 && fold[text.charCodeAt(before)] === IGNORED) before--;
  if (before < 0) return true;
  if (words[text.charCodeAt(before)] === 1) return false;
  if (fold[text.charCodeAt(before)] === APOSTROPHE) return !isWordAt(text, before - 1, words);
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
  const words = wordCharTable();
  const fold = foldTable();
  let after = end;
  while (after < text.length && fold[text.charCodeAt(after)] === IGNORED) after++;
  if (after >= text.length) return true;
  if (words[text.charCodeAt(after)] === 1) return false;
  if (fold[text.charCodeAt(after)] !== APOSTROPHE) return true;
  if (!isWordAt(text, after + 1, words)) return true;
  const isPossessiveS = fold[text.charCodeAt(after + 1)] === 0x73; // s or S
  return isPossessiveS && !isWordAt(text, after + 2, words);
}
