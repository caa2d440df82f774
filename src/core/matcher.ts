// The entity matcher: every alias, canonical name and distinct name of the list compiled into one
// automaton, then leftmost-longest selection, exact-case checks and surname context.

import { WordAutomaton } from './automaton';
import { createClaimFinder } from './claims';
import { normalizedSpanEquals, normalizePattern, typographicTable } from './normalize';
import { precededByTitle } from './titles';
import type { ClaimMention, EntityKind, EntityList, Mention } from './types';

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

/** One reading of a normalised pattern; several entities (or a distinct name) may share one. */
interface Reading {
  /** Undefined for a distinct name: it takes the span and reports nothing. */
  entity?: { id: string; kind: EntityKind };
  /** Typographic (case-kept) form the original must equal, for exactCase aliases. */
  exactForm?: string;
  needsContext: boolean;
}

interface Candidate {
  start: number;
  end: number;
  reading: Reading;
}

/** Distinct names first (they exist to veto), then plain aliases, then surnames. */
function readingRank(reading: Reading): number {
  if (!reading.entity) return 0;
  return reading.needsContext ? 2 : 1;
}

function compileReadings(list: EntityList): { patterns: string[]; readings: Reading[][] } {
  const indexOf = new Map<string, number>();
  const readings: Reading[][] = [];
  const add = (text: string, reading: Reading): void => {
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
  for (const entity of list.entities) {
    const ref = { id: entity.id, kind: entity.kind };
    add(entity.name, { entity: ref, needsContext: false });
    for (const alias of entity.aliases) {
      add(alias.text, {
        entity: ref,
        needsContext: alias.needsContext === true,
        ...(alias.exactCase ? { exactForm: normalizePattern(alias.text, typographicTable()) } : {}),
      });
    }
  }
  for (const distinct of list.distinct) add(distinct.text, { needsContext: false });
  for (const group of readings) group.sort((a, b) => readingRank(a) - readingRank(b));
  return { patterns: [...indexOf.keys()], readings };
}

function firstFitting(text: string, start: number, end: number, group: readonly Reading[]): Reading | undefined {
  const typographic = typographicTable();
  return group.find(
    (reading) =>
      reading.exactForm === undefined || normalizedSpanEquals(text, start, end, reading.exactForm, typographic),
  );
}

/** Leftmost first, then longest; a candidate overlapping one already taken is dropped. */
function leftmostLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const taken: Candidate[] = [];
  let takenEnd = -1;
  for (const candidate of candidates) {
    if (candidate.start < takenEnd) continue;
    taken.push(candidate);
    takenEnd = candidate.end;
  }
  return taken;
}

function toMention(text: string, candidate: Candidate, entity: { id: string; kind: EntityKind }): Mention {
  const { start, end } = candidate;
  return { entityId: entity.id, kind: entity.kind, start, end, text: text.slice(start, end) };
}

export function createMatcher(list: EntityList): Matcher {
  const { patterns, readings } = compileReadings(list);
  const automaton = WordAutomaton.compile(patterns);
  const claimFinder = createClaimFinder(list.claims);

  const scan = (text: string, alreadyIdentified: ReadonlySet<string> = new Set()): ScanResult => {
    const candidates: Candidate[] = [];
    automaton.scan(text, (pattern, start, end) => {
      const reading = firstFitting(text, start, end, readings[pattern]!);
      if (reading) candidates.push({ start, end, reading });
    });
    const selected = leftmostLongest(candidates);

    const identified = new Set<string>();
    for (const candidate of selected) {
      const entity = candidate.reading.entity;
      if (!entity) continue;
      if (!candidate.reading.needsContext || precededByTitle(text, candidate.start)) identified.add(entity.id);
    }

    const mentions: Mention[] = [];
    const unresolved: Mention[] = [];
    for (const candidate of selected) {
      const entity = candidate.reading.entity;
      if (!entity) continue;
      const resolved =
        !candidate.reading.needsContext || identified.has(entity.id) || alreadyIdentified.has(entity.id);
      (resolved ? mentions : unresolved).push(toMention(text, candidate, entity));
    }
    return { mentions, unresolved, identified };
  };

  return {
    scan,
    findMentions: (text) => scan(text).mentions,
    findClaims: (text) => claimFinder.findClaims(text),
  };
}
