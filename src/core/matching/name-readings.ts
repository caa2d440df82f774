// Which entity a hit names, when the list gives its string more than one reading: a surname that
// waits for the page to identify its person, one string for two entities ("Washington" the place
// and a person named Washington; "Jordan"; a city and its team). The page decides where it can (a
// title or "who" means a person; "in", "from", "to", "at" before it, or a dateline, mean a place; a
// score line, "v" or a contest verb mean a team: kind-cues.ts); otherwise the mention carries every
// reading left and the card offers them all rather than guessing.
import { SPACE } from '../text/normalize';
import { personCue, teamCue, thingCue } from './kind-cues';
import { precededByTitle, TITLES } from './titles';
import type { Entity, EntityKind } from '../types';
import type { CaseRule } from './name-case';
import { foldOf, isWordUnit } from '../text/word-chars';

/** One reading of a normalised pattern; several entities (or a distinct name) may share one. */
export interface Reading {
  /** Undefined for a distinct name: it takes the span and reports nothing. */
  entity?: { id: string; kind: EntityKind };
  /** Typographic (case-kept) form the original must equal, for exactCase aliases. */
  exactForm?: string;
  /** How the page must write it (name-case.ts): the default for names and aliases without exactCase. */
  caseRule?: CaseRule;
  needsContext: boolean;
  /** A one-word name that is a day of the week: the day, unless the page reads it as a team (weekday-names.ts). */
  weekday?: boolean;
}

export interface Resolution {
  /** The entities the hit may name, the likeliest first; one when the page decided. */
  entities: { id: string; kind: EntityKind }[];
  /** False for a surname whose person the text has not identified (yet). */
  resolved: boolean;
  /** Entities of different kinds shared the words and a cue of the page chose among them. */
  decided?: boolean;
  /**
   * The cue was a dateline: it says where the story was filed, not how the story uses the name
   * ("NICE, France" above a report on the club), so it does not vote for the page's other mentions.
   */
  dateline?: boolean;
}

/**
 * A one-word alias of a person with a longer name ("Major" of John Major, "Said" of Umar Said) is
 * a surname or a first name: unless the list says otherwise, it counts only where the page
 * identifies the person (the full name on the page, or a title right before it).
 */
export function isPartOfPersonName(entity: Pick<Entity, 'kind' | 'name'>, alias: string): boolean {
  return entity.kind === 'person' && !SPACES.test(alias.trim()) && SPACES.test(entity.name.trim());
}

/** Whitespace as normalize.ts collapses it (JavaScript's \s is the same set, bar U+180E). */
const SPACES = /\s/;

/**
 * Adds the entity ids a hit identifies on the page: a full name or plain alias, or a title and the
 * surname of one person. Called for every hit: no allocation.
 */
export function addIdentified(text: string, start: number, readings: readonly Reading[], identified: Set<string>): void {
  let plain = false;
  let person: string | undefined;
  let people = 0;
  for (const { entity, needsContext } of readings) {
    if (!entity) continue;
    if (!needsContext) {
      identified.add(entity.id);
      plain = true;
    } else if (entity.kind === 'person') {
      person = entity.id;
      people++;
    }
  }
  if (!plain && people === 1 && precededByTitle(text, start)) identified.add(person!);
}

/** The entities a hit names (see the file comment); undefined for a distinct name. */
export function resolve(
  text: string,
  start: number,
  end: number,
  readings: readonly Reading[],
  known: (id: string) => boolean,
): Resolution | undefined {
  if (!readings[0]!.entity) return undefined;
  if (insideLongerName(text, start, end)) return undefined;
  if (readings.length === 1) {
    const only = readings[0]!;
    const entity = only.entity!;
    return { entities: [entity], resolved: !only.needsContext || known(entity.id) || precededByTitle(text, start) };
  }
  const plain: Reading[] = [];
  const waiting: Reading[] = [];
  const identified: Reading[] = [];
  for (const reading of readings) {
    if (!reading.entity) continue;
    if (!reading.needsContext) plain.push(reading);
    else if (known(reading.entity.id)) identified.push(reading);
    else waiting.push(reading);
  }
  const titled = precededByTitle(text, start);
  // A person the page has named in full comes first: "Jordan" after "Michael Jordan" is him.
  // A title right before it names a person the list knows by this surname ("Mr Washington").
  const waitingPeople = unique(waiting).filter((e) => e.kind === 'person');
  if (titled && waitingPeople.length > 0) {
    const people = unique([...identified, ...waiting]).filter((e) => e.kind === 'person');
    return { entities: people, resolved: true, decided: plain.length > 0 };
  }
  let entities = unique([...identified, ...plain]);
  if (entities.length === 0) return { entities: unique(waiting), resolved: false };
  if (entities.some((e) => e.kind !== entities[0]!.kind)) {
    const has = (kind: EntityKind) => entities.some((e) => e.kind === kind);
    const wanted = kindCue(text, start, end, titled, has);
    if (wanted) {
      const dateline = wanted === 'place' && wordBefore(text, start) === null;
      return { entities: entities.filter((e) => e.kind === wanted), resolved: true, decided: true, ...(dateline ? { dateline } : {}) };
    }
    if (has('person') && thingCue(text, end)) entities = entities.filter((e) => e.kind !== 'person');
    // Undecided: a person the page named in full stays first; else the place, the likelier reading
    // in news. A person the list knows by this one word alone comes after the place: like a
    // surname, it stands for the person where the page says so (a title, "who").
    const named = new Set(unique(identified).map((e) => e.id));
    const rank = (e: { id: string; kind: EntityKind }) => (named.has(e.id) ? -1 : KIND_ORDER[e.kind]);
    entities.sort((a, b) => rank(a) - rank(b));
  }
  return { entities, resolved: true };
}

