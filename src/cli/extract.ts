// `dossier extract FILE [--json]`: what "Learn as you read" would offer from a page: entities
// with kind and context, quotes with their speakers, candidate claims.
import { basename } from 'node:path';
import { extractArticle, type ReviewList } from '../core/extract';
import { readPageText } from './input';
import { loadNerModel } from './ner/ner-model';

export function extractFile(path: string): ReviewList {
  const { text } = readPageText(path);
  return extractArticle(text, { title: basename(path), outlet: '', date: '' }, { model: loadNerModel() });
}

export function formatExtract(review: ReviewList): string {
  const lines: string[] = [];
  if (review.otherLanguage) lines.push(`this page looks like ${review.otherLanguage.name}: Dossier proposes entities for English articles only`);
  lines.push(`${review.entities.length} entities, ${review.quotes.length} quotes, ${review.claims.length} candidate claims`);
  if (review.entities.length > 0) {
    lines.push('', 'entities:');
    for (const e of review.entities) {
      const aka = e.aliases.length > 0 ? ` (also ${e.aliases.join(', ')})` : '';
      lines.push(`- ${e.kind.padEnd(13)}${e.name}${aka}${e.context ? ` — ${e.context}` : ''}`);
    }
  }
  if (review.quotes.length > 0) {
    lines.push('', 'quotes:');
    for (const q of review.quotes) lines.push(`- ${q.speaker ?? '(no speaker)'}${q.speakerId ? ` [${q.speakerId}]` : ''}: “${q.text}”`);
  }
  if (review.claims.length > 0) {
    lines.push('', 'candidate claims:');
    for (const c of review.claims) lines.push(`- [${c.reasons.join(', ')}] ${c.sentence}`);
  }
  return lines.join('\n');
}
