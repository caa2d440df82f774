// Direct quotes of an article with their speakers: the marks give the words, the prose around
// them gives the speaker (see attribution.ts), pronouns go to the most recent person.
import { splitSentences, type SentenceSpan } from '../text/sentences';
import { cleanQuoteText, findQuoteGroups, type QuoteGroup, type QuotePart } from './marks';
import { bareName, nameRuns } from './names';
import { PREPOSITIONS, nearestNameBefore, speakerAfter, speakerAtSentenceEnd, speakerBefore, type SpeakerRef } from './attribution';
import type { KnownSpeaker, ResolveSpeaker } from './resolver';

export interface QuoteSource {
  url?: string;
  title: string;
  outlet: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
}

/**
 * The entity a quote belongs to: its speaker, or the organisation a role speaks for ("A Kremlin
 * spokesman" for the Kremlin), whose quote it then is, the role named as its speaker. The one rule
 * for the harvest and for "Add this article".
 */
export function quoteOwner(quote: { speakerId?: string; speakerForId?: string }): string | undefined {
  return quote.speakerId ?? quote.speakerForId;
}

export interface ExtractedQuote {
  /** The quoted words, without the marks. */
  text: string;
  /** The speaker's name as the text gives it (titles taken off), or undefined when no one is named. */
  speaker?: string;
  /** Entity id of the speaker, where resolveSpeaker knows the name. */
  speakerId?: string;
  /**
   * Entity id of the organisation a role speaks for ("a NATO official", "a spokesman for the
   * Iraqi National Congress"), where resolveSpeaker knows it; the speaker stays the role.
   */
  speakerForId?: string;
  /** The sentence(s) the quote stands in, verbatim: text.slice(sentenceStart, sentenceEnd). */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Offsets of the quoted words in the text. */
  start: number;
  end: number;
  source: QuoteSource;
}

export interface QuoteOptions {
  resolveSpeaker: ResolveSpeaker;
  source: QuoteSource;
}

interface Speaker {
  name: string;
  known?: KnownSpeaker;
  /** The organisation a role speaks for (its `known` stays empty: the role is nobody the list knows). */
  speaksFor?: KnownSpeaker;
}

interface PersonMention {
  offset: number;
  speaker: Speaker;
}

// A name after a preposition ("at the D.A. Davidson brokerage", "on active duty in the Navy") is
// no subject: a pronoun rarely points back to it. Nor after "contained" ("products that
// contained DNP. “…,” it said": not DNP).
const PREPOSITION_BEFORE = new RegExp(String.raw`\b(?:${PREPOSITIONS}|contained|containing)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,1}$`, 'iu');

const NAMING_BEFORE = /\b(?:(?:known|referred to|portrayed|billed|branded|nicknamed)\s+(?:as\s+)?(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+(?:or|and)\s+)?|so-called\s+|nicknamed\s+(?:the\s+)?)$/iu;

// Words a title leaves in lower case ("Anne of a Thousand Days", "Artisans for Peace").
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'de', 'la', 'le', 'du', 'von', 'van']);

/** Two to six words, each capitalised but for a title's small words: a title or a name, not speech. */
function isTitleCase(quoted: string): boolean {
  const words = quoted.trim().replace(/[,.;:!?]+$/u, '').split(/\s+/u);
  if (words.length < 2 || words.length > 6) return false;
  return /^\p{Lu}/u.test(words[0]!) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

/** The last sentence with words that ends at or before `offset` (the block separator's U+FFFC is none). */
function sentenceBefore(text: string, spans: readonly SentenceSpan[], offset: number): SentenceSpan | undefined {
  // Spans are in text order: the first that ends after `offset`, by halves, then back to words.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) {
    const span = spans[i]!;
    if (/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) return span;
  }
  return undefined;
}

function sentenceAt(spans: readonly SentenceSpan[], offset: number): SentenceSpan {
  for (const span of spans) if (offset >= span.start && offset < span.end) return span;
  return { start: offset, end: offset };
}

/**
 * Where each paragraph break of `text` ends. A break is a run of line breaks and blank space: a
 * blank line in a text file, or the page reader's block separator ("\n\uFFFC\n"), counts once.
 * (Counted line by line, a page's next paragraph was two away, never "the previous one".)
 */
function paragraphBreaks(text: string): number[] {
  return [...text.matchAll(/\n[\s\uFFFC]*/gu)].map((m) => m.index + m[0].length);
}

