// Aho-Corasick over a small alphabet, so one pass over a page finds every alias whatever the size
// of the list. The text is read one code unit at a time through a precomputed table that folds it
// (normalize.ts) and maps it to a small alphabet of the characters the patterns use; the hot loop
// allocates nothing, touches no strings and calls no callback (hits go to typed arrays).
//
// Patterns only begin at word starts, so the trie hangs below a BOUNDARY state, entered on any
// character that is not part of a word; the root is the "mid-word" state and loops on word
// characters. Ordinary words then never walk deep states. The gate is loose (an apostrophe always
// opens a word here), and report() still checks startsWord, so it only ever skips impossible matches.
//
// Two kinds of states (see AutomatonShape). Shallow and branching states are DENSE: a full row
// of `next` (one entry per class), one read per character. The rest, the long single-child tails
// of names that make up most states of a big list, are SPARSE: their few edges in a list, and on
// a miss the transition of their failure state. A dense table for every state was ~15 MB at
// 10,000 aliases and each step inside a name was a likely cache miss; sparse states are numbered
// in trie (depth-first) order, so walking a name reads consecutive entries.

import { IGNORED, SPACE } from '../text/normalize';
import { endsWord, extendOverAccents, foldOf, isWordUnit, startsWord } from '../text/word-chars';

/** Called for each whole-word occurrence, in order of end; start/end index the original text. */
export type MatchHandler = (pattern: number, start: number, end: number) => void;

/** Which trie states get a dense row; the others get a list of edges. */
export interface AutomatonShape {
  /** States this deep or shallower (BOUNDARY is 0, a name's first letter 1) are dense. */
  denseDepth: number;
  /** States with at least this many children are dense. */
  denseFanout: number;
}

/**
 * Chosen A/B at 10,000 aliases (BENCHMARKS.md, part 6): the first four units of a word are dense
 * (~7,000 of 113,000 states: ordinary words rarely walk deeper), and so is any state with four
 * children or more, where a list would be scanned. Fewer dense states (depth 2–3) cost ordinary
 * text up to 20%; all dense cost alias-dense text ~40%.
 */
export const DEFAULT_SHAPE: AutomatonShape = { denseDepth: 4, denseFanout: 4 };
/** Every state dense: the plain DFA (for tests that compare representations). */
export const ALL_DENSE: AutomatonShape = { denseDepth: Infinity, denseFanout: 0 };
/** Only the root and BOUNDARY dense (for tests that compare representations). */
export const ALL_SPARSE: AutomatonShape = { denseDepth: 0, denseFanout: Infinity };

/** Units in no pattern that end a word (punctuation, symbols). */
const OTHER_CLASS = 0;
const SPACE_CLASS = 1;
/** Ignored units (accents written apart, soft hyphens): every state loops on them. */
const SKIP_CLASS = 2;
/** Word units in no pattern (letters, digits): the mid-word root loops on them. */
const OTHER_WORD_CLASS = 3;
const FIRST_LETTER_CLASS = 4;
/** Units of compile work (patterns, states) between two pauses of compileSteps. */
const STEP_WORK = 1024;

/** Runs resumable steps to the end, without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Trie ids: the mid-word root, and the state where the text stands at a word start. */
const ROOT = 0;
const BOUNDARY = 1;
const NONE = -1;
/** classOf entry not computed yet: filled per 256-unit block on first sight (see fillClasses). */
const UNSEEN_CLASS = 0xffff;

/**
 * A state is written as one int, its "code": a dense state as the offset of its row in `next`, a
 * sparse one as sparseBase + its sparse index. A transition holds the target's code when the target
 * is dense and has no output (the common case: the hot loop reads it and goes on), otherwise
 * ~(code * 2 + hasOutput). Tables index states by "uid": dense index, then denseCount + sparse index.
 */
