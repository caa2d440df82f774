// What the review page ticks by default must always be addable: the background refuses a list of
// more than LIST_ADD_ITEMS_MAX items ("list/add refused: the list has more than 2000 items",
// issue 13), so a long article's defaults stay within it.
import { describe, expect, it } from 'vitest';
import { parseListAdd, LIST_ADD_ITEMS_MAX } from '../../src/background/payloads/learn-payloads';
import { extractArticle, type ReviewList } from '../../src/core/extract';
import { initiallyKept, keptList } from '../../src/ui/review/kept-list';
import { loadNerModel } from '../../src/cli/ner/ner-model';
import { longArticleText } from '../fixtures/ner/long-article';

const source = { title: 'T', outlet: 'O', date: '2024-05-16', url: 'https://example.org/a' };

function manyPeople(n: number): ReviewList {
  const entities = Array.from({ length: n }, (_, i) => ({
    id: `person-${i}`, name: `Person Number${i}`, kind: 'person' as const, aliases: [], context: '', sentence: `Person Number${i} spoke.`, mentions: i % 7,
  }));
  return { source, entities, quotes: [], claims: [] };
}

describe('the review’s default ticks', () => {
  it('tick everything when the article proposes less than the limit', () => {
    expect(initiallyKept(manyPeople(10)).size).toBe(10);
  });
  it('tick at most the limit, the most mentioned first, and the background accepts them', () => {
    const review = manyPeople(LIST_ADD_ITEMS_MAX + 500);
    const kept = initiallyKept(review);
    expect(kept.size).toBe(LIST_ADD_ITEMS_MAX);
    expect(kept.has('person-6')).toBe(true); // 6 mentions
    expect(() => parseListAdd(keptList(review, kept, new Map()))).not.toThrow();
  });
  it('on a 90,000-character name-dense article, the defaults are accepted by the background', () => {
    const review = extractArticle(longArticleText(), source, { model: loadNerModel() });
    const list = keptList(review, initiallyKept(review), new Map());
    expect(list.entities.length).toBeGreaterThan(100);
    expect(() => parseListAdd(list)).not.toThrow();
  });
});
