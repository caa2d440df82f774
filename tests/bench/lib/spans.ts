// One answer shape for every contender: [start, end) of whole-word matches after leftmost-longest
// selection. Our matcher produces it natively; the peers report every (overlapping, case-folded)
// occurrence, so they are brought to it here with the same whole-word rule as ours.
import { endsWord, startsWord } from '../../../src/core/text/word-chars';

export type Span = [start: number, end: number];

/** Leftmost first, then longest; anything overlapping a span already taken is dropped. */
export function leftmostLongest(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const taken: Span[] = [];
  let takenEnd = -1;
  for (const span of spans) {
    if (span[0] < takenEnd) continue;
    taken.push(span);
    takenEnd = span[1];
  }
  return taken;
}

export function isWholeWord(text: string, start: number, end: number): boolean {
  return startsWord(text, start) && endsWord(text, end);
}

/** Lower-cases without changing any offset (toLowerCase can lengthen a few characters, e.g. İ). */
export function lowerKeepingOffsets(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!.toLowerCase();
    out += c.length === 1 ? c : text[i];
  }
  return out;
}
