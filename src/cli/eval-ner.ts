// `dossier eval`, the recogniser's part: document-level precision, recall and F1 per kind on the
// CoNLL-2003 dev split. A proposed entity is right when its name or an alias is a gold name of
// the same kind in that document; a gold name is found when a proposed entity of its kind has it
// as name or alias. (MISC gold names are not scored: Dossier proposes people, organisations and places.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, type ReviewList } from '../core/extract';
import { parseConll, spansOf, type ConllDocument } from '../core/ner/conll';
import type { Weights } from '../core/ner/model';
import { nameKey } from '../core/quotes/names';
import { ENTITY_KINDS, type EntityKind } from '../core/types';
import { loadNerModel } from './ner-model';

export interface KindScore { proposed: number; right: number; gold: number; found: number; precision: number; recall: number; f1: number }
export interface NerEval { documents: number; kinds: Record<EntityKind, KindScore>; macroF1: number; ms: number }

const KIND: Record<string, EntityKind | undefined> = { PER: 'person', ORG: 'organisation', LOC: 'place' };

/** A CoNLL document as the text a page would give: a sentence a line, words spaced. */
export function conllText(doc: ConllDocument): string {
  return doc.sentences.map((s) => s.words.join(' ')).join('\n');
}

export function goldNames(doc: ConllDocument): Record<EntityKind, Set<string>> {
  const gold = { person: new Set<string>(), organisation: new Set<string>(), place: new Set<string>() };
  for (const s of doc.sentences) {
    for (const span of spansOf(s.tags)) {
      const kind = KIND[span.kind];
      if (kind) gold[kind].add(nameKey(s.words.slice(span.from, span.to).join(' ')));
    }
  }
  return gold;
}

export function scoreDocument(review: ReviewList, gold: Record<EntityKind, Set<string>>, into: Record<EntityKind, KindScore>, misses?: string[]): void {
  for (const kind of ENTITY_KINDS) {
    const proposed = review.entities.filter((e) => e.kind === kind);
    const s = into[kind];
    s.proposed += proposed.length;
    s.gold += gold[kind].size;
    const proposedNames = new Set<string>();
    for (const e of proposed) {
      const names = [e.name, ...e.aliases].map(nameKey);
      names.forEach((n) => proposedNames.add(n));
      if (names.some((n) => gold[kind].has(n))) s.right++;
      else misses?.push(`+${kind} ${e.name}`);
    }
    for (const g of gold[kind]) {
      if (proposedNames.has(g)) s.found++;
      else misses?.push(`-${kind} ${g}`);
    }
  }
}

function finish(s: KindScore): void {
  s.precision = s.proposed === 0 ? 1 : s.right / s.proposed;
  s.recall = s.gold === 0 ? 1 : s.found / s.gold;
  s.f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}

const empty = (): KindScore => ({ proposed: 0, right: 0, gold: 0, found: 0, precision: 0, recall: 0, f1: 0 });

export function evaluateNer(devPath: string, model: Weights, misses?: string[]): NerEval {
  const docs = parseConll(readFileSync(devPath, 'utf8'));
  const kinds = { person: empty(), organisation: empty(), place: empty() };
  const t0 = performance.now();
  for (const doc of docs) {
    const review = extractArticle(conllText(doc), { title: '', outlet: '', date: '' }, { model });
    scoreDocument(review, goldNames(doc), kinds, misses);
  }
  const ms = performance.now() - t0;
  for (const k of ENTITY_KINDS) finish(kinds[k]);
  const macroF1 = ENTITY_KINDS.reduce((a, k) => a + kinds[k].f1, 0) / ENTITY_KINDS.length;
  return { documents: docs.length, kinds, macroF1, ms };
}

export function formatNerEval(r: NerEval): string {
  const lines = [`Recogniser on the CoNLL-2003 dev split (${r.documents} documents, document-level names):`];
  for (const k of ENTITY_KINDS) {
    const s = r.kinds[k];
    lines.push(`  ${k.padEnd(13)} precision ${s.precision.toFixed(3)} (${s.right}/${s.proposed})  recall ${s.recall.toFixed(3)} (${s.found}/${s.gold})  F1 ${s.f1.toFixed(3)}`);
  }
  lines.push(`  macro F1 ${r.macroF1.toFixed(3)}  (${(r.ms / r.documents).toFixed(1)} ms a document)`);
  return lines.join('\n');
}

/** The section `dossier eval` prints; says why when the data is absent. */
export function nerEvalSection(dataDir: string, _corpus: string): string {
  const dev = join(dataDir, 'conll2003-dev.txt');
  if (!existsSync(dev)) return `Recogniser: ${dev} not found, skipped.`;
  return formatNerEval(evaluateNer(dev, loadNerModel()));
}