export class WordAutomaton {
  /** Hits of the last collect(), in order of end. */
  private hitPattern = new Int32Array(64);
  private hitStart = new Int32Array(64);
  private hitEnd = new Int32Array(64);
  private hitCount = 0;
  /** Where special() left the automaton. */
  private landed = 0;

  private constructor(
    /** Code unit → character class, folding already applied; UNSEEN_CLASS until its block is filled. */
    private readonly classOf: Uint16Array,
    /** Folded unit → letter class (0: in no pattern), for filling classOf. */
    private readonly letterClass: Uint16Array,
    private readonly classCount: number,
    /** Dense rows: next[row + class] = the transition (see above). */
    private readonly next: Int32Array,
    /** Codes at and above this are sparse states. */
    private readonly sparseBase: number,
    private readonly denseCount: number,
    /** Sparse state k has edges edgeStart[k] .. edgeStart[k + 1] - 1. */
    private readonly edgeStart: Int32Array,
    private readonly edgeClass: Uint16Array,
    /** Transition (see above); a self-loop on spaces is an edge too. */
    private readonly edgeTarget: Int32Array,
    /**
     * Class and target of each sparse state's first edge, side by side (-1, 0 without one): the
     * fast path inside a name's tail, one cache line for several states.
     */
    private readonly firstEdge: Int32Array,
    /** Code (a plain code, not a transition) of each sparse state's failure state. */
    private readonly sparseFail: Int32Array,
    /** Pattern ending at the state (by uid), or NONE. */
    private readonly terminal: Int32Array,
    /** Uid of the nearest proper suffix state that is terminal, or NONE. */
    private readonly outputLink: Int32Array,
    /** Length of each pattern in fed (normalised) units. */
    private readonly patternLength: Int32Array,
  ) {}

  /**
   * `patterns` must already be normalised (normalizePattern) and non-empty. Duplicates are
   * allowed; only the first of equal patterns is reported.
   */
  static compile(patterns: readonly string[], shape: AutomatonShape = DEFAULT_SHAPE): WordAutomaton {
    return runSteps(WordAutomaton.compileSteps(patterns, shape));
  }

