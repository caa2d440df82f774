// Who said a quote, from the words around it: "…," Putin said / said Putin, a … / X, a …, told /
// X said: "…" / X told Y: "…" / X described a "…" / he said (the most recent person) / the
// Kremlin said in a statement that … "…".
import { bareName, nameRuns } from './names';

export type Pronoun = 'he' | 'she' | 'it';

/** A speaker as the text gives it: a name, or a pronoun still to be resolved. */
export type SpeakerRef = { name: string; offset: number; determiner: boolean; role?: true } | { pronoun: Pronoun; offset: number };

const VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'declared', 'declares',
  'claimed', 'claims', 'described', 'describes', 'called', 'calls', 'spoke', 'speaks', 'wrote', 'writes',
  'warned', 'warns', 'insisted', 'insists', 'argued', 'argues', 'noted', 'notes', 'explained', 'explains',
  'reiterated', 'reiterates', 'stressed', 'stresses', 'asked', 'asks', 'replied', 'announced', 'announces',
  'confirmed', 'confirms', 'underlined', 'underlines', 'urged', 'urges', 'vowed', 'vows', 'promised',
  'pledged', 'suggested', 'suggests', 'admitted', 'acknowledged', 'hailed', 'hails', 'praised', 'dubbed',
  'proclaimed', 'termed', 'labelled', 'labeled', 'tweeted', 'posted', 'continued', 'concluded', 'recalled', 'observed',
  'remarked', 'commented', 'maintained', 'emphasised', 'emphasized', 'highlighted', 'predicted', 'denied',
  'accused', 'responded', 'answered', 'cautioned', 'boasted', 'complained', 'recounted', 'lamented',
  // Less common, as news writes them: "He begged lawmakers “not to lose sight of”".
  'begged', 'pleaded', 'demanded', 'shouted', 'cried', 'exclaimed', 'quipped', 'joked', 'conceded',
  'countered', 'retorted', 'testified', 'wondered', 'mused', 'whispered', 'yelled', 'screamed',
  'protested', 'objected', 'asserted', 'contended', 'affirmed', 'reaffirmed', 'assured', 'revealed',
  'disclosed', 'confessed', 'swore', 'implored', 'appealed', 'predicts', 'warning', 'telling', 'adding',
];
const VERB_SET: ReadonlySet<string> = new Set(VERBS);
const VERB_ALT = VERBS.join('|');
// Words between a subject and its verb: "has also said", "later told".
const AUX = String.raw`(?:(?:has|have|had|also|later|then|previously|reportedly|once|will|would|could|did|was|were|is|recently|repeatedly|earlier|again|publicly|openly|now|further|himself|herself|itself|only|just|first)\s+)*`;
const PRONOUN = String.raw`(?:he|she|it|He|She|It)`;
const NAME = String.raw`(?:[Tt]he\s+)?\p{Lu}[\p{L}\p{M}\p{N}’'.-]*(?:[ \u00a0](?:(?:of|de|van|von|bin|al)[ \u00a0])?\p{Lu}[\p{L}\p{M}\p{N}’'.-]*)*`;
// ", an associate fellow at the Royal United Services Institute (RUSI) think tank,"
const APPOSITIVE = String.raw`(?:,\s+[^,“”"]{1,160},)?`;