const KIND_ORDER: Record<EntityKind, number> = { place: 0, person: 1, organisation: 2 };

/**
 * The kind the words around a hit give it, among the kinds it may have (kind-cues.ts, and the
 * place cues below); a cue for a kind the hit cannot be ("Essex, who": no person Essex) is passed over.
 */
function kindCue(
  text: string,
  start: number,
  end: number,
  titled: boolean,
  has: (kind: EntityKind) => boolean,
): EntityKind | undefined {
  if (has('person') && (titled || personCue(text, end))) return 'person';
  if (has('place') && placeCue(text, start, end)) return 'place';
  if (has('organisation') && (scoreLine(text, start, end) || teamCue(text, start, end))) return 'organisation';
  return undefined;
}

function unique(readings: readonly Reading[]): { id: string; kind: EntityKind }[] {
  const seen = new Set<string>();
  const out: { id: string; kind: EntityKind }[] = [];
  for (const { entity } of readings) {
    if (!entity || seen.has(entity.id)) continue;
    seen.add(entity.id);
    out.push(entity);
  }
  return out;
}

/** Words before a name that make it a place. */
const PLACE_WORDS: ReadonlySet<string> = new Set(['in', 'from', 'to', 'near', 'at']);

/** "in Washington", "at Detroit", or Washington as a dateline (the first words of a line, then a date, "(" or a dash, maybe after ", Region"). */
export function placeCue(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  if (before !== null) return PLACE_WORDS.has(before);
  return isDateline(text, end);
}

/**
 * The folded word right before `start` across spaces; null when the hit opens a line (or the
 * text); '' when something else (punctuation) stands before it.
 */
function wordBefore(text: string, start: number): string | null {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) !== 0x0a && foldOf(text.charCodeAt(i)) === SPACE) i--;
  if (i < 0 || text.charCodeAt(i) === 0x0a) return null;
  const wordEnd = i + 1;
  while (i >= 0 && isWordUnit(text.charCodeAt(i))) i--;
  if (wordEnd - (i + 1) > 12) return '';
  let word = '';
  for (let k = i + 1; k < wordEnd; k++) word += String.fromCharCode(foldOf(text.charCodeAt(k)));
  return word;
}

/** A dateline's date: "1996-08-30", "Aug 30". */
const DATE = String.raw`(?:\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)`;

/**
 * After a dateline's place: a date, "(Reuters)" or a dash, maybe after a region (", Texas
 * 1996-08-30", ", Ukraine (AP) -"). A comma alone is not enough: "Jordan, whose film ..." opens a sentence.
 */
const DATELINE_TAIL = new RegExp(
  String.raw`^[^\S\n]*(?:,[^\S\n]*(?:[A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*){0,2}[^\S\n]*)??)?(?:${DATE}|[(\u2013\u2014-])`,
);

function isDateline(text: string, end: number): boolean {
  return DATELINE_TAIL.test(text.slice(end, end + 48));
}

/** A score or standings line ("Chicago 4 HOUSTON 3", "NEW YORK 74 59 .556"): a team, not the city. */
const SCORE_AFTER = /^[^\S\n]+\d{1,3}(?:-\d{1,2})?(?:\s|$)/;

/** Also a cricket score, runs for wickets ("Essex 194-0", "Surrey 128-4"). */
export function scoreLine(text: string, start: number, end: number): boolean {
  if (!SCORE_AFTER.test(text.slice(end, end + 9))) return false;
  const before = wordBefore(text, start);
  return before === null || /^\d{1,3}$/.test(before);
}

/**
 * Capitalised words after a name that make it part of another name: an event or a prize ("U.S.
 * Open", "UEFA Cup", "Atlanta Games", "Labour Day", "Gulf War") is not a mention of the place or body.
 */
