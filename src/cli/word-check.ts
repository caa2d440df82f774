// An independent check of the matcher's whole-word rule, written without its tables, so that
// the evaluation does not grade the matcher with its own code.
import type { Mention } from '../core/types';

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

/** True when the mention starts or ends in the middle of a word ("computing" holding "putin"). */
export function isInsideWord(text: string, m: Pick<Mention, 'start' | 'end'>): boolean {
  if (isWordAt(text, m.start - 1) && isWordAt(text, m.start)) return true;
  // A low surrogate before start means the previous character is astral: test its high half.
  if (m.start >= 2 && /[\uDC00-\uDFFF]/.test(text[m.start - 1] ?? '') && isWordAt(text, m.start - 2)) return true;
  return isWordAt(text, m.end - 1) && isWordAt(text, m.end);
}