  /**
   * compile() in resumable steps: it pauses (yields) every STEP_WORK units of work, so a caller in a
   * page can give the page its turn between them. A 10,000-alias list took ~200 ms in one task.
   */
  static *compileSteps(patterns: readonly string[], shape: AutomatonShape = DEFAULT_SHAPE): Generator<void, WordAutomaton> {
    let work = 0;
    // Alphabet: one class per unit the patterns use, in a flat table (a Map cost more than the trie).
    const letterClass = new Uint16Array(0x10000);
    letterClass[SPACE] = SPACE_CLASS;
    const unitOfClass: number[] = [NONE, SPACE, NONE, NONE];
    let totalLength = 0;
    for (const pattern of patterns) {
      if (++work % STEP_WORK === 0) yield;
      totalLength += pattern.length;
      for (let i = 0; i < pattern.length; i++) {
        const unit = pattern.charCodeAt(i);
        if (letterClass[unit] === 0) {
          letterClass[unit] = unitOfClass.length;
          unitOfClass.push(unit);
        }
      }
    }
    const classCount = unitOfClass.length;

    // Trie, built from the sorted patterns: each shares its common prefix with the previous one
    // and adds the rest, so states come out numbered depth-first (a name's tail is consecutive)
    // without a Map per state. Children hang in a first-child / next-sibling list.
    // The native sort without a comparator (a comparator called from a cold script cost tens of
    // ms at 10,000 aliases); equal patterns keep the first index.
    const firstIndex = new Map<string, number>();
    patterns.forEach((pattern, index) => {
      if (!firstIndex.has(pattern)) firstIndex.set(pattern, index);
    });
    const order = [...firstIndex.keys()].sort().map((pattern) => firstIndex.get(pattern)!);
    const capacity = totalLength + 2;
    const inClass = new Int32Array(capacity);
    const depth = new Int32Array(capacity);
    const firstChild = new Int32Array(capacity).fill(NONE);
    const nextSibling = new Int32Array(capacity).fill(NONE);
    const lastChild = new Int32Array(capacity).fill(NONE);
    const childCount = new Int32Array(capacity);
    const terminalOf = new Int32Array(capacity).fill(NONE);
    const patternLength = new Int32Array(patterns.length);
    let stateCount = 2;
    const path: number[] = [BOUNDARY];
    let previous = '';
    patterns.forEach((pattern, index) => {
      patternLength[index] = pattern.length;
    });
    for (const index of order) {
      if (++work % STEP_WORK === 0) yield;
      const pattern = patterns[index]!;
      let shared = 0;
      const most = Math.min(previous.length, pattern.length);
      while (shared < most && previous.charCodeAt(shared) === pattern.charCodeAt(shared)) shared++;
      let state = path[shared]!;
      for (let d = shared; d < pattern.length; d++) {
        const child = stateCount++;
        inClass[child] = letterClass[pattern.charCodeAt(d)]!;
        depth[child] = d + 1;
        if (lastChild[state] === NONE) firstChild[state] = child;
        else nextSibling[lastChild[state]!] = child;
        lastChild[state] = child;
        childCount[state] = childCount[state]! + 1;
        path[d + 1] = child;
        state = child;
      }
      if (terminalOf[state] === NONE) terminalOf[state] = index;
      previous = pattern;
    }

    // Breadth-first order (failure states are shallower), by a counting sort on depth.
    let maxDepth = 0;
    for (let s = BOUNDARY; s < stateCount; s++) maxDepth = Math.max(maxDepth, depth[s]!);
    const atDepth = new Int32Array(maxDepth + 2);
    for (let s = BOUNDARY; s < stateCount; s++) atDepth[depth[s]! + 1] = atDepth[depth[s]! + 1]! + 1;
    for (let d = 1; d < atDepth.length; d++) atDepth[d] = atDepth[d]! + atDepth[d - 1]!;
    const bfs = new Int32Array(stateCount - 1);
    for (let s = BOUNDARY; s < stateCount; s++) bfs[atDepth[depth[s]!]!++] = s;

    // Codes: dense states in breadth-first order after the root, sparse ones depth-first.
    const dense = (s: number): boolean =>
      s <= BOUNDARY || depth[s]! <= shape.denseDepth || childCount[s]! >= shape.denseFanout;
    const code = new Int32Array(stateCount);
    const uid = new Int32Array(stateCount);
    let denseCount = 1; // the root, code 0
    for (const s of bfs) {
      if (dense(s)) {
        uid[s] = denseCount;
        code[s] = denseCount * classCount;
        denseCount++;
      }
    }
    const sparseBase = denseCount * classCount;
    const sparseCount = stateCount - denseCount;
    if (sparseBase + sparseCount > 0x3fffffff) throw new RangeError('pattern list too large for the automaton');
    const edgeStart = new Int32Array(sparseCount + 1);
    let sparseIndex = 0;
    for (let s = BOUNDARY + 1; s < stateCount; s++) {
      if (dense(s)) continue;
      uid[s] = denseCount + sparseIndex;
      code[s] = sparseBase + sparseIndex;
      // A state whose pattern ends in a space loops on spaces (whitespace runs collapse): an edge.
      edgeStart[sparseIndex + 1] = edgeStart[sparseIndex]! + childCount[s]! + (inClass[s] === SPACE_CLASS ? 1 : 0);
      sparseIndex++;
    }
    const edgeCount = edgeStart[sparseCount]!;
    const edgeClass = new Uint16Array(edgeCount);
    const edgeTarget = new Int32Array(edgeCount);
    const sparseFail = new Int32Array(sparseCount);
    const firstEdge = new Int32Array(2 * sparseCount).fill(NONE);
    const stateOfUid = new Int32Array(stateCount);
    for (let s = 0; s < stateCount; s++) stateOfUid[uid[s]!] = s;

    const fail = new Int32Array(stateCount);
    const outputLink = new Int32Array(stateCount).fill(NONE);
    const hasOutput = (s: number): boolean => terminalOf[s] !== NONE || outputLink[s] !== NONE;
    /** Transition value of a step into `s` (see the class comment). */
    const encode = (s: number): number =>
      dense(s) && !hasOutput(s) ? code[s]! : ~((code[s]! << 1) | (hasOutput(s) ? 1 : 0));
    /** Transition value of a loop on `s`: never reports (no output twice). */
    const loop = (s: number): number => (dense(s) ? code[s]! : ~(code[s]! << 1));
    const stateOfCode = (c: number): number => {
      const plain = c >= 0 ? c : ~c >> 1;
      return stateOfUid[plain < sparseBase ? plain / classCount : denseCount + plain - sparseBase]!;
    };
    const next = new Int32Array(denseCount * classCount);

    /** Target (trie id) of the transition from `s` on `cls`, where every state up to s is built. */
    const delta = (s: number, cls: number): number => {
      for (;;) {
        if (dense(s)) return stateOfCode(next[code[s]! + cls]!);
        for (let child = firstChild[s]!; child !== NONE; child = nextSibling[child]!) {
          if (inClass[child] === cls) return child;
        }
        if (cls === SPACE_CLASS && inClass[s] === SPACE_CLASS) return s;
        s = fail[s]!;
      }
    };
    /** Writes the full row of `s` at `row` (s is sparse: its dense failure row with edges on top). */
    const writeRowOf = (s: number, row: number): void => {
      if (dense(s)) {
        next.copyWithin(row, code[s]!, code[s]! + classCount);
        return;
      }
      writeRowOf(fail[s]!, row);
      for (let child = firstChild[s]!; child !== NONE; child = nextSibling[child]!) next[row + inClass[child]!] = encode(child);
      if (inClass[s] === SPACE_CLASS) next[row + SPACE_CLASS] = loop(s);
    };

    // Root row: word classes (and ignored units) stay mid-word; anything else opens a word. A class
    // counts as a word class when its folded unit is a word unit; no unit that is not a word unit
    // folds to one (tests/unit/automaton-gate.test.ts), so no word start is missed.
    const boundaryCode = code[BOUNDARY]!;
    next[OTHER_CLASS] = boundaryCode;
    next[SPACE_CLASS] = boundaryCode;
    for (let cls = FIRST_LETTER_CLASS; cls < classCount; cls++) {
      if (!isWordUnit(unitOfClass[cls]!)) next[cls] = boundaryCode;
    }
    fail[BOUNDARY] = ROOT;
    for (const s of bfs) {
      if (++work % STEP_WORK === 0) yield;
      // Children first: their failure states (shallower, so built) and whether they have output.
      for (let child = firstChild[s]!; child !== NONE; child = nextSibling[child]!) {
        const childFail = delta(fail[s]!, inClass[child]!);
        fail[child] = childFail;
        outputLink[child] = terminalOf[childFail] !== NONE ? childFail : outputLink[childFail]!;
      }
      if (dense(s)) {
        // The failure state's full row with this state's children written over it. Collapsing
        // whitespace runs and dropping ignored units happen inside the automaton: a state loops on
        // them, so the hot loop has no branch for them. Loops never report (no output twice).
        const row = code[s]!;
        writeRowOf(fail[s]!, row);
        for (let child = firstChild[s]!; child !== NONE; child = nextSibling[child]!) next[row + inClass[child]!] = encode(child);
        next[row + SKIP_CLASS] = row;
        if (inClass[s] === SPACE_CLASS) next[row + SPACE_CLASS] = row;
      } else {
        const k = code[s]! - sparseBase;
        let edge = edgeStart[k]!;
        for (let child = firstChild[s]!; child !== NONE; child = nextSibling[child]!) {
          edgeClass[edge] = inClass[child]!;
          edgeTarget[edge++] = encode(child);
        }
        if (inClass[s] === SPACE_CLASS) {
          edgeClass[edge] = SPACE_CLASS;
          edgeTarget[edge] = loop(s);
        }
        sparseFail[k] = code[fail[s]!]!;
        if (edge > edgeStart[k]! || inClass[s] === SPACE_CLASS) {
          firstEdge[2 * k] = edgeClass[edgeStart[k]!]!;
          firstEdge[2 * k + 1] = edgeTarget[edgeStart[k]!]!;
        }
      }
    }

    const terminal = new Int32Array(stateCount);
    const outputLinkByUid = new Int32Array(stateCount);
    for (let s = 0; s < stateCount; s++) {
      terminal[uid[s]!] = terminalOf[s]!;
      outputLinkByUid[uid[s]!] = outputLink[s] === NONE ? NONE : uid[outputLink[s]!]!;
    }
    // Filled lazily: a loop over all 65,536 units cost milliseconds per automaton in a fresh
    // content script, and a page uses a few blocks.
    const classOf = new Uint16Array(0x10000).fill(UNSEEN_CLASS);
    return new WordAutomaton(
      classOf,
      letterClass,
      classCount,
      next,
      sparseBase,
      denseCount,
      edgeStart,
      edgeClass,
      edgeTarget,
      firstEdge,
      sparseFail,
      terminal,
      outputLinkByUid,
      patternLength,
    );
  }

