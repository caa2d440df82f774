// People, organisations and places an article names. compromise tags the words; our rules find
// the names (capitalised runs), take off titles and owners, read the kind from titles,
// descriptors ("news agency Xinhua", "an associate fellow") and tags, and merge short forms
// ("Putin", "Xi") into the full name the article gave first or later.
import type { EntityKind } from '../types';
import { bareName, isPossessive, nameKey, nameRuns, type NameRun } from '../quotes/names';
import { tagsAt, tagTerms, type TaggedTerm } from './tagged-terms';
import type { Weights } from '../ner/model';
import { recogniseEntities } from './recognised';
import type { FoundEntity } from './found-entity';

export type { FoundEntity };

const ORG_NOUNS = new Set(['agency', 'company', 'firm', 'group', 'party', 'institute', 'ministry', 'newspaper', 'broadcaster', 'outlet', 'bank', 'organisation', 'organization', 'network', 'channel', 'tank', 'website', 'council', 'committee', 'university', 'department', 'corporation', 'union', 'alliance', 'commission', 'foundation', 'association', 'court', 'government', 'army', 'military', 'office', 'club', 'service']);
const PERSON_ROLES = new Set(['fellow', 'analyst', 'professor', 'researcher', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'official', 'minister', 'president', 'reporter', 'correspondent', 'editor', 'leader', 'lawmaker', 'senator', 'ambassador', 'adviser', 'advisor', 'expert', 'economist', 'chief', 'head', 'founder', 'author', 'journalist', 'diplomat', 'politician', 'candidate', 'chairman', 'chairwoman', 'ceo', 'secretary', 'lawyer', 'attorney', 'judge', 'general', 'commander', 'governor', 'mayor', 'member', 'scientist', 'historian', 'lecturer', 'student', 'resident', 'activist', 'photographer', 'manager', 'executive', 'representative', 'envoy', 'prosecutor', 'dean', 'colonel', 'officer', 'sergeant', 'deputy', 'premier', 'king', 'queen', 'prince']);
const REGION_WORDS = new Set(['Western', 'Eastern', 'Northern', 'Southern', 'Central']);
const STOP = new Set(['I', 'Mr', 'Mrs', 'Ms', 'Dr', 'OK', 'TV']);
const ENTITY_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym'];

interface Votes {
  person: number;
  organisation: number;
  place: number;
}

interface Group {
  forms: Map<string, number>;
  votes: Votes;
  contexts: string[];
  firstOffset: number;
  mentions: number;
  aliases: Set<string>;
}

function isEntityWord(tags: ReadonlySet<string>): boolean {
  return ENTITY_TAGS.some((t) => tags.has(t)) && !tags.has('Date') && !tags.has('Month') && !tags.has('WeekDay') && !tags.has('Pronoun');
}

/** Splits a run after owners ("Russia’s | Foreign Minister Sergey Lavrov"), each owner a name of its own. */
function splitAtOwners(run: NameRun): NameRun[] {
  const out: NameRun[] = [];
  let start = run.start;
  for (const m of run.text.matchAll(/\S+/gu)) {
    const wordEnd = run.start + m.index + m[0].length;
    if (isPossessive(m[0]) && wordEnd < run.end) {
      out.push({ start, end: wordEnd, text: run.text.slice(start - run.start, wordEnd - run.start) });
      start = wordEnd + 1;
    }
  }
  out.push({ start, end: run.end, text: run.text.slice(start - run.start) });
  return out;
}

function lowerWordsBefore(text: string, offset: number, count: number): string[] {
  const before = text.slice(Math.max(0, offset - 80), offset);
  const m = /((?:[\p{Ll}-]+\s+){1,4})$/u.exec(before);
  return m ? m[1]!.trim().split(/\s+/u).slice(-count) : [];
}

interface MentionFacts {
  name: string;
  start: number;
  votes: Votes;
  contexts: string[];
  acronym?: string;
}

class ArticleReader {
  private readonly terms: TaggedTerm[];
  constructor(private readonly text: string) {
    this.terms = tagTerms(text);
  }

  private tagsOfWords(name: string, start: number): ReadonlySet<string>[] {
    return [...name.matchAll(/\S+/gu)].map((m) => tagsAt(this.terms, start + m.index));
  }