/** How many of the breaks end at or before `offset` (a binary search: a long page has thousands). */
function breaksBefore(breaks: readonly number[], offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (breaks[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

class QuoteReader {
  private readonly spans: SentenceSpan[];
  /** Names the text gives that resolve, in order: what "he", "she" and "it" refer back to. */
  private readonly mentions: PersonMention[] = [];
  /** Where the latest quote with a speaker closed. */
  private lastQuotedAt = -1;
  /** The text's quotes, by their marks (read once). */
  private readonly groups: QuoteGroup[];
  /** Where the text's paragraph breaks end (paragraphBreaks). */
  private readonly breaks: number[];

  constructor(private readonly text: string, private readonly opts: QuoteOptions) {
    this.spans = splitSentences(text);
    // Names inside quotation marks are the speaker's words, not the writer's: "he" never points into them.
    // Both in text order: one sweep, not a search per name (a long page has thousands of each).
    this.groups = findQuoteGroups(text);
    this.breaks = paragraphBreaks(text);
    const quoted = this.groups.flat();
    let next = 0;
    for (const run of nameRuns(text)) {
      while (next < quoted.length && quoted[next]!.close <= run.start) next++;
      const part = quoted[next];
      if (part && run.start >= part.open) continue;
      const bare = bareName(run.text);
      if (bare.name === '') continue;
      const known = opts.resolveSpeaker(bare.name);
      if (!known) continue;
      if (PREPOSITION_BEFORE.test(text.slice(Math.max(0, run.start - 40), run.start))) continue;
      this.mentions.push({ offset: run.start + bare.offset, speaker: { name: bare.name, known } });
    }
  }

  private resolve(ref: SpeakerRef | undefined, quoted: Speaker[]): Speaker | undefined {
    if (!ref) return undefined;
    if ('name' in ref) {
      if (ref.role) return this.namedBefore(ref.name, ref.offset) ?? this.roleSpeaker(ref.name, quoted);
      const known = this.opts.resolveSpeaker(ref.name);
      if (known) return { name: ref.name, known };
      // "John Casesa of Schroder Wertheim": the person before "of" speaks.
      const person = /^(.+?)\s+of\s+\p{Lu}/u.exec(ref.name);
      const owner = person ? this.opts.resolveSpeaker(person[1]!) : undefined;
      if (person && owner?.kind === 'person') return { name: person[1]!, known: owner };
      return { name: ref.name };
    }
    const wanted = ref.pronoun === 'it' ? 'organisation' : 'person';
    let best: PersonMention | undefined;
    for (const m of this.mentions) {
      if (m.offset >= ref.offset) break;
      if (m.speaker.known?.kind === wanted) best = m;
    }
    // A speaker nobody's list knows still counts as the most recent person when quoted last; so
    // does a role quoted after the latest name ("…,” said a spokeswoman. … “…,” she said).
    const lastQuoted = quoted[quoted.length - 1];
    if (lastQuoted && ref.pronoun !== 'it' && lastQuoted.known?.kind !== 'organisation' && lastQuoted.known?.kind !== 'place') {
      if (!best || (lastQuoted.known === undefined && this.lastQuotedAt > best.offset && this.lastQuotedAt <= ref.offset)) return lastQuoted;
    }
    return best?.speaker;
  }

  /** The quote is the whole of its paragraph but for a list number or a mark of punctuation. */
  private standsAlone(part: QuotePart): boolean {
    const text = this.text;
    const lineStart = text.lastIndexOf('\n', part.open - 1) + 1;
    const lineEnd = text.indexOf('\n', part.close);
    const before = text.slice(lineStart, part.open);
    const after = text.slice(part.close, lineEnd === -1 ? text.length : lineEnd);
    return /^[\s\uFFFC]*(?:\d+[.)]\s*)?$/u.test(before) && /^[\s\uFFFC.,:;!?]*$/u.test(after);
  }

  /**
   * A role with no name, and the organisation it names if the list knows one: "a NATO official",
   * "A Kremlin spokesman", "a spokesperson for the British Foreign Office" (the longest end of a
   * name that the list knows: "Foreign Office"). Only organisations: "a Russia expert" speaks for
   * no one, and a single word of a person's name is no body. "The spokesman" after "a spokesman
   * with the Municipal Police" was quoted speaks for the same body: the latest quoted role with
   * that noun and an organisation.
   */
  private roleSpeaker(role: string, quoted: readonly Speaker[]): Speaker {
    for (const run of nameRuns(role)) {
      const words = run.text.split(/\s+/u);
      for (let i = 0; i < words.length; i++) {
        const known = this.opts.resolveSpeaker(words.slice(i).join(' '));
        if (known?.kind === 'organisation') return { name: role, speaksFor: known };
      }
    }
    const noun = /^the\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)$/iu.exec(role)?.[1]?.toLowerCase();
    if (noun) {
      for (let i = quoted.length - 1; i >= 0; i--) {
        const earlier = quoted[i]!;
        if (earlier.speaksFor && earlier.name.toLowerCase().split(/\s+/u).includes(noun)) return { name: role, speaksFor: earlier.speaksFor };
      }
    }
    return { name: role };
  }

  /**
   * "the radio" after "Damascus Radio said": the latest name ending in the role's noun. ("The
   * company" is not taken for the latest organisation named: on corpus pages that was as often a
   * newspaper or a place name.)
   */
  private namedBefore(role: string, offset: number): Speaker | undefined {
    const noun = /^the\s+([\p{L}-]+)$/iu.exec(role)?.[1]?.toLowerCase();
    if (!noun) return undefined;
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.offset >= offset) continue;
      const words = m.speaker.name.toLowerCase().split(/\s+/u);
      if (words.length > 1 && words[words.length - 1] === noun) return m.speaker;
    }
    return undefined;
  }

  private attribute(part: QuotePart, quoted: Speaker[], previous: { speaker?: Speaker; paragraph: number } | undefined): Speaker | undefined {
    const text = this.text;
    // A nickname inside a name (Roberto "Hands of Stone" Duran) is nobody's words; words that end
    // in a comma or a stop are speech ("Thursday. “The talks went well,” Putin said.").
    const quotedWords = text.slice(part.textStart, part.textEnd).trim();
    const words = quotedWords.split(/\s+/u).length;
    if (words <= 4 && !/[,.!?;:…]$/u.test(quotedWords) && /\p{Lu}[\p{L}\p{M}'’.-]*\s$/u.test(text.slice(Math.max(0, part.open - 40), part.open)) && /^\s\p{Lu}/u.test(text.slice(part.close, part.close + 3))) return undefined;
    // "known as the “Three Amigos”", "a so-called “safety net”": a label, nobody's words.
    if (words <= 4 && NAMING_BEFORE.test(text.slice(Math.max(0, part.open - 40), part.open))) return undefined;
    const openSentence = sentenceAt(this.spans, part.open);
    const closeSentence = sentenceAt(this.spans, Math.max(part.open, part.close - 1));
    // "“…fixed it?” Schiff asked.": a quote that ends in ? or ! ends its sentence for the splitter,
    // and the reporting clause stands in the next one.
    const asks = /[?!]\s*$/u.test(text.slice(part.textStart, part.textEnd));
    const afterLimit = asks ? (this.spans.find((span) => span.start >= part.close)?.end ?? closeSentence.end) : closeSentence.end;
    const after = this.resolve(speakerAfter(text, part.close, Math.max(afterLimit, closeSentence.end)), quoted);
    if (after) return after;
    // “Anne of a Thousand Days”, “Iron Lady”, “Strike Hard”: a title, name or slogan, nobody's words.
    if (isTitleCase(text.slice(part.textStart, part.textEnd))) return undefined;
    const before = this.resolve(speakerBefore(text, openSentence.start, part.open), quoted);
    if (before) return before;
    const atEnd = this.resolve(speakerAtSentenceEnd(text, part.close, closeSentence.end), quoted);
    if (atEnd) return atEnd;
    const startsSentence = text.slice(openSentence.start, part.open).trim() === '';
    const paragraph = breaksBefore(this.breaks, part.open);
    // `Obama said: “…”. Abbas “has put aside efforts…”`: the name is the subject of the quoted
    // words, which go on the speaker's words of this paragraph.
    if (!startsSentence && previous?.speaker && previous.paragraph === paragraph && /\p{Lu}[\p{L}\p{M}’'.-]*\s+$/u.test(text.slice(openSentence.start, part.open)) && /^\p{Ll}/u.test(text.slice(part.textStart, part.textEnd).trimStart())) return previous.speaker;
    if (!startsSentence) {
      const near = nearestNameBefore(text, openSentence.start, part.open, (name) => {
        const kind = this.opts.resolveSpeaker(name)?.kind;
        return kind === 'person' || kind === 'organisation';
      });
      return this.resolve(near, quoted);
    }
    // A few words in marks standing as a paragraph of their own, with no full stop: a heading
    // ("6. “The Gordon problem”"), nobody's speech here (it may echo a quote below: withEchoedSpeakers).
    if (words <= 6 && !/[.?!…]/u.test(text.slice(part.textStart, part.textEnd)) && this.standsAlone(part)) return undefined;
    // A quote standing as its own sentence continues the last speaker of this or the previous paragraph…
    if (previous?.speaker && paragraph - previous.paragraph <= 1) return previous.speaker;
    // …or belongs to the person the sentence before introduced ("X spoke on Tuesday.").
    // The sentence before, over any blank lines between paragraphs (two characters back landed
    // on the blank line, between sentences, and found none).
    const prior = sentenceBefore(text, this.spans, openSentence.start);
    if (prior) {
      const ref = speakerBefore(text, prior.start, prior.end) ?? nearestNameBefore(text, prior.start, prior.end, (name) => this.opts.resolveSpeaker(name)?.kind === 'person');
      return this.resolve(ref, quoted);
    }
    return undefined;
  }

  read(): ExtractedQuote[] {
    const out: ExtractedQuote[] = [];
    const quoted: Speaker[] = [];
    let previous: { speaker?: Speaker; paragraph: number } | undefined;
    for (const group of this.groups) {
      const speaker = this.groupSpeaker(group, quoted, previous);
      if (speaker) {
        quoted.push(speaker);
        this.lastQuotedAt = group[group.length - 1]!.close;
      }
      for (const part of group) out.push(this.toQuote(part, speaker));
      previous = { speaker, paragraph: breaksBefore(this.breaks, group[group.length - 1]!.open) };
    }
    return withEchoedSpeakers(out.filter((q) => q.text !== ''));
  }

  /** A quote over several paragraphs names its speaker once, in any of them. */
  private groupSpeaker(group: QuoteGroup, quoted: Speaker[], previous: { speaker?: Speaker; paragraph: number } | undefined): Speaker | undefined {
    for (const part of [...group].reverse()) {
      const closed = part === group[group.length - 1];
      const found = closed || group.length === 1 ? this.attribute(part, quoted, previous) : undefined;
      if (found) return found;
    }
    return this.attribute(group[0]!, quoted, previous);
  }

  private toQuote(part: QuotePart, speaker: Speaker | undefined): ExtractedQuote {
    const raw = this.text.slice(part.textStart, part.textEnd);
    const text = cleanQuoteText(raw);
    const lead = raw.length - raw.trimStart().length;
    const first = sentenceAt(this.spans, part.open);
    const last = sentenceAt(this.spans, Math.max(part.open, part.close - 1));
    const sentenceStart = Math.min(first.start, part.open);
    const sentenceEnd = Math.max(last.end, part.close);
    const quote: ExtractedQuote = {
      text,
      sentence: this.text.slice(sentenceStart, sentenceEnd),
      sentenceStart,
      sentenceEnd,
      start: part.textStart + lead,
      end: part.textStart + lead + text.length,
      source: this.opts.source,
    };
    if (speaker) quote.speaker = speaker.name;
    if (speaker?.known) quote.speakerId = speaker.known.id;
    if (speaker?.speaksFor) quote.speakerForId = speaker.speaksFor.id;
    return quote;
  }
}

/** Words of a quote, folded, for finding the same words in another quote. */
function foldedWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
}

/**
 * A heading or a standfirst that echoes words quoted in the article ("My fears have been realized"
 * above "…,” Morrison told the committee, “… My fears have been realized."): the echo is the
 * speaker's too. Three words at least, so a scare-quoted term is not taken for an echo.
 */
function withEchoedSpeakers(quotes: ExtractedQuote[]): ExtractedQuote[] {
  const spoken = quotes.filter((q) => q.speaker !== undefined).map((q) => ({ q, words: foldedWords(q.text) }));
  if (spoken.length === 0) return quotes;
  return quotes.map((quote) => {
    if (quote.speaker !== undefined) return quote;
    const words = foldedWords(quote.text);
    if (words.trim().split(' ').length < 3) return quote;
    const source = spoken.find((s) => s.words.includes(words) && s.q.start !== quote.start);
    if (!source) return quote;
    const echoed: ExtractedQuote = { ...quote, speaker: source.q.speaker! };
    if (source.q.speakerId) echoed.speakerId = source.q.speakerId;
    if (source.q.speakerForId) echoed.speakerForId = source.q.speakerForId;
    return echoed;
  });
}

export function extractQuotes(text: string, opts: QuoteOptions): ExtractedQuote[] {
  return new QuoteReader(text, opts).read();
}