  /** Number of states (for memory estimates). */
  get stateCount(): number {
    return this.terminal.length;
  }

  /** Number of states with a dense row (the root included). */
  get denseStateCount(): number {
    return this.denseCount;
  }

  /** Calls `onMatch` for every hit in `text`, in order of end (after the whole pass). */
  scan(text: string, onMatch: MatchHandler): void {
    const count = this.collect(text);
    const { hitPattern, hitStart, hitEnd } = this;
    for (let k = 0; k < count; k++) onMatch(hitPattern[k]!, hitStart[k]!, hitEnd[k]!);
  }

  /**
   * The pass itself: fills the hit arrays, returns the number of hits. No callback runs inside it,
   * so its optimised code does not depend on who consumes the hits (a bench calling it with two
   * different callbacks made it deoptimise and measure another speed).
   */
  private collect(text: string): number {
    const classOf = this.classOf;
    const next = this.next;
    this.hitCount = 0;
    let state = this.classCount; // BOUNDARY's row: the text's start is a word start
    for (let i = 0, n = text.length; i < n; i++) {
      let cls = classOf[text.charCodeAt(i)]!;
      if (cls === UNSEEN_CLASS) cls = this.fillClasses(text.charCodeAt(i));
      const step = next[state + cls]!;
      if (step >= 0) {
        state = step; // the common case: a dense state without output, one read per unit
      } else {
        i = this.special(text, i, step);
        state = this.landed;
      }
    }
    return this.hitCount;
  }