  /** What one mention says about itself, or undefined when it is no name (a demonym, a month, a sentence-initial word). */
  facts(run: NameRun, owner: string | undefined): MentionFacts | undefined {
    const text = this.text;
    const bare = bareName(run.text);
    let name = bare.name.replace(/[’']s?$/u, '');
    let start = run.start + bare.offset;
    // Leading and trailing words compromise does not see as names ("Keep", "Ahead", "On").
    const words = [...name.matchAll(/\S+/gu)];
    let first = 0;
    let last = words.length - 1;
    const tags = this.tagsOfWords(name, start);
    while (first <= last && !isEntityWord(tags[first]!) && !/^(of|de|bin|al)$/u.test(words[first]![0])) first++;
    while (last >= first && (!isEntityWord(tags[last]!) || /^(of|de|bin|al)$/u.test(words[last]![0]))) last--;
    if (first > last) return undefined;
    const from = words[first]!.index;
    name = name.slice(from, words[last]!.index + words[last]![0].length);
    // A full stop that ends the sentence is no part of the name; the dots of "U.S." are.
    if (name.endsWith('.') && !/(?:^|[\s.])\p{L}\.$/u.test(name)) name = name.slice(0, -1);
    start += from;
    const end = start + name.length;
    const wordTags = tags.slice(first, last + 1);
    if (STOP.has(name)) return undefined;
    const single = first === last;
    const next = text.slice(end, end + 40);
    if (single && (wordTags[0]!.has('Demonym') || REGION_WORDS.has(name) || (/(?:ian|ese|ish|ean)$/u.test(name) && /^\s+\p{Ll}/u.test(next)))) return undefined;

    const votes: Votes = { person: 0, organisation: 0, place: 0 };
    for (const t of wordTags) {
      if (t.has('Person')) votes.person += 1;
      if (t.has('Place')) votes.place += 1;
      if (t.has('Organization')) votes.organisation += 1;
    }
    const contexts: string[] = [];
    if (bare.hadTitle) {
      votes.person += 4;
      const title = run.text.slice(0, start - run.start).trim();
      contexts.push(owner ? `${owner} ${title}` : title);
    }
    if (bare.hadDeterminer || /\b[Tt]he\s+$/u.test(text.slice(Math.max(0, start - 5), start))) votes.person -= 5;
    const before = lowerWordsBefore(text, run.start, 3);
    const beforeWord = before[before.length - 1];
    if (beforeWord && ORG_NOUNS.has(beforeWord)) votes.organisation += 4;
    if (beforeWord && PERSON_ROLES.has(beforeWord)) votes.person += 4;
    const age = /(\d{1,3}-year-old)\s+$/u.exec(text.slice(Math.max(0, start - 20), start));
    if (age) {
      votes.person += 4;
      contexts.push(age[1]!);
    }
    const acronym = /^\s*\((\p{Lu}{2,6})\)/u.exec(next);
    const afterDescriptor = /^\s*(?:\(\p{Lu}{2,6}\)\s*)?((?:[\p{Ll}-]+\s+){0,2}([\p{Ll}-]+))\b/u.exec(next);
    if (afterDescriptor && ORG_NOUNS.has(afterDescriptor[2]!)) votes.organisation += 4;
    const appositive = /^,\s+((?:a|an|the|who|its|his|her)\s[^,.;“”"]{3,120}?)(?=[,.;]|\s+(?:told|said|says)\b)/u.exec(text.slice(end, end + 160));
    if (appositive) {
      const phrase = appositive[1]!;
      const roleWords = phrase.split(/\s+/u);
      if (roleWords.some((w) => PERSON_ROLES.has(w.toLowerCase()))) {
        votes.person += 4;
        contexts.push(phrase);
      } else if (roleWords.some((w) => ORG_NOUNS.has(w.toLowerCase()))) {
        votes.organisation += 2;
        contexts.push(phrase);
      }
    }
    if (/^\s+(?:has\s+|had\s+|also\s+)*(?:said|told|says|added|claimed|described|spoke|declared)\b/u.test(next)) {
      if (votes.person > -3) votes.person += 1;
      else votes.organisation += 2;
    }
    // Two or three name words nobody tagged, mid-sentence: most often a person ("Mao Zedong").
    const wordCount = last - first + 1;
    if (votes.person === 0 && votes.organisation === 0 && votes.place === 0 && wordCount >= 2 && wordCount <= 3 && !/\b(of|de)\b/u.test(name) && !/[.!?]\s*$|^\s*$/u.test(text.slice(Math.max(0, start - 3), start))) {
      votes.person += 1;
    }
    // An acronym nobody tagged is most often a body ("AFP", "NATO").
    if (votes.person === 0 && votes.organisation === 0 && votes.place === 0 && single && /^\p{Lu}{2,6}$/u.test(name)) votes.organisation += 1;
    const facts: MentionFacts = { name, start, votes, contexts };
    if (acronym) facts.acronym = acronym[1]!;
    return facts;
  }

  mentions(): MentionFacts[] {
    const out: MentionFacts[] = [];
    for (const run of nameRuns(this.text)) {
      let owner: string | undefined;
      for (const piece of splitAtOwners(run)) {
        const facts = this.facts(piece, owner);
        if (facts) out.push(facts);
        owner = isPossessive(piece.text) ? piece.text : undefined;
      }
    }
    return out;
  }
}

function kindOf(votes: Votes): EntityKind | undefined {
  const best = Math.max(votes.person, votes.organisation, votes.place);
  if (best <= 0) return undefined;
  if (votes.person === best) return 'person';
  if (votes.organisation === best) return 'organisation';
  return 'place';
}

function add(a: Votes, b: Votes): void {
  a.person += b.person;
  a.organisation += b.organisation;
  a.place += b.place;
}

function longestForm(forms: Map<string, number>): string {
  return [...forms.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || (forms.get(b) ?? 0) - (forms.get(a) ?? 0))[0]!;
}

/**
 * The entities an article names, merged and classified, in order of first mention: by the trained
 * recogniser when its model is given (the review page and the command line load it), else by
 * compromise and the rules below.
 */
export function findEntities(text: string, model?: Weights): FoundEntity[] {
  if (model) return recogniseEntities(text, model);
  const groups = new Map<string, Group>();
  const acronyms = new Map<string, string>(); // acronym key → group key
  for (const m of new ArticleReader(text).mentions()) {
    const key = nameKey(m.name);
    let group = groups.get(key);
    if (!group) {
      group = { forms: new Map(), votes: { person: 0, organisation: 0, place: 0 }, contexts: [], firstOffset: m.start, mentions: 0, aliases: new Set() };
      groups.set(key, group);
    }
    group.forms.set(m.name, (group.forms.get(m.name) ?? 0) + 1);
    add(group.votes, m.votes);
    for (const c of m.contexts) if (!group.contexts.includes(c)) group.contexts.push(c);
    group.mentions++;
    if (m.acronym) acronyms.set(nameKey(m.acronym), key);
  }
  // An acronym given in brackets after a name is that name.
  for (const [short, long] of acronyms) {
    const target = groups.get(long);
    const alias = groups.get(short);
    if (!target || short === long) continue;
    target.aliases.add([...(alias?.forms.keys() ?? [short.toUpperCase()])][0]!);
    if (alias) {
      target.mentions += alias.mentions;
      groups.delete(short);
    }
  }
  // A single word that is part of a longer person's name is that person ("Putin", "Xi").
  const people = [...groups].filter(([key, g]) => key.includes(' ') && kindOf(g.votes) === 'person');
  for (const [key, group] of [...groups]) {
    if (key.includes(' ')) continue;
    const owners = people.filter(([long]) => long.split(' ').includes(key));
    if (owners.length !== 1) continue;
    const [, target] = owners[0]!;
    add(target.votes, { ...group.votes, organisation: 0, place: 0 });
    for (const form of group.forms.keys()) target.aliases.add(form);
    for (const c of group.contexts) if (!target.contexts.includes(c)) target.contexts.push(c);
    target.mentions += group.mentions;
    target.firstOffset = Math.min(target.firstOffset, group.firstOffset);
    groups.delete(key);
  }
  const out: FoundEntity[] = [];
  for (const group of groups.values()) {
    const kind = kindOf(group.votes);
    if (!kind) continue;
    const name = longestForm(group.forms);
    const aliases = new Set([...group.aliases, ...group.forms.keys()]);
    aliases.delete(name);
    out.push({ name, kind, aliases: [...aliases], contexts: group.contexts, firstOffset: group.firstOffset, mentions: group.mentions });
  }
  return out.sort((a, b) => a.firstOffset - b.firstOffset);
}
