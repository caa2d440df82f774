// Sentence spans of a text, with exact offsets, for claim matching. Rule of thumb, tuned for news
// prose: a sentence ends at . ! ? … (plus any closing quotes or brackets) followed by a space,
// except after an abbreviation ("Mr.", "Nov. 5"), an initial or dotted acronym ("U.S."), or
// before a lowercase word. A line break always ends one: a line is a block of the page (paragraph,
// heading, list item, caption), and headlines carry no full stop. Furniture ("Keep reading",
// "Published On …", photo credits; see furniture.ts) is no sentence and ends the one before it.

import { furnitureSpans } from './furniture';

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col',
  'capt', 'sgt', 'adm', 'cmdr', 'pres', 'rev', 'hon', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc',
  'no', 'nos', 'vol', 'fig', 'approx', 'est', 'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur',
  'thurs', 'fri', 'sat', 'sun', 'a.m', 'p.m', 'e.g', 'i.e',
]);

/** `.`, `!`, `?`, `…` by code unit (the split reads units, not one-character strings). */
function isTerminator(unit: number): boolean {
  return unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x2026;
}

/** `"`, `'`, `”`, `’`, `»`, `)`, `]` by code unit. */
function isCloser(unit: number): boolean {
  return unit === 0x22 || unit === 0x27 || unit === 0x201d || unit === 0x2019 || unit === 0xbb || unit === 0x29 || unit === 0x5d;
}

/**
 * What `/\s/` matches, by code unit: this runs for every unit of every line the claim pass
 * splits, where a regular expression per character was most of the split's cost.
 */
export function isSpaceUnit(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  if (unit < 0x2000) return unit === 0xa0 || unit === 0x1680;
  return unit <= 0x200a || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

function isLowerCaseLetter(char: string | undefined): boolean {
  return char !== undefined && char !== char.toUpperCase() && char === char.toLowerCase();
}

/** The word (letters and inner dots) that ends right before the full stop at `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "J. Smith", "U.S.", "U.N.": single letters between dots.
  return /^(\p{L}\.)*\p{L}$/u.test(word);
}

export function splitSentences(text: string): SentenceSpan[] {
  const furniture = furnitureSpans(text);
  const spans: SentenceSpan[] = [];
  let start = -1;
  let lastContent = -1; // index after the last non-space unit of the current sentence
  let nextFurniture = 0;
  const close = (end: number): void => {
    if (start >= 0 && end > start) spans.push({ start, end });
    start = -1;
  };
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a) {
      close(lastContent);
      continue;
    }
    while (nextFurniture < furniture.length && furniture[nextFurniture]!.end <= i) nextFurniture++;
    const f = furniture[nextFurniture];
    if (f && f.start <= i) {
      close(lastContent);
      i = f.end - 1;
      continue;
    }
    if (isSpaceUnit(unit)) continue;
    if (start < 0) start = i;
    lastContent = i + 1;
    if (!isTerminator(unit)) continue;
    let j = i + 1;
    while (j < length && isTerminator(text.charCodeAt(j))) j++;
    while (j < length && isCloser(text.charCodeAt(j))) j++;
    if (j < length && !isSpaceUnit(text.charCodeAt(j))) continue; // "3.5", "Xinhua.com"
    let nextWord = j;
    while (nextWord < length && isSpaceUnit(text.charCodeAt(nextWord))) nextWord++;
    const atEnd = nextWord >= length;
    if (!atEnd && isLowerCaseLetter(text[nextWord])) continue;
    if (!atEnd && unit === 0x2e && j === i + 1 && isAbbreviation(text, i)) continue;
    close(j);
    i = j - 1;
  }
  close(lastContent);
  return spans;
}
