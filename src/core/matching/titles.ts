// Titles that identify the person a bare surname refers to ("President Lai", "Mr. Xi",
// "Foreign Minister Lavrov"). Only the last word of a title is needed: "Prime Minister" and
// "Foreign Minister" both end in "minister".

import { SPACE } from '../text/normalize';
import { foldOf, isWordUnit } from '../text/word-chars';

export const TITLES: ReadonlySet<string> = new Set([
  'president', 'president-elect', 'vice-president', 'premier', 'chancellor', 'minister',
  'secretary', 'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman',
  'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'chairman', 'chairwoman', 'chair',
  'leader', 'speaker', 'spokesman', 'spokeswoman', 'spokesperson', 'general', 'gen', 'admiral',
  'colonel', 'col', 'commander', 'director', 'judge', 'justice', 'king', 'queen', 'prince',
  'princess', 'pope', 'sheikh', 'emir', 'sir', 'dame', 'lord', 'lady', 'mr', 'mrs', 'ms', 'miss',
  'dr', 'prof', 'professor',
]);

const HYPHEN = 0x2d;
const FULL_STOP = 0x2e;

/** True when the word right before `start` (across one run of spaces, after an optional ".") is a title. */
export function precededByTitle(text: string, start: number): boolean {
  let i = start - 1;
  if (i < 0 || foldOf(text.charCodeAt(i)) !== SPACE) return false;
  while (i >= 0 && foldOf(text.charCodeAt(i)) === SPACE) i--;
  if (i >= 0 && text.charCodeAt(i) === FULL_STOP) i--;
  const wordEnd = i + 1;
  while (i >= 0) {
    const unit = text.charCodeAt(i);
    if (!isWordUnit(unit) && foldOf(unit) !== HYPHEN) break;
    i--;
  }
  const wordStart = i + 1;
  if (wordEnd - wordStart < 2 || wordEnd - wordStart > 20) return false;
  let word = '';
  for (let k = wordStart; k < wordEnd; k++) word += String.fromCharCode(foldOf(text.charCodeAt(k)));
  return TITLES.has(word);
}
