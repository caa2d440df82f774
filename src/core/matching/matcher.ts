// The entity matcher: every alias, canonical name and distinct name of the list compiled into one
// automaton, then leftmost-longest selection, exact-case checks and surname context.

import { WordAutomaton, runSteps } from './automaton';
import { createClaimFinder } from '../claims/finder';
import { atSentenceStart, isCapitalisedWord, isProseWord } from '../text/sentence-start';
import { caseRuleOf, fitsCase } from './name-case';
import { addIdentified, insideLongerName, isPartOfPersonName, resolve, type Reading } from './name-readings';
import { isWeekdayName, readsAsTeam } from './weekday-names';
import { normalizedSpanEquals, normalizePattern, provideFoldBlocks, typographicUnitMap } from '../text/normalize';
import { FOLD_BLOCKS, TYPOGRAPHIC_BLOCKS } from '../text/fold-blocks';
import type { ClaimMention, EntityKind, EntityList, Mention } from '../types';

export interface ScanResult {
  /** Resolved mentions, sorted by start, non-overlapping (leftmost-longest). */
  mentions: Mention[];
  /** Surname-only candidates (alias.needsContext) whose person the text has not identified yet. */
  unresolved: Mention[];
  /** Entity ids identified in this text (a non-needsContext alias matched, or title + surname). */
  identified: Set<string>;
}

export interface Matcher {
  /** `identified` = entity ids already identified elsewhere on the page (e.g. earlier slices); candidates of those resolve. */
  scan(text: string, identified?: ReadonlySet<string>): ScanResult;
  /** Convenience: scan + resolve within this one text. */
  findMentions(text: string): Mention[];
  /** Sentences of `text` that restate a claim of the list. */
  findClaims(text: string): ClaimMention[];
}

// The fold tables' common blocks come computed: a matcher is made cold in every page that names someone.
provideFoldBlocks(FOLD_BLOCKS, TYPOGRAPHIC_BLOCKS);

const HAS_LETTER = /\p{L}/u;
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a']);

/** Distinct names first (they exist to veto), then plain aliases, then surnames. */
function readingRank(reading: Reading): number {
  if (!reading.entity) return 0;
  return reading.needsContext ? 2 : 1;
}

/** The case test of an alias: exactCase true = as written, false = any case, unset = as a name. */
function caseOf(text: string, exactCase: boolean | undefined): Pick<Reading, 'exactForm' | 'caseRule'> {
  if (exactCase === true) return { exactForm: normalizePattern(text, typographicUnitMap()) };
  if (exactCase === false) return {};
  const caseRule = caseRuleOf(text);
  return caseRule ? { caseRule } : {};
}

function* compileReadings(list: EntityList): Generator<void, { patterns: string[]; readings: Reading[][] }> {
  const indexOf = new Map<string, number>();
  const readings: Reading[][] = [];
  const add = (text: string, reading: Reading): void => {
    // A proper noun has a letter: a list's "90" (a typo, a score) would match every such number.
    if (reading.exactForm === undefined && reading.caseRule === undefined && !HAS_LETTER.test(text)) return;
    // An article alone ("The": a slip of the list, or a name cut short) would match at every
    // sentence start; a list that means it says exactCase. ("An" is also a given name: An Marchal.)
    if (reading.exactForm === undefined && ARTICLES.has(text.trim().toLowerCase())) return;
    const pattern = normalizePattern(text);
    if (pattern === '') return;
    let index = indexOf.get(pattern);
    if (index === undefined) {
      index = readings.length;
      indexOf.set(pattern, index);
      readings.push([]);
    }
    readings[index]!.push(reading);
  };
  let work = 0;
  for (const entity of list.entities) {
    if (++work % 512 === 0) yield;
    const ref = { id: entity.id, kind: entity.kind };
    add(entity.name, { entity: ref, needsContext: false, ...caseOf(entity.name, undefined), ...weekday(entity.name, undefined) });
    for (const alias of entity.aliases) {
      add(alias.text, {
        entity: ref,
        needsContext: alias.needsContext ?? isPartOfPersonName(entity, alias.text),
        ...caseOf(alias.text, alias.exactCase),
        ...weekday(alias.text, alias.exactCase),
      });
    }
  }
  for (const distinct of list.distinct) add(distinct.text, { needsContext: false });
  for (const group of readings) group.sort((a, b) => readingRank(a) - readingRank(b));
  return { patterns: [...indexOf.keys()], readings };
}