  /**
   * A step into a state with output, or into a sparse one: reports, then follows the name's tail
   * unit by unit until a step lands on a dense state (left in `landed`). Returns the index of the
   * last unit read. Kept out of collect() so the common loop stays small.
   */
  private special(text: string, at: number, step: number): number {
    const { classOf, sparseBase, firstEdge } = this;
    let i = at;
    let value = ~step;
    let target = value >> 1;
    if ((value & 1) !== 0) this.report(text, target, i);
    while (target >= sparseBase) {
      if (++i === text.length) break;
      let cls = classOf[text.charCodeAt(i)]!;
      if (cls === UNSEEN_CLASS) cls = this.fillClasses(text.charCodeAt(i));
      const k = (target - sparseBase) << 1;
      const sparse = firstEdge[k] === cls ? firstEdge[k + 1]! : this.sparseStep(target, cls);
      if (sparse >= 0) {
        target = sparse;
        break;
      }
      value = ~sparse;
      target = value >> 1;
      if ((value & 1) !== 0) this.report(text, target, i);
    }
    this.landed = target;
    return i;
  }

  /** Transition from sparse state `state` on `cls`: an edge, or the failure state's transition. */
  private sparseStep(state: number, cls: number): number {
    if (cls === SKIP_CLASS) return ~(state << 1);
    const sparseBase = this.sparseBase;
    const { edgeStart, edgeClass, edgeTarget, sparseFail } = this;
    let k = state - sparseBase;
    for (;;) {
      for (let edge = edgeStart[k]!, end = edgeStart[k + 1]!; edge < end; edge++) {
        if (edgeClass[edge] === cls) return edgeTarget[edge]!;
      }
      const failure = sparseFail[k]!;
      if (failure < sparseBase) return this.next[failure + cls]!;
      k = failure - sparseBase;
    }
  }

