// Aho-Corasick compiled to a dense DFA, so one pass over a page finds every alias whatever the
// size of the list. The text is read one code unit at a time through a precomputed table that
// folds it (normalize.ts) and maps it to a small alphabet of the characters the patterns use; the
// hot loop allocates nothing and touches no strings.

import { foldTable, IGNORED, SPACE } from './normalize';
import { endsWord, extendOverAccents, startsWord } from './word-chars';

/** Called for each whole-word occurrence, in order of end; start/end index the original text. */
export type MatchHandler = (pattern: number, start: number, end: number) => void;

const OTHER_CLASS = 0;
const SPACE_CLASS = 1;
/** Ignored units (accents written apart, soft hyphens): every state loops on them. */
const SKIP_CLASS = 2;
const FIRST_LETTER_CLASS = 3;
const NO_STATE = -1;

export class WordAutomaton {
  private constructor(
    /** Code unit → character class, folding already applied. */
    private readonly classOf: Uint16Array,
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
    const fold = foldTable();
    const classOfUnit = new Map<number, number>([[SPACE, SPACE_CLASS]]);
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (!classOfUnit.has(unit)) classOfUnit.set(unit, classOfUnit.size - 1 + FIRST_LETTER_CLASS);
      }
    }
    const classCount = classOfUnit.size - 1 + FIRST_LETTER_CLASS;
    const classOf = new Uint16Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      const folded = fold[unit]!;
      classOf[unit] = folded === IGNORED ? SKIP_CLASS : (classOfUnit.get(folded) ?? OTHER_CLASS);
    }

    // Trie, with sparse children while building.
    const children: Map<number, number>[] = [new Map()];
    const terminalList: number[] = [NO_STATE];
    const endsInSpace: boolean[] = [false];
    const patternLength = new Int32Array(patterns.length);
    patterns.forEach((pattern, index) => {
      let state = 0;
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
    const fail = new Int32Array(stateCount);
    const outputLink = new Int32Array(stateCount).fill(NO_STATE);
    const target = new Int32Array(stateCount * classCount); // plain state numbers first
    // Breadth-first: a state's failure target is shallower, so its row is complete when needed.
    const queue = new Int32Array(stateCount);
    let head = 0;
    let tail = 0;
    for (const [cls, child] of children[0]!) {
      target[cls] = child;
      queue[tail++] = child;
    }
    while (head < tail) {
      const state = queue[head++]!;
      const failRow = fail[state]! * classCount;
      const row = state * classCount;
      for (let cls = 0; cls < classCount; cls++) target[row + cls] = target[failRow + cls]!;
      for (const [cls, child] of children[state]!) {
        target[row + cls] = child;
        const childFail = target[failRow + cls]!;
        fail[child] = childFail;
        outputLink[child] = terminal[childFail] !== NO_STATE ? childFail : outputLink[childFail]!;
        queue[tail++] = child;
      }
    }
    // Collapsing whitespace runs and dropping ignored units happen inside the DFA: a state loops
    // on them, so the hot loop has no branch for them. Loops never report (no output twice).
    for (let state = 0; state < stateCount; state++) {
      target[state * classCount + SKIP_CLASS] = state;
      if (endsInSpace[state]) target[state * classCount + SPACE_CLASS] = state;
    }
    const next = new Int32Array(stateCount * classCount);
    for (let state = 0; state < stateCount; state++) {
      const row = state * classCount;
      for (let cls = 0; cls < classCount; cls++) {
        const to = target[row + cls]!;
        const loops = cls === SKIP_CLASS || (cls === SPACE_CLASS && endsInSpace[state]);
        const reports = !loops && (terminal[to] !== NO_STATE || outputLink[to] !== NO_STATE);
        next[row + cls] = reports ? ~(to * classCount) : to * classCount;
      }
    }
    return new WordAutomaton(classOf, classCount, next, terminal, outputLink, patternLength);
  }

  /** Number of DFA states (for memory estimates). */
  get stateCount(): number {
    return this.terminal.length;
  }

  scan(text: string, onMatch: MatchHandler): void {
    const classOf = this.classOf;
    const next = this.next;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const encoded = next[state + classOf[text.charCodeAt(i)]!]!;
      if (encoded >= 0) {
        state = encoded;
      } else {
        state = ~encoded;
        this.report(text, state / this.classCount, i, onMatch);
      }
    }
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
  const fold = foldTable();
  let remaining = length;
  let previousWasSpace = false;
  let i = lastIndex;
  for (; i > 0; i--) {
    const unit = fold[text.charCodeAt(i)]!;
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