/** A day-of-the-week name waits for a team cue, unless the list asks for it as written (exactCase). */
function weekday(text: string, exactCase: boolean | undefined): Pick<Reading, 'weekday'> {
  return exactCase !== true && isWeekdayName(text) ? { weekday: true } : {};
}

function fits(text: string, start: number, end: number, reading: Reading): boolean {
  if (reading.weekday === true && !readsAsTeam(text, start, end)) return false;
  if (reading.caseRule !== undefined) return fitsCase(text, start, end, reading.caseRule);
  if (reading.exactForm !== undefined) return normalizedSpanEquals(text, start, end, reading.exactForm, typographicUnitMap());
  return true;
}

/** The readings of a hit the page's writing allows; the group itself when all fit (no allocation). */
function fitting(text: string, start: number, end: number, group: Reading[]): Reading[] | undefined {
  if (group.length === 1) return fits(text, start, end, group[0]!) ? group : undefined;
  const kept = group.filter((reading) => fits(text, start, end, reading));
  return kept.length === 0 ? undefined : kept.length === group.length ? group : kept;
}

/**
 * The automaton's hits as parallel typed arrays (start, end, reading), reused across scans: one
 * object per hit, a comparator sort over objects and a Mention per hit halved the automaton's rate.
 */
class Candidates {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  patterns = new Int32Array(256);
  readings: Reading[][] = [];
  length = 0;

  clear(): void {
    this.length = 0;
    this.readings.length = 0;
  }

