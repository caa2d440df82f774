// What "Learn as you read" shows the user before saving: the article's entities, quotes and
// candidate claims, each with a key the user can untick. Only what is kept becomes list items.
import type { Claim, Entity, EntityKind, EntityList, Provenance, Quote } from '../types';
import { splitSentences } from '../sentences';
import { extractQuotes, type QuoteSource } from '../quotes/extract-quotes';
import { nameKey } from '../quotes/names';
import { speakerResolver } from '../quotes/resolver';
import { findCandidateClaims } from './claims';
import { findEntities } from './entities';
import { uniqueSlug } from './slug';

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
  entities: ReviewEntity[];
  quotes: ReviewQuote[];
  claims: ReviewClaim[];
}

function sentenceAround(text: string, offset: number): string {
  for (const span of splitSentences(text)) if (offset >= span.start && offset < span.end) return text.slice(span.start, span.end);
  return text.slice(offset, text.indexOf('\n', offset) >= 0 ? text.indexOf('\n', offset) : undefined);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function namesIn(sentence: string, entities: readonly ReviewEntity[]): string[] {
  const folded = nameKey(sentence);
  return entities
    .filter((e) => [e.name, ...e.aliases].some((n) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(nameKey(n))}($|[^\\p{L}])`, 'u').test(folded)))
    .map((e) => e.id);
}

export function extractArticle(text: string, source: QuoteSource): ReviewList {
  const taken = new Set<string>();
  const entities: ReviewEntity[] = findEntities(text).map((e) => ({
    id: uniqueSlug(e.name, taken),
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    context: e.contexts.join('; '),
    sentence: sentenceAround(text, e.firstOffset),
    mentions: e.mentions,
  }));
  const resolveSpeaker = speakerResolver(entities.map((e) => ({ id: e.id, kind: e.kind, names: [e.name, ...e.aliases] })));
  const quotes: ReviewQuote[] = extractQuotes(text, { resolveSpeaker, source }).map((q) => {
    const quote: ReviewQuote = { id: uniqueSlug(q.text.split(/\s+/u).slice(0, 5).join(' '), taken, 'quote-'), text: q.text, sentence: q.sentence, start: q.start, end: q.end };
    if (q.speaker) quote.speaker = q.speaker;
    if (q.speakerId) quote.speakerId = q.speakerId;
    return quote;
  });
  const claims: ReviewClaim[] = findCandidateClaims(text).map((c) => ({
    id: uniqueSlug(c.sentence.split(/\s+/u).slice(0, 5).join(' '), taken, 'claim-'),
    sentence: c.sentence,
    reasons: c.reasons,
    entities: namesIn(c.sentence, entities),
  }));
  return { source, entities, quotes, claims };
}

function provenance(source: QuoteSource, sentence: string): Provenance {
  const p: Provenance = { outlet: source.outlet, title: source.title, date: source.date, sentence };
  if (source.url) p.url = source.url;
  return p;
}

/**
 * The kept entries as list items. Quotes whose speaker was dropped (or never known) are left out,
 * since a Quote needs a speaker; claims keep only the kept entities they name.
 */
export function reviewListToEntityList(review: ReviewList, kept: ReadonlySet<string>): EntityList {
  const entities: Entity[] = review.entities
    .filter((e) => kept.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases.map((text) => ({ text })), context: e.context, provenance: provenance(review.source, e.sentence) }));
  const ids = new Set(entities.map((e) => e.id));
  const quotes: Quote[] = review.quotes
    .filter((q) => kept.has(q.id) && q.speakerId !== undefined && ids.has(q.speakerId))
    .map((q) => ({ id: q.id, text: q.text, speaker: q.speakerId!, mentions: namesIn(q.text, review.entities).filter((id) => ids.has(id)), provenance: provenance(review.source, q.sentence) }));
  const claims: Claim[] = review.claims
    .filter((c) => kept.has(c.id))
    .map((c) => {
      const involved = c.entities.filter((id) => ids.has(id));
      // No cues: the statement is enough (core/claims/ finds its restatements by meaning).
      return { id: c.id, statement: c.sentence, entities: involved, cues: [], provenance: provenance(review.source, c.sentence) };
    });
  return { version: 1, entities, claims, quotes, distinct: [] };
}
