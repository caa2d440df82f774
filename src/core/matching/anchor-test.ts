// The first stage's test of page text against the anchor filter (anchor-filter.ts), built to run
// cold: it runs once per page and frame, in V8's interpreter, where a JS loop over every character
// costs ms on an ordinary article (the trace of a page naming nobody showed it). So the work per
// character is done by native code: one RegExp over the text for a list of up to MAX_REGEX_ANCHORS
// anchors, else a native lower-casing and split and a Set lookup per word. Only the runs of text
// with letters outside ASCII (accents, ligatures, soft hyphens, CJK) take the narrower's exact
// token pass (forEachToken), which folds them as the matcher does: the test is exact, never a miss.
import { forEachToken } from '../text/tokens';
import { HAS_SUSPECT, SUSPECT_RUN } from '../text/plain-runs';
import type { AnchorFilter } from './anchor-filter';

/** Past this many anchors one alternation RegExp compiles slowly (~100 ms at 12,000 words): a Set then. */
export const MAX_REGEX_ANCHORS = 1500;
const MAX_ANCHORS = 1 << 20;

const VALID = /^(?:[a-z]+(?: [a-z]+)*)?$/;

export interface AnchorTest {
  /** Some pattern has no a-z letters: every page must load the rest. */
  always: boolean;
  /** Whether `text` has a token that is an anchor. */
  test(text: string): boolean;
}

/** The test of a filter from the background; null when it is malformed (the page then loads everything). */
export function readAnchorFilter(filter: unknown, { maxRegexAnchors = MAX_REGEX_ANCHORS } = {}): AnchorTest | null {
  if (typeof filter !== 'object' || filter === null) return null;
  const { anchors, maxAnchor, always } = filter as Partial<Record<keyof AnchorFilter, unknown>>;
  if (typeof anchors !== 'string' || typeof maxAnchor !== 'number' || !Number.isInteger(maxAnchor) || maxAnchor < 0 || typeof always !== 'boolean') return null;
  if (!VALID.test(anchors)) return null;
  const words = anchors === '' ? [] : anchors.split(' ');
  if (words.length > MAX_ANCHORS) return null;
  if (words.length === 0) return { always, test: () => false };
  let isAnchor: (token: string) => boolean;
  let plainText: (text: string) => boolean;
  if (words.length <= maxRegexAnchors) {
    // Anchors are a-z only (checked above): nothing in them is special to a RegExp. The text is
    // lower-cased first (native) and tested case-sensitively: on a page naming nobody the 'i' flag's
    // folding at every position cost ~0.85 ms of 400 paragraphs' 36 KB in Chromium, this ~0.35 ms.
    // Lower-casing turns no character that bounds a plain ASCII run into an a-z letter (the few that
    // lower-case to ASCII, U+0130 and U+212A, are outside the plain set, so their runs are read
    // exactly below): a run of plain text has an anchor here exactly when it had one before.
    const alternation = words.join('|');
    const inText = new RegExp(`(?<![a-z])(?:${alternation})(?![a-z])`);
    let whole: RegExp | null = null;
    isAnchor = (token) => (whole ??= new RegExp(`^(?:${alternation})$`)).test(token);
    plainText = (text) => inText.test(text.toLowerCase());
  } else {
    const set = new Set(words);
    isAnchor = (token) => set.has(token);
    plainText = (text) => {
      for (const word of text.toLowerCase().split(/[^a-z]+/)) if (word.length <= maxAnchor && set.has(word)) return true;
      return false;
    };
  }
  const exact = (run: string): boolean => {
    let found = false;
    forEachToken(run, maxAnchor, (token) => {
      if (!found && isAnchor(token)) found = true;
    });
    return found;
  };
  return {
    always,
    test(text) {
      // ASCII words, bounded by anything that is no ASCII letter: a word beside an accented letter
      // may match here for nothing (it loads the rest for nothing, never misses), and is read
      // exactly below with its run.
      if (plainText(text)) return true;
      if (!HAS_SUSPECT.test(text)) return false;
      SUSPECT_RUN.lastIndex = 0;
      for (let m = SUSPECT_RUN.exec(text); m; m = SUSPECT_RUN.exec(text)) if (exact(m[0])) return true;
      return false;
    },
  };
}
