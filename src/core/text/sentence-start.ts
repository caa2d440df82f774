// Where a sentence starts, every word is capitalised: there a one-word name the same text also
// writes in lowercase ("Little is known", "The", "Let me") is the ordinary word, not the name.
import { SPACE } from './normalize';
import { foldOf } from './word-chars';

/** Punctuation that ends a sentence or opens one (quotes, brackets, a dash before a headline). */
const OPENERS = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x22, 0x27, 0x28, 0x5b, 0x2d, 0x201c, 0x2018, 0xab, 0x2026]);

/** True when only spaces and sentence punctuation stand between the last line break (or the text's start) and `start`, or a sentence ends right before it. */
export function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && foldOf(text.charCodeAt(i)) === SPACE && text.charCodeAt(i) !== 0x0a) i--;
  if (i < 0 || text.charCodeAt(i) === 0x0a) return true;
  // Opening quotes or brackets may stand between the sentence's end and its first word.
  while (i >= 0 && OPENERS.has(foldOf(text.charCodeAt(i)))) {
    const unit = foldOf(text.charCodeAt(i));
    if (unit === 0x2e || unit === 0x21 || unit === 0x3f || unit === 0x3a || unit === 0x2026) return true;
    i--;
    while (i >= 0 && foldOf(text.charCodeAt(i)) === SPACE && text.charCodeAt(i) !== 0x0a) i--;
    if (i < 0 || text.charCodeAt(i) === 0x0a) return true;
  }
  return false;
}

/** Units that glue a word into an address, a handle or a file name ("putin.com", "#putin", "/putin-"). */
const GLUE = new Set([0x2f, 0x40, 0x23, 0x5f, 0x2e, 0x2d, 0x3d, 0x26, 0x3f]);

/** original[start..end) stands as a word of prose, not inside a URL, an address or a tag. */
export function isProseWord(text: string, start: number, end: number): boolean {
  if (start > 0 && GLUE.has(text.charCodeAt(start - 1))) return false;
  if (end < text.length - 1 && GLUE.has(text.charCodeAt(end)) && foldOf(text.charCodeAt(end + 1)) !== SPACE) return false;
  return true;
}

/** A capital then lowercase only ("Little", "The"): the shape a sentence gives an ordinary word. */
export function isCapitalisedWord(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (foldOf(first) === first) return false;
  for (let i = start + 1; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (foldOf(unit) !== unit) return false;
  }
  return true;
}
