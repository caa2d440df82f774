// `dossier eval-extract`: how well extraction rebuilds a hand-made list from its article
// (precision and recall per kind, and quotes with the right speaker), and what it finds on the
// corpus articles, for reading by eye.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ReviewEntity, type ReviewList } from '../../core/extract';
import { nameKey } from '../../core/quotes/names';
import type { Entity, EntityKind, EntityList } from '../../core/types';
import { ENTITY_KINDS } from '../../core/types';
import { formatExtract } from '../extract';
import { loadNerModel } from '../ner/ner-model';

export interface Score {
  found: number;
  expected: number;
  correct: number;
  precision: number;
  recall: number;
  /** Found but not in the list, and in the list but not found: what to look at first. */
  extra: string[];
  missed: string[];
}

export interface ExtractionEval {
  kinds: Record<EntityKind, Score>;
  quotes: Score;
}

const MIN_QUOTE_OVERLAP = 0.8;

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function namesOf(e: { name: string; aliases: readonly (string | { text: string })[] }): Set<string> {
  return new Set([e.name, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))].map(nameKey));
}

function sameThing(found: ReviewEntity, gold: Entity): boolean {
  const a = namesOf(found);
  for (const n of namesOf(gold)) if (a.has(n)) return true;
  return false;
}

function score(found: number, expected: number, correctFound: number, correctExpected: number, extra: string[], missed: string[]): Score {
  return { found, expected, correct: correctExpected, precision: ratio(correctFound, found), recall: ratio(correctExpected, expected), extra, missed };
}

/** Shared words over the longer quote's words: 1 when the texts are the same words. */
export function quoteOverlap(a: string, b: string): number {
  const words = (s: string) => nameKey(s).match(/[\p{L}\p{N}']+/gu) ?? [];
  const wa = words(a);
  const wb = words(b);
  const pool = new Map<string, number>();
  for (const w of wb) pool.set(w, (pool.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wa) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(w, n - 1);
    }
  }
  return shared / Math.max(wa.length, wb.length, 1);
}

export function scoreExtraction(review: ReviewList, list: EntityList): ExtractionEval {
  const kinds = {} as Record<EntityKind, Score>;
  for (const kind of ENTITY_KINDS) {
    const found = review.entities.filter((e) => e.kind === kind);
    const gold = list.entities.filter((e) => e.kind === kind);
    const goodFound = found.filter((f) => gold.some((g) => sameThing(f, g)));
    const goodGold = gold.filter((g) => found.some((f) => sameThing(f, g)));
    kinds[kind] = score(found.length, gold.length, goodFound.length, goodGold.length,
      found.filter((f) => !goodFound.includes(f)).map((f) => f.name), gold.filter((g) => !goodGold.includes(g)).map((g) => g.name));
  }
  // A found speaker is the list's entity that shares a name with it.
  const goldSpeaker = (speakerId: string | undefined): string | undefined => {
    const found = review.entities.find((e) => e.id === speakerId);
    return found ? list.entities.find((g) => sameThing(found, g))?.id : undefined;
  };
  const right = (text: string, speakerId: string | undefined, gold: EntityList['quotes'][number]) =>
    quoteOverlap(text, gold.text) >= MIN_QUOTE_OVERLAP && goldSpeaker(speakerId) === gold.speaker;
  const goodFound = review.quotes.filter((q) => list.quotes.some((g) => right(q.text, q.speakerId, g)));
  const goodGold = list.quotes.filter((g) => review.quotes.some((q) => right(q.text, q.speakerId, g)));
  const quotes = score(review.quotes.length, list.quotes.length, goodFound.length, goodGold.length,
    review.quotes.filter((q) => !goodFound.includes(q)).map((q) => `${q.speaker ?? '?'}: “${q.text}”`),
    list.quotes.filter((g) => !goodGold.includes(g)).map((g) => `${g.speaker}: “${g.text}”`));
  return { kinds, quotes };
}

/** Extraction on the seed article against the bundled list made by hand from it. */
export function evaluateExtraction(articleText: string, list: EntityList): ExtractionEval {
  const first = list.entities[0]?.provenance;
  const review = extractArticle(articleText, { title: first?.title ?? '', outlet: first?.outlet ?? '', date: first?.date ?? '' }, { model: loadNerModel() });
  return scoreExtraction(review, list);
}

function line(label: string, s: Score): string {
  return `${label.padEnd(14)} precision ${s.precision.toFixed(2)} (${s.correct}/${s.expected} expected found, ${s.found} found)  recall ${s.recall.toFixed(2)}`;
}

export function formatExtractionEval(report: ExtractionEval): string {
  const lines: string[] = [];
  for (const kind of ENTITY_KINDS) lines.push(line(kind, report.kinds[kind]));
  lines.push(line('quotes+speaker', report.quotes));
  const detail = (label: string, s: Score) => {
    if (s.extra.length) lines.push(`  ${label} not in the list: ${s.extra.join(' | ')}`);
    if (s.missed.length) lines.push(`  ${label} missed: ${s.missed.join(' | ')}`);
  };
  for (const kind of ENTITY_KINDS) detail(kind, report.kinds[kind]);
  detail('quotes', report.quotes);
  return lines.join('\n');
}

export const GOLD_ARTICLES = ['cbsnews-impeachment', 'washex-beijing', 'nypost-plague', 'albawaba-settlements'] as const;

/** Extraction on the corpus articles that have an article.txt, formatted for reading. */
export function listFindings(corpusDir: string): string {
  const parts: string[] = [];
  for (const slug of GOLD_ARTICLES) {
    const path = join(corpusDir, slug, 'article.txt');
    if (!existsSync(path)) {
      parts.push(`== ${slug}: no article.txt, skipped`);
      continue;
    }
    const review = extractArticle(readFileSync(path, 'utf8'), { title: slug, outlet: slug, date: '' }, { model: loadNerModel() });
    parts.push(`== ${slug}\n${formatExtract(review)}`);
  }
  return parts.join('\n\n');
}
