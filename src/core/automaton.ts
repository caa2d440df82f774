// Aho-Corasick compiled to a dense DFA, so one pass over a page finds every alias whatever the
// size of the list. The text is read one code unit at a time through a precomputed table that
// folds it (normalize.ts) and maps it to a small alphabet of the characters the patterns use; the
// hot loop allocates nothing and touches no strings.
//
// Patterns only begin at word starts, so the trie hangs below a BOUNDARY state, entered on any
// character that is not part of a word; the root is the "mid-word" state and loops on word
// characters. Ordinary words then never walk deep states (most text is no alias prefix), which
// keeps the hot rows in cache at 10,000 aliases. The gate is loose (an apostrophe always opens a
// word here), and report() still checks startsWord, so it only ever skips impossible matches.

import { IGNORED, SPACE } from './normalize';
import { endsWord, extendOverAccents, foldOf, isWordUnit, startsWord } from './word-chars';

/** Called for each whole-word occurrence, in order of end; start/end index the original text. */
export type MatchHandler = (pattern: number, start: number, end: number) => void;

/** Units in no pattern that end a word (punctuation, symbols). */
const OTHER_CLASS = 0;
const SPACE_CLASS = 1;
/** Ignored units (accents written apart, soft hyphens): every state loops on them. */
const SKIP_CLASS = 2;
/** Word units in no pattern (letters, digits): the mid-word root loops on them. */
const OTHER_WORD_CLASS = 3;
const FIRST_LETTER_CLASS = 4;
/** The state where the text stands at a word start; patterns begin below it. */
const BOUNDARY = 1;
const NO_STATE = -1;
/** classOf entry not computed yet: filled per 256-unit block on first sight (see fillClasses). */
const UNSEEN_CLASS = 0xffff;

export class WordAutomaton {
  private constructor(
    /** Code unit → character class, folding already applied; UNSEEN_CLASS until its block is filled. */
    private readonly classOf: Uint16Array,
    /** Folded unit → letter class, for filling classOf. */
    private readonly classOfUnit: ReadonlyMap<number, number>,
    private readonly classCount: number,
    /** next[state * classCount + class] = target * classCount, bitwise-negated if target has output. */
    private readonly next: Int32Array,
    /** Pattern ending at the state, or NO_STATE. */
    private readonly terminal: Int32Array,
    /** Nearest proper suffix state that is terminal, or NO_STATE. */
    private readonly outputLink: Int32Array,
    /** Length of each pattern in fed (normalised) units. */
    private readonly patternLength: Int32Array,
  ) {}