  /** Fills the classes of the 256-unit block of `unit`; returns the class of `unit`. */
  private fillClasses(unit: number): number {
    const from = unit & ~0xff;
    for (let u = from; u < from + 0x100; u++) {
      const folded = foldOf(u);
      const letter = folded === IGNORED ? 0 : this.letterClass[folded]!;
      this.classOf[u] =
        folded === IGNORED ? SKIP_CLASS : letter !== 0 ? letter : isWordUnit(u) ? OTHER_WORD_CLASS : OTHER_CLASS;
    }
    return this.classOf[unit]!;
  }

  /** Records the whole-word hits ending at `lastIndex` in state `code`; in the hit arrays. */
  private report(text: string, code: number, lastIndex: number): void {
    const end = extendOverAccents(text, lastIndex + 1);
    if (!endsWord(text, end)) return;
    const state = code < this.sparseBase ? code / this.classCount : this.denseCount + code - this.sparseBase;
    let node = this.terminal[state] !== NONE ? state : this.outputLink[state]!;
    while (node !== NONE) {
      const pattern = this.terminal[node]!;
      const start = this.normalizedStart(text, lastIndex, this.patternLength[pattern]!);
      if (startsWord(text, start)) {
        const hits = this.hitCount++;
        if (hits === this.hitPattern.length) this.growHits();
        this.hitPattern[hits] = pattern;
        this.hitStart[hits] = start;
        this.hitEnd[hits] = end;
      }
      node = this.outputLink[node]!;
    }
  }

  /**
   * Index in the original text of the first unit of a match of `length` normalised units whose last
   * unit is at `lastIndex`: walks back over ignored units and extra spaces the DFA looped on. Reads
   * the classes the pass filled for these very units (folded space: SPACE_CLASS, ignored:
   * SKIP_CLASS), a plain array read per unit: with a call to the fold table per unit this walk was
   * the costliest step of a rescan's passes in Chromium (BENCHMARKS part 3).
   */
  private normalizedStart(text: string, lastIndex: number, length: number): number {
    const classOf = this.classOf;
    let remaining = length;
    let previousWasSpace = false;
    let i = lastIndex;
    for (; i > 0; i--) {
      let cls = classOf[text.charCodeAt(i)]!;
      if (cls === UNSEEN_CLASS) cls = this.fillClasses(text.charCodeAt(i));
      if (cls === SKIP_CLASS) continue;
      if (cls === SPACE_CLASS) {
        if (previousWasSpace) continue;
        previousWasSpace = true;
      } else {
        previousWasSpace = false;
      }
      if (--remaining === 0) break;
    }
    return i;
  }

  private growHits(): void {
    const grow = (array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.hitPattern = grow(this.hitPattern);
    this.hitStart = grow(this.hitStart);
    this.hitEnd = grow(this.hitEnd);
  }
}