  push(pattern: number, start: number, end: number, reading: Reading[]): void {
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.patterns = grow(this.patterns);
    }
    this.patterns[this.length] = pattern;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.readings[this.length] = reading;
    this.length++;
  }

  /**
   * Leftmost first, then longest; a candidate overlapping one already taken is dropped. Returns the
   * indices taken. Hits arrive in order of end, so they are nearly sorted by start: an insertion
   * sort of indices moves each one only past the few hits that overlap it.
   */
  leftmostLongest(): number[] {
    const { starts, ends } = this;
    const order: number[] = [];
    for (let i = 0; i < this.length; i++) {
      let j = order.length;
      while (j > 0) {
        const before = order[j - 1]!;
        if (starts[before]! < starts[i]! || (starts[before] === starts[i] && ends[before]! >= ends[i]!)) break;
        order[j] = before;
        j--;
      }
      order[j] = i;
    }
    const taken: number[] = [];
    let takenEnd = -1;
    for (const i of order) {
      if (starts[i]! < takenEnd) continue;
      taken.push(i);
      takenEnd = ends[i]!;
    }
    return taken;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Puts first the reading of an undecided mention the text chose most often elsewhere. */
function preferChosen(mention: Mention, chosen: ReadonlyMap<string, number>): void {
  // A person the text named in full stays first (name-readings.ts).
  if (!mention.alternatives || mention.kind === 'person') return;
  const all = [{ entityId: mention.entityId, kind: mention.kind }, ...mention.alternatives];
  // The entity's own choices first; else the kind the text chose most ("Chicago 4 Houston 3" lines
  // make the page's other city names teams too).
  const votes = (e: { entityId: string; kind: EntityKind }) => (chosen.get(e.entityId) ?? 0) * 1000 + (chosen.get(` ${e.kind}`) ?? 0);
  let best = 0;
  for (let k = 1; k < all.length; k++) if (votes(all[k]!) > votes(all[best]!)) best = k;
  if (best === 0) return;
  const [top] = all.splice(best, 1);
  mention.entityId = top!.entityId;
  mention.kind = top!.kind;
  mention.alternatives = all;
}

export function createMatcher(list: EntityList): Matcher {
  return runSteps(createMatcherSteps(list));
}

/**
 * createMatcher in resumable steps (see WordAutomaton.compileSteps): the content script compiles a
 * big list between the page's own tasks instead of in one long task.
 */
export function* createMatcherSteps(list: EntityList): Generator<void, Matcher> {
  const { patterns, readings } = yield* compileReadings(list);
  const automaton = yield* WordAutomaton.compileSteps(patterns);
  // Made on the first claim question: a page's first highlights need only the names (issue 14).
  let claimFinder: ReturnType<typeof createClaimFinder> | undefined;

  const oneWord = Uint8Array.from(patterns, (pattern) => (pattern.includes(' ') ? 0 : 1));
  const candidates = new Candidates();
  const scan = (text: string, alreadyIdentified: ReadonlySet<string> = new Set()): ScanResult => {
    candidates.clear();
    /** One-word names this text also writes as ordinary words ("little", "the"). */
    let lowered: Set<number> | undefined;
    automaton.scan(text, (pattern, start, end) => {
      const kept = fitting(text, start, end, readings[pattern]!);
      if (kept) candidates.push(pattern, start, end, kept);
      else if (oneWord[pattern] === 1 && isProseWord(text, start, end)) (lowered ??= new Set()).add(pattern);
    });
    const all = candidates.leftmostLongest();
    // "Little is known ...", where the text also says "little": the word, capitalised by the sentence.
    const selected = lowered
      ? all.filter((i) => {
          const start = candidates.starts[i]!;
          return !lowered!.has(candidates.patterns[i]!) || !atSentenceStart(text, start) || !isCapitalisedWord(text, start, candidates.ends[i]!);
        })
      : all;
    const { starts, ends } = candidates;

    const identified = new Set<string>();
    for (const i of selected) addIdentified(text, starts[i]!, candidates.readings[i]!, identified);
    const known = (id: string) => identified.has(id) || alreadyIdentified.has(id);

    const mentions: Mention[] = [];
    const unresolved: Mention[] = [];
    // Where a cue decided between two kinds ("in Chicago", "Chicago 4 Houston 3"), the same entity
    // comes first where nothing decides, elsewhere in the text: the page's own usage.
    let chosen: Map<string, number> | undefined;
    let undecided = false;
    for (const i of selected) {
      const start = starts[i]!;
      const end = ends[i]!;
      const group = candidates.readings[i]!;
      if (group.length === 1) {
        // The common case, one reading: no resolution object (this runs for every hit).
        const { entity, needsContext } = group[0]!;
        if (!entity || insideLongerName(text, start, end)) continue;
        const mention = { entityId: entity.id, kind: entity.kind, start, end, text: text.slice(start, end) };
        (!needsContext || known(entity.id) ? mentions : unresolved).push(mention);
        continue;
      }
      const resolution = resolve(text, start, end, group, known);
      if (!resolution) continue;
      const [first, ...others] = resolution.entities;
      const mention: Mention = { entityId: first!.id, kind: first!.kind, start, end, text: text.slice(start, end) };
      if (others.length > 0) {
        mention.alternatives = others.map((e) => ({ entityId: e.id, kind: e.kind }));
        undecided = true;
      }
      if (resolution.decided && !resolution.dateline) {
        chosen ??= new Map();
        chosen.set(first!.id, (chosen.get(first!.id) ?? 0) + 1);
        // A kind's votes carry to other names for teams and places (a page of score lines makes its
        // other city names teams); a person named on the page says nothing of another name.
        if (first!.kind !== 'person') chosen.set(` ${first!.kind}`, (chosen.get(` ${first!.kind}`) ?? 0) + 1); // ids have no spaces
      }
      (resolution.resolved ? mentions : unresolved).push(mention);
    }
    if (chosen && undecided) for (const mention of mentions) preferChosen(mention, chosen);
    candidates.clear(); // drop the readings it holds until the next scan
    return { mentions, unresolved, identified };
  };

  return {
    scan,
    findMentions: (text) => scan(text).mentions,
    findClaims: (text) => (claimFinder ??= createClaimFinder(list.claims)).findClaims(text),
  };
}