// A role before the name ("spokesman Bala Naidoo", "police chief John Smith"): the name speaks.
const ROLE_WORDS = String.raw`(?:(?:an?|the|its|his|her|their)\s+)?(?:[\p{Ll}\p{N}-]+\s+){0,2}?`;
const AFTER_SUBJECT_VERB = new RegExp(String.raw`^\s*[,—–-]?\s*${ROLE_WORDS}(${PRONOUN}|${NAME})${APPOSITIVE}\s+${AUX}(?:${VERB_ALT})\b`, 'u');
const AFTER_VERB_SUBJECT = new RegExp(String.raw`^\s*[,—–-]?\s*(?:${VERB_ALT})\s+${ROLE_WORDS}(${PRONOUN}|${NAME})`, 'u');
// A body and a role before the name: "said Eagles owner Jeffrey Lurie", "Microsoft chief executive Bill Gates said".
const NOT_ROLE = String.raw`(?:on|in|at|to|from|with|by|for|and|or|of|after|before|during|since|until|the|a|an|that|who|whose|which|as|is|was|has|had|said|says|told)\b`;
// "Pirelli SpA chairman and chief executive officer Marco Tonchetti Provera": two roles joined by "and".
const OWNER_ROLE = String.raw`(?:the\s+)?${NAME}\s+(?:(?!${NOT_ROLE})[\p{Ll}-]+\s+){1,3}(?:and\s+(?:(?!${NOT_ROLE})[\p{Ll}-]+\s+){1,3})?`;
const AFTER_VERB_OWNER_ROLE_NAME = new RegExp(String.raw`^\s*[,—–-]?\s*(?:${VERB_ALT})\s+${OWNER_ROLE}(${NAME})`, 'u');
const AFTER_OWNER_ROLE_NAME_VERB = new RegExp(String.raw`^\s*[,—–-]?\s*${OWNER_ROLE}(${NAME})${APPOSITIVE}\s+${AUX}(?:${VERB_ALT})\b`, 'u');
// A role with no name ("a spokeswoman said", "said police"): the role speaks, never a guessed person.
const ROLES = String.raw`(?:spokes(?:man|woman|person|men|women|people)|officials?|police|aides?|sources?|witness(?:es)?|residents?|analysts?|diplomats?|ministers?|ministry|statement|report|representatives?|lawyers?|prosecutors?|investigators|doctors?|experts?|organi[sz]ers|authorities|army|military|government|traders?|dealers?|brokers?|economists?|strategists?|bankers?|farmers?|workers?|soldiers?|officers?|corporal|sergeant|man|woman|men|women|survivors?|villagers?|protesters?|students?|fans?|banners?|executives?|managers?|members?|leaders?|observers?|commentators?|agency|company|firm|newspaper|daily|radio|television)`;
const ROLE_PHRASE = String.raw`((?:(?:an?|the|one|two|some|its|his|her|their)\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}?${ROLES}(?:\s+(?:with|of|for|at|from)\s+(?:the\s+)?${NAME})?)`;
const AFTER_ROLE_VERB = new RegExp(String.raw`^\s*[,—–-]?\s*${ROLE_PHRASE}\s+${AUX}(?:${VERB_ALT})\b`, 'u');
const AFTER_VERB_ROLE = new RegExp(String.raw`^\s*[,—–-]?\s*(?:${VERB_ALT})\s+${ROLE_PHRASE}\b(?!,?\s+\p{Lu})`, 'u');
const AFTER_ACCORDING_TO = new RegExp(String.raw`^\s*[,—–-]?\s*according\s+to\s+${ROLE_WORDS}(${NAME})`, 'u');
const ACCORDING_TO = new RegExp(String.raw`\baccording to\s+(${NAME})`, 'u');
const SAYING = String.raw`(?:saying|warning|adding|noting|telling|insisting|arguing|stressing|urging|describing|calling|declaring|vowing|promising|pledging|predicting|accusing|asking)`;
const WITH_NAME_SAYING = new RegExp(String.raw`\bwith\s+${ROLE_WORDS}(${NAME})${APPOSITIVE}\s+${SAYING}\b[^“”"]*$`, 'u');
// "…,” Interfax quoted Chernomyrdin as saying": the one quoted speaks, not the agency.
const AFTER_QUOTED_AS_SAYING = new RegExp(String.raw`^\s*[,—–-]?\s*(?:(?:the\s+)?${NAME}|${ROLE_WORDS}[\p{Ll}-]+)\s+(?:quoted|cited|quotes|cites)\s+${ROLE_WORDS}(${PRONOUN}|${NAME})${APPOSITIVE}\s+as\s+(?:saying|telling|writing)\b`, 'u');
// A role phrase that ends right before its verb ("a NATO official", "one senior diplomat").
const ROLE_SUBJECT = new RegExp(String.raw`${ROLE_PHRASE}$`, 'u');
/** Words after which a name is no subject and no speaker ("from Jordan", "at the D.A. Davidson brokerage"). */
export const PREPOSITIONS = String.raw`in|on|at|to|from|with|by|for|into|of|about|against|over|under|between|after|before|during|since|than|like`;
const PREPOSITION_END = new RegExp(String.raw`\b(?:${PREPOSITIONS})\s+(?:the\s+)?$`, 'u');
const PREPOSITION_PHRASE_END = new RegExp(String.raw`\b(?:${PREPOSITIONS})\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$`, 'iu');
// "said the tourist, Khaled Hijazi, 37": the verb, a role, then the name set off by a comma.
const AFTER_VERB_ROLE_COMMA_NAME = new RegExp(String.raw`^\s*[,—–-]?\s*(?:${VERB_ALT})\s+(?:an?|the|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+(${NAME})`, 'u');
// "…,” her mother, Fiona, said": a role, then the name set off by commas.
const AFTER_ROLE_COMMA_NAME_VERB = new RegExp(String.raw`^\s*[,—–-]?\s*(?:an?|the|its|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+,\s+(${NAME}),\s+${AUX}(?:${VERB_ALT})\b`, 'u');
// "“…” to hold up on their plans, Indyk said.": the reporting clause ends the quote's sentence.
const SENTENCE_END_SUBJECT_VERB = new RegExp(String.raw`,\s+(${PRONOUN}|${NAME})\s+${AUX}(?:${VERB_ALT})\s*[.!?]?\s*$`, 'u');