  /**
   * `patterns` must already be normalised (normalizePattern) and non-empty. Duplicates are
   * allowed; only the first of equal patterns is reported.
   */
  static compile(patterns: readonly string[]): WordAutomaton {
    const classOfUnit = new Map<number, number>([[SPACE, SPACE_CLASS]]);
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (!classOfUnit.has(unit)) classOfUnit.set(unit, classOfUnit.size - 1 + FIRST_LETTER_CLASS);
      }
    }
    const classCount = classOfUnit.size - 1 + FIRST_LETTER_CLASS;
    // Filled lazily: a loop over all 65,536 units cost milliseconds per automaton in a fresh
    // content script, and a page uses a few blocks.
    const classOf = new Uint16Array(0x10000).fill(UNSEEN_CLASS);

    // Trie, with sparse children while building: the root (mid-word) and BOUNDARY, under which
    // every pattern starts.
    const children: Map<number, number>[] = [new Map(), new Map()];
    const terminalList: number[] = [NO_STATE, NO_STATE];
    const endsInSpace: boolean[] = [false, false];
    const patternLength = new Int32Array(patterns.length);
    patterns.forEach((pattern, index) => {
      let state = BOUNDARY;
      for (let i = 0; i < pattern.length; i++) {
        const cls = classOfUnit.get(pattern.charCodeAt(i))!;
        let child = children[state]!.get(cls);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          terminalList.push(NO_STATE);
          endsInSpace.push(cls === SPACE_CLASS);
          children[state]!.set(cls, child);
        }
        state = child;
      }
      if (terminalList[state] === NO_STATE) terminalList[state] = index;
      patternLength[index] = pattern.length;
    });

    const stateCount = children.length;
    const terminal = Int32Array.from(terminalList);
    const outputLink = new Int32Array(stateCount).fill(NO_STATE);
    const hasOutput = (state: number): boolean => terminal[state] !== NO_STATE || outputLink[state] !== NO_STATE;
    const encode = (state: number): number => (hasOutput(state) ? ~(state * classCount) : state * classCount);
    const decode = (encoded: number): number => (encoded >= 0 ? encoded : ~encoded);
    // next[state * classCount + class]: rows filled breadth-first, each from a native copy of its
    // failure state's row (shallower, so complete) with its own children written over it. A
    // JavaScript loop per class cost tens of ms even for the claims' ~2,600 states in a cold script.
    const next = new Int32Array(stateCount * classCount);
    const failRow = new Int32Array(stateCount);
    const queue = new Int32Array(stateCount);
    let head = 0;
    let tail = 0;
    // Root row: word classes (and ignored units) stay mid-word; anything else opens a word. A class
    // counts as a word class when its folded unit is a word unit; no unit that is not a word unit
    // folds to one (tests/unit/automaton-gate.test.ts), so no word start is missed.
    for (const [unit, cls] of classOfUnit) {
      if (!isWordUnit(unit)) next[cls] = encode(BOUNDARY);
    }
    next[OTHER_CLASS] = encode(BOUNDARY);
    queue[tail++] = BOUNDARY;
    while (head < tail) {
      const state = queue[head++]!;
      const row = state * classCount;
      const fromRow = failRow[state]!;
      next.copyWithin(row, fromRow, fromRow + classCount);
      for (const [cls, child] of children[state]!) {
        const childFailRow = decode(next[fromRow + cls]!);
        const childFail = childFailRow / classCount;
        failRow[child] = childFailRow;
        outputLink[child] = terminal[childFail] !== NO_STATE ? childFail : outputLink[childFail]!;
        next[row + cls] = encode(child);
        queue[tail++] = child;
      }
      // Collapsing whitespace runs and dropping ignored units happen inside the DFA: a state loops
      // on them, so the hot loop has no branch for them. Loops never report (no output twice).
      // (A copied row may hold its failure state's loops; this state, whose suffix that is, loops too.)
      next[row + SKIP_CLASS] = row;
      if (endsInSpace[state]) next[row + SPACE_CLASS] = row;
    }
    return new WordAutomaton(classOf, classOfUnit, classCount, next, terminal, outputLink, patternLength);
  }

  /** Number of DFA states (for memory estimates). */
  get stateCount(): number {
    return this.terminal.length;
  }

  scan(text: string, onMatch: MatchHandler): void {
    const classOf = this.classOf;
    const next = this.next;
    let state = BOUNDARY * this.classCount; // the text's start is a word start
    for (let i = 0, n = text.length; i < n; i++) {
      let cls = classOf[text.charCodeAt(i)]!;
      if (cls === UNSEEN_CLASS) cls = this.fillClasses(text.charCodeAt(i));
      const encoded = next[state + cls]!;
      if (encoded >= 0) {
        state = encoded;
      } else {
        state = ~encoded;
        this.report(text, state / this.classCount, i, onMatch);
      }
    }
  }

  /** Fills the classes of the 256-unit block of `unit`; returns the class of `unit`. */
  private fillClasses(unit: number): number {
    const from = unit & ~0xff;
    for (let u = from; u < from + 0x100; u++) {
      const folded = foldOf(u);
      this.classOf[u] =
        folded === IGNORED ? SKIP_CLASS : (this.classOfUnit.get(folded) ?? (isWordUnit(u) ? OTHER_WORD_CLASS : OTHER_CLASS));
    }
    return this.classOf[unit]!;
  }

  private report(text: string, state: number, lastIndex: number, onMatch: MatchHandler): void {
    const end = extendOverAccents(text, lastIndex + 1);
    if (!endsWord(text, end)) return;
    let node = this.terminal[state] !== NO_STATE ? state : this.outputLink[state]!;
    while (node !== NO_STATE) {
      const pattern = this.terminal[node]!;
      const start = normalizedStart(text, lastIndex, this.patternLength[pattern]!);
      if (startsWord(text, start)) onMatch(pattern, start, end);
      node = this.outputLink[node]!;
    }
  }
}

/**
 * Index in the original text of the first unit of a match of `length` normalised units whose last
 * unit is at `lastIndex`: walks back over ignored units and extra spaces the DFA looped on.
 */
function normalizedStart(text: string, lastIndex: number, length: number): number {
  let remaining = length;
  let previousWasSpace = false;
  let i = lastIndex;
  for (; i > 0; i--) {
    const unit = foldOf(text.charCodeAt(i));
    if (unit === IGNORED) continue;
    if (unit === SPACE) {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    if (--remaining === 0) break;
  }
  return i;
}
