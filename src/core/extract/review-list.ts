// What "Learn as you read" shows the user before saving: the article's entities, quotes and
// candidate claims, each with a key the user can untick. Only what is kept becomes list items.
import type { Claim, Entity, EntityKind, EntityList, Provenance, Quote } from '../types';
import { splitSentences, type SentenceSpan } from '../text/sentences';
import { extractQuotes, quoteOwner, type QuoteSource } from '../quotes/extract-quotes';
import { nameKey } from '../quotes/names';
import { speakerResolver } from '../quotes/resolver';
import { findCandidateClaims } from './claims';
import { findEntities } from './entities';
import { uniqueSlug } from './slug';
import type { Weights } from '../ner/model';
import { guessLanguage, type LanguageGuess } from './language';

export interface ReviewEntity {
  /** Slug id; also the key to keep or drop the entry. */
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  context: string;
  /** The sentence of the first mention, verbatim. */
  sentence: string;
  mentions: number;
}

export interface ReviewQuote {
  id: string;
  text: string;
  speaker?: string;
  speakerId?: string;
  /** The organisation a role speaks for ("a NATO official"), where the article names it. */
  speakerForId?: string;
  sentence: string;
  start: number;
  end: number;
}

export interface ReviewClaim {
  id: string;
  sentence: string;
  reasons: string[];
  /** Ids of the review entities the sentence names. */
  entities: string[];
}

export interface ReviewList {
  source: QuoteSource;
  /** The article's language, when it is not English: then nothing is proposed (see language.ts). */
  otherLanguage?: LanguageGuess;
  entities: ReviewEntity[];
  quotes: ReviewQuote[];
  claims: ReviewClaim[];
}

/** The sentence holding `offset`, from spans computed once per article (binary search: long articles have thousands). */
function sentenceAround(text: string, spans: readonly SentenceSpan[], offset: number): string {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return text.slice(span.start, span.end);
  }
  const lineEnd = text.indexOf('\n', offset);
  return text.slice(offset, lineEnd >= 0 ? lineEnd : undefined);
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/** Does the folded sentence hold the folded name as whole words? */
function holdsName(folded: string, name: string): boolean {
  for (let i = folded.indexOf(name); i >= 0; i = folded.indexOf(name, i + 1)) {
    if (!isLetter(folded[i - 1]) && !isLetter(folded[i + name.length])) return true;
  }
  return false;
}

/** Finds which entities a sentence names; the names are folded once, not per sentence. */
function nameFinder(entities: readonly ReviewEntity[]): (sentence: string) => string[] {
  const folded = entities.map((e) => ({ id: e.id, names: [e.name, ...e.aliases].map(nameKey).filter((n) => n !== '') }));
  return (sentence) => {
    const key = nameKey(sentence);
    return folded.filter((e) => e.names.some((n) => holdsName(key, n))).map((e) => e.id);
  };
}

function namesIn(sentence: string, entities: readonly ReviewEntity[]): string[] {
  return nameFinder(entities)(sentence);
}

export interface ExtractOptions {
  /** The trained recogniser; without it names are found by compromise and rules. */
  model?: Weights;
}

export function extractArticle(text: string, source: QuoteSource, options: ExtractOptions = {}): ReviewList {
  // The recogniser and the rules read English; on another language they would propose junk.
  const language = guessLanguage(text);
  if (language.code !== 'en' && language.code !== 'und') return { source, otherLanguage: language, entities: [], quotes: [], claims: [] };
  const taken = new Set<string>();
  const spans = splitSentences(text);
  const entities: ReviewEntity[] = findEntities(text, options.model).map((e) => ({
    id: uniqueSlug(e.name, taken),
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    context: e.contexts.join('; '),
    sentence: sentenceAround(text, spans, e.firstOffset),
    mentions: e.mentions,
  }));
  const resolveSpeaker = speakerResolver(entities.map((e) => ({ id: e.id, kind: e.kind, names: [e.name, ...e.aliases] })));
  const quotes: ReviewQuote[] = extractQuotes(text, { resolveSpeaker, source }).map((q) => {
    const quote: ReviewQuote = { id: uniqueSlug(q.text.split(/\s+/u).slice(0, 5).join(' '), taken, 'quote-'), text: q.text, sentence: q.sentence, start: q.start, end: q.end };
    if (q.speaker) quote.speaker = q.speaker;
    if (q.speakerId) quote.speakerId = q.speakerId;
    if (q.speakerForId) quote.speakerForId = q.speakerForId;
    return quote;
  });
  const named = nameFinder(entities);
  const claims: ReviewClaim[] = findCandidateClaims(text).map((c) => ({
    id: uniqueSlug(c.sentence.split(/\s+/u).slice(0, 5).join(' '), taken, 'claim-'),
    sentence: c.sentence,
    reasons: c.reasons,
    entities: named(c.sentence),
  }));
  return { source, entities, quotes, claims };
}

function provenance(source: QuoteSource, sentence: string): Provenance {
  const p: Provenance = { outlet: source.outlet, title: source.title, date: source.date, sentence };
  if (source.url) p.url = source.url;
  return p;
}

/**
 * The kept entries as list items. Quotes whose speaker (or the organisation a role speaks for) was
 * dropped or never known are left out, since a Quote needs a speaker; claims keep only the kept
 * entities they name.
 */
export function reviewListToEntityList(review: ReviewList, kept: ReadonlySet<string>): EntityList {
  const entities: Entity[] = review.entities
    .filter((e) => kept.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((text) => ({ text })), context: e.context, provenance: provenance(review.source, e.sentence) }));
  const ids = new Set(entities.map((e) => e.id));
  const quotes: Quote[] = [];
  for (const q of review.quotes) {
    const owner = quoteOwner(q);
    if (!kept.has(q.id) || owner === undefined || !ids.has(owner)) continue;
    const quote: Quote = { id: q.id, text: q.text, speaker: owner, mentions: namesIn(q.text, review.entities).filter((id) => ids.has(id) && id !== owner), provenance: provenance(review.source, q.sentence) };
    if (q.speakerId === undefined && q.speaker) quote.speakerName = q.speaker;
    quotes.push(quote);
  }
  const claims: Claim[] = review.claims
    .filter((c) => kept.has(c.id))
    .map((c) => {
      const involved = c.entities.filter((id) => ids.has(id));
      // No cues: the statement is enough (core/claims/ finds its restatements by meaning).
      return { id: c.id, statement: c.sentence, entities: involved, cues: [], provenance: provenance(review.source, c.sentence) };
    });
  return { version: 1, entities, claims, quotes, distinct: [] };
}
