// The recogniser on today's web articles: the corpus pages with an article.txt, against entity
// names written by hand for them (tests/fixtures/ner/corpus-gold.json), scored as on CoNLL dev.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../repo-root';
import { extractArticle } from '../../core/extract';
import type { Weights } from '../../core/ner/model';
import { nameKey } from '../../core/quotes/names';
import { ENTITY_KINDS, type EntityKind } from '../../core/types';
import { scoreDocument, type KindScore } from './ner-score';

export const CORPUS_GOLD = join(repoRoot(), 'tests/fixtures/ner/corpus-gold.json');

interface CorpusGold { pages: Record<string, Record<EntityKind, string[]>> }

export function corpusEvalSection(corpus: string, model: Weights): string {
  if (!existsSync(CORPUS_GOLD)) return 'Recogniser on corpus pages: no gold file, skipped.';
  const gold = JSON.parse(readFileSync(CORPUS_GOLD, 'utf8')) as CorpusGold;
  const empty = (): KindScore => ({ proposed: 0, right: 0, gold: 0, found: 0, precision: 0, recall: 0, f1: 0 });
  const kinds: Record<EntityKind, KindScore> = { person: empty(), organisation: empty(), place: empty() };
  const misses: string[] = [];
  const pages: string[] = [];
  for (const [page, names] of Object.entries(gold.pages)) {
    const path = join(corpus, page, 'article.txt');
    if (!existsSync(path)) continue;
    pages.push(page);
    const review = extractArticle(readFileSync(path, 'utf8'), { title: page, outlet: page, date: '' }, { model });
    const sets = { person: new Set(names.person.map(nameKey)), organisation: new Set(names.organisation.map(nameKey)), place: new Set(names.place.map(nameKey)) };
    const pageMisses: string[] = [];
    scoreDocument(review, sets, kinds, pageMisses);
    misses.push(...pageMisses.map((m) => `${m.startsWith('+') ? 'extra' : 'miss '} ${page}: ${m.slice(1)}`));
  }
  if (pages.length === 0) return `Recogniser on corpus pages: ${corpus} has none of the gold pages, skipped.`;
  const lines = [`Recogniser on ${pages.length} corpus pages (${pages.join(', ')}), against tests/fixtures/ner/corpus-gold.json:`];
  let macro = 0;
  for (const k of ENTITY_KINDS) {
    const s = kinds[k];
    s.precision = s.proposed === 0 ? 1 : s.right / s.proposed;
    s.recall = s.gold === 0 ? 1 : s.found / s.gold;
    s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
    macro += s.f1 / ENTITY_KINDS.length;
    lines.push(`  ${k.padEnd(13)} precision ${s.precision.toFixed(3)} (${s.right}/${s.proposed})  recall ${s.recall.toFixed(3)} (${s.found}/${s.gold})  F1 ${s.f1.toFixed(3)}`);
  }
  lines.push(`  macro F1 ${macro.toFixed(3)}`);
  for (const m of misses) lines.push(`  ${m}`);
  return lines.join('\n');
}