const EVENT_NAMES = ['Open', 'Cup', 'Games', 'Grand Prix', 'Championship', 'Championships', 'Classic', 'Masters', 'Trophy', 'Festival', 'Film Festival', 'Day', 'War', 'Prize', 'Award', 'Marathon', 'Rally', 'Tour'];

/** Each event word as a name writes it, or in a headline's capitals ("HONG KONG OPEN", "FED CUP"). */
const EVENT_ALTERNATIVES = EVENT_NAMES.flatMap((w) => [w, w.toUpperCase()]).join('|');
const EVENT_WORDS = new RegExp(` (?:${EVENT_ALTERNATIVES})\\b`, 'y');

/** An event named "... of" a place: "Tour of the Netherlands", "TOUR OF NETHERLANDS", "Grand Prix of Europe". */
const EVENT_OF = new RegExp(`(?:^|[^\\p{L}])(?:${EVENT_ALTERNATIVES})[^\\S\\n]+(?:of|OF)[^\\S\\n]+(?:(?:the|THE)[^\\S\\n]+)?$`, 'u');

/** Cheap gate before EVENT_OF: "of " or "the " (any case) right before the hit. */
function afterOfOrThe(text: string, start: number): boolean {
  if (start < 8 || text.charCodeAt(start - 1) !== 0x20) return false;
  const a = text.charCodeAt(start - 3) | 0x20;
  const b = text.charCodeAt(start - 2) | 0x20;
  return (a === 0x6f && b === 0x66) || (a === 0x68 && b === 0x65 && (text.charCodeAt(start - 4) | 0x20) === 0x74);
}

/**
 * A compass word before another capitalised word is part of that name ("South Korean", "North
 * American"); a title before another name is not the person the list calls by it ("King Norodom
 * Sihanouk" is not a person named King). Sticky expressions read the text in place: no string per hit.
 */
const TITLE_OR_COMPASS = new RegExp(`(?:north|south|east|west|${[...TITLES].join('|')})(?= [A-Z])`, 'iy');

export function insideLongerName(text: string, start: number, end: number): boolean {
  if (inCompoundWord(text, start, end)) return true;
  if (afterOfOrThe(text, start) && EVENT_OF.test(text.slice(start - 40 < 0 ? 0 : start - 40, start))) return true;
  // Both rules below need a capital letter after one space: most hits stop here, without a string.
  if (end + 1 >= text.length || foldOf(text.charCodeAt(end)) !== SPACE) return false;
  const next = text.charCodeAt(end + 1);
  if (next < 0x41 || next > 0x5a) return false;
  if (end - start <= 20) {
    TITLE_OR_COMPASS.lastIndex = start;
    if (TITLE_OR_COMPASS.test(text) && TITLE_OR_COMPASS.lastIndex === end) return true;
  }
  EVENT_WORDS.lastIndex = end;
  return EVENT_WORDS.test(text);
}

const isHyphen = (unit: number) => unit === 0x2d || unit === 0x2010 || unit === 0x2011;

/** A letter without case or in lowercase: the start or end of an ordinary word ("based", "ex"). */
const isLowerWordUnit = (unit: number) => isWordUnit(unit) && foldOf(unit) === unit && !(unit >= 0x30 && unit <= 0x39);

/**
 * A name joined by a hyphen to a lowercase word is part of that word, a modifier, not a mention of
 * its own ("Tripoli-based diplomats", "ex-England bowler", "U.S.-led planes", "pre-Castro Cuba").
 * Joined to a capitalised word it still is one: a pair of names ("U.S.-Israeli relations",
 * "US-Ukraine") or a German compound ("US-Bundesstaat"). A name the list writes with its hyphen
 * matches whole, before this test; a dash with spaces ("Paris - Berlin") is punctuation.
 */
export function inCompoundWord(text: string, start: number, end: number): boolean {
  if (end + 1 < text.length && isHyphen(text.charCodeAt(end)) && isLowerWordUnit(text.charCodeAt(end + 1))) return true;
  if (start < 2 || !isHyphen(text.charCodeAt(start - 1)) || !isWordUnit(text.charCodeAt(start - 2))) return false;
  // The word before: its first letter says ("ex-England", not "Canadian-US"), or it is a prefix
  // in any case ("Pro-Moscow" opening a sentence, "PRE-SALE" in capitals).
  let i = start - 2;
  while (i > 0 && isWordUnit(text.charCodeAt(i - 1))) i--;
  return isLowerWordUnit(text.charCodeAt(i)) || (start - 1 - i <= 5 && PREFIXES.has(text.slice(i, start - 1).toLowerCase()));
}

/** Prefixes that make a modifier of the name they are joined to. */
const PREFIXES: ReadonlySet<string> = new Set(['ex', 'pro', 'anti', 'pre', 'post', 'non', 'neo']);