function pronounOf(word: string): Pronoun | undefined {
  const lower = word.toLowerCase();
  return lower === 'he' || lower === 'she' || lower === 'it' ? lower : undefined;
}

function refFrom(raw: string, offset: number): SpeakerRef | undefined {
  const pronoun = pronounOf(raw);
  if (pronoun) return { pronoun, offset };
  const bare = bareName(raw);
  // A full stop that ends the sentence is no part of the name; the dots of "U.S." are.
  if (bare.name.endsWith('.') && !/(?:^|[\s.])\p{L}\.$/u.test(bare.name)) bare.name = bare.name.slice(0, -1);
  if (bare.name === '' || bare.possessive) return undefined;
  // A headline in title case ("Student Dies After Diet Pills She Bought Online") is no name.
  if (/(?:^|\s)(?:She|He|Her|His|Him|They|Their|Them|We|Our|Us|You|Your|It|Its)(?:\s|$)/u.test(bare.name)) return undefined;
  return { name: bare.name, offset: offset + bare.offset, determiner: bare.hadDeterminer };
}

/** The speaker named right after a closing mark: `…,” Putin said`, `…,” said Putin`, `…”, he added`. */
export function speakerAfter(text: string, from: number, limit: number): SpeakerRef | undefined {
  const tail = text.slice(from, Math.min(limit, from + 300));
  // A role that speaks itself ("a spokesman with the Municipal Police told") before any name in its phrase.
  const role = AFTER_ROLE_VERB.exec(tail) ?? AFTER_VERB_ROLE.exec(tail);
  if (role) return { name: role[1]!, offset: from + tail.indexOf(role[1]!, role.index), determiner: true, role: true };
  const m = AFTER_QUOTED_AS_SAYING.exec(tail) ?? AFTER_ROLE_COMMA_NAME_VERB.exec(tail) ?? AFTER_VERB_ROLE_COMMA_NAME.exec(tail) ?? AFTER_SUBJECT_VERB.exec(tail) ?? AFTER_VERB_OWNER_ROLE_NAME.exec(tail) ?? AFTER_OWNER_ROLE_NAME_VERB.exec(tail) ?? AFTER_VERB_SUBJECT.exec(tail) ?? AFTER_ACCORDING_TO.exec(tail);
  if (!m) return undefined;
  const raw = m[1]!;
  return refFrom(raw, from + tail.indexOf(raw, m.index));
}

