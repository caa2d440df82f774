// Tokens of page text read mostly by native code, for code that runs cold (once per page, in V8's
// interpreter, where a JS loop over every character of an article costs ms): the first stage's
// anchor test and the second stage's narrowing (list-narrower.ts, whose char-by-char token pass
// was 13-14 ms of a page's start, BENCHMARKS.md part 2). Plain ASCII words come from one native
// lower-casing and split; only the runs with letters outside ASCII (accents, ligatures, soft
// hyphens, CJK) take the exact token pass (forEachToken), which folds them as the matcher does.
import { forEachToken } from './tokens';

/**
 * Characters outside ASCII that can never be part of a token: spaces, dashes, quotes, Latin-1
 * and general punctuation, CJK punctuation (they fold to no letter and are no IGNORED unit, see
 * normalize.ts). Any other one may fold to a-z or be skipped inside a word: its run is read exactly.
 * ª, µ and º are left out of the Latin-1 range to be safe; U+00AD (soft hyphen) is skipped in words.
 */
const PLAIN_OUTSIDE_ASCII = '\\u00a0-\\u00a9\\u00ab\\u00ac\\u00ae-\\u00b4\\u00b6-\\u00b9\\u00bb-\\u00bf\\u00d7\\u00f7\\u2010-\\u205f\\u3000-\\u303f';
const SUSPECT = `[^\\x00-\\x7f${PLAIN_OUTSIDE_ASCII}]`;
/** A run of letters with at least one character that needs the exact pass. */
export const SUSPECT_RUN = new RegExp(`(?:[A-Za-z]|${SUSPECT})*${SUSPECT}(?:[A-Za-z]|${SUSPECT})*`, 'g');
export const HAS_SUSPECT = new RegExp(SUSPECT);
const NOT_LETTERS = /[^a-z]+/;

/**
 * Calls `onToken` with every token forEachToken would give for `text` (up to `maxLength` units),
 * and maybe a few more, never fewer: the ASCII parts of a run with an accented letter ("caf" of
 * "café") come from the split too. Where the tokens only widen a search (an anchor test, the
 * narrowed list), the extra ones cost nothing but a lookup. The same token may come more than once.
 *
 * Why none is missed: a token is a run of units that fold to a-z. ASCII units fold only from
 * A-Z, and the plain characters outside ASCII above never fold to a letter nor are skipped inside
 * one, so they bound runs as ASCII non-letters do. A run made of ASCII letters only is then a word
 * of the lower-cased text split at non-letters (lower-casing makes no a-z letter of a character
 * bounding such a run: the two that lower-case to ASCII, U+0130 and U+212A, are outside the plain
 * set). A run with any other character is matched whole by SUSPECT_RUN and read exactly.
 */
export function forEachWideToken(text: string, maxLength: number, onToken: (token: string) => void): void {
  for (const word of text.toLowerCase().split(NOT_LETTERS)) if (word.length > 0 && word.length <= maxLength) onToken(word);
  if (!HAS_SUSPECT.test(text)) return;
  SUSPECT_RUN.lastIndex = 0;
  for (let m = SUSPECT_RUN.exec(text); m; m = SUSPECT_RUN.exec(text)) forEachToken(m[0], maxLength, onToken);
}
