// Document-level scoring of the recogniser's proposals against gold names, shared by the CoNLL
// dev part of the eval, eval-ner.ts, and the news-corpus part, eval-ner-corpus.ts.
import type { ReviewList } from '../../core/extract';
import { nameKey } from '../../core/quotes/names';
import { ENTITY_KINDS, type EntityKind } from '../../core/types';

export interface KindScore { proposed: number; right: number; gold: number; found: number; precision: number; recall: number; f1: number }

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