/** A reporting clause that ends the quote's sentence after more words of the writer's: `“…” to hold up on it, Indyk said.` */
export function speakerAtSentenceEnd(text: string, from: number, sentenceEnd: number): SpeakerRef | undefined {
  const rest = text.slice(from, sentenceEnd);
  if (/[“”"]/u.test(rest)) return undefined;
  const m = SENTENCE_END_SUBJECT_VERB.exec(rest);
  if (!m) return undefined;
  return refFrom(m[1]!, from + m.index + m[0].indexOf(m[1]!));
}

/** The subject right before a verb ending at `end`: a name or a pronoun, or nothing ("Chinese media"). */
function subjectBefore(text: string, start: number, end: number): SpeakerRef | undefined {
  let before = text.slice(start, end);
  const aux = new RegExp(String.raw`\s+${AUX}$`, 'u');
  before = before.replace(aux, '');
  const pronoun = /\b(he|she|it|He|She|It)$/u.exec(before);
  if (pronoun) return { pronoun: pronoun[1]!.toLowerCase() as Pronoun, offset: start + pronoun.index };
  const runs = nameRuns(before);
  const last = runs[runs.length - 1];
  if (!last || last.end !== before.length) {
    // "But a NATO official told Reuters: “…”": a role with no name speaks.
    return roleSubject(before, start);
  }
  // "Putin and Chinese President Xi Jinping declared": the first of a joint subject speaks.
  let chosen = last;
  const previous = runs[runs.length - 2];
  if (previous && /^\s+and\s+$/u.test(before.slice(previous.end, last.start))) chosen = previous;
  // "The only two Arab states to have signed": after a number or quantifier the run is an
  // adjective and the "verb" a plural noun.
  if (/\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|some|all|other|both|these|those|most|few|only)\s+$/iu.test(before.slice(0, chosen.start))) return undefined;
  // "A tourist from Jordan was told": a name after a preposition is no subject; the phrase may
  // be a role's ("A spokesperson for the British Foreign Office reiterated"), or the run's name
  // goes on over the preposition ("The United Nations High Commissioner for Human Rights said").
  if (PREPOSITION_END.test(before.slice(0, chosen.start))) {
    const joined = /(\p{Lu}[\p{L}\p{M}\p{N}’'.-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}’'.-]*)*)\s+(?:for|of)\s+$/u.exec(before.slice(0, chosen.start));
    if (joined) return refFrom(`${joined[1]!} ${before.slice(joined.index + joined[1]!.length, chosen.start).trim()} ${chosen.text}`, start + joined.index);
    return roleSubject(before, start);
  }
  const hasThe = /\b[Tt]he\s+$/u.test(before.slice(0, chosen.start));
  const ref = refFrom(chosen.text, start + chosen.start);
  if (ref && 'name' in ref && hasThe) return { ...ref, determiner: true };
  return ref;
}

/** A role phrase right before a verb ("a NATO official", "a spokesperson for the Foreign Office"), without a leading "But" or "As". */
function roleSubject(before: string, start: number): SpeakerRef | undefined {
  const role = ROLE_SUBJECT.exec(before);
  if (!role) return undefined;
  const name = role[1]!.replace(/^(?:as|but|and|while|when|after|before|because|since|if|then|so|yet)\s+/iu, '');
  return { name, offset: start + role.index + role[0].lastIndexOf(name), determiner: true, role: true };
}

/**
 * The speaker of a quote opening at `open`, from the reporting verbs before it in its sentence,
 * nearest first; a verb whose subject is no name ("Chinese media have described") gives way to
 * an earlier one ("Xinhua confirmed").
 */
export function speakerBefore(text: string, sentenceStart: number, open: number): SpeakerRef | undefined {
  const before = text.slice(sentenceStart, open);
  const according = ACCORDING_TO.exec(before);
  // Lower case only: a capitalised "States" or "Says" is part of a name ("The United States faced").
  const verbs = [...before.matchAll(/\p{L}+/gu)].filter((m) => VERB_SET.has(m[0]));
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i]!;
    const ref = subjectBefore(text, sentenceStart, sentenceStart + verb.index);
    if (ref) return ref;
  }
  if (according) return refFrom(according[1]!, sentenceStart + according.index + according[0].length - according[1]!.length);
  // "…, with Jordanian Foreign Minister Ayman Safadi warning of “…”": the name of the with-clause speaks.
  const withClause = WITH_NAME_SAYING.exec(before);
  if (withClause) return refFrom(withClause[1]!, sentenceStart + withClause.index + withClause[0].indexOf(withClause[1]!));
  return undefined;
}

/** For a partial quote with no reporting verb: the nearest name before it that is no owner and follows no preposition. */
export function nearestNameBefore(text: string, sentenceStart: number, open: number, accept: (name: string) => boolean): SpeakerRef | undefined {
  const before = text.slice(sentenceStart, open);
  const runs = nameRuns(before);
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i]!;
    // A name in a prepositional phrase ("on Belgian club Standard Liege") is no speaker.
    if (PREPOSITION_PHRASE_END.test(before.slice(0, run.start))) continue;
    // "told Reuters": the one told listens.
    if (/\b(?:told|tells|telling|tell)\s+(?:the\s+)?$/u.test(before.slice(0, run.start))) continue;
    const ref = refFrom(run.text, sentenceStart + run.start);
    if (ref && 'name' in ref && accept(ref.name)) return ref;
  }
  return undefined;
}
