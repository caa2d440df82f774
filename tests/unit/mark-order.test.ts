// Marks kept in document order as batches arrive (src/content/marks/mark-order.ts). Ranges are stood in
// for by positions on a line; the test counts comparisons, because each one is a DOM call in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendInOrder, mergeInOrder } from '../../src/content/marks/mark-order';

let comparisons = 0;

interface FakeMark {
  range: Range;
  name: string;
}

function mark(position: number, name = String(position)): FakeMark {
  const range = {
    position,
    compareBoundaryPoints(_how: number, other: { position: number }): number {
      comparisons++;
      return Math.sign(position - other.position);
    },
  };
  return { range: range as unknown as Range, name };
}

const names = (marks: readonly FakeMark[]): string[] => marks.map((m) => m.name);

describe('mergeInOrder', () => {
  const hadRange = 'Range' in globalThis;
  beforeAll(() => {
    // Node has no DOM: the comparison only needs the constant.
    if (!hadRange) (globalThis as { Range?: unknown }).Range = { START_TO_START: 0 };
  });
  afterAll(() => {
    if (!hadRange) delete (globalThis as { Range?: unknown }).Range;
  });

  it('puts a batch that arrives out of order into document order', () => {
    const merged = mergeInOrder([mark(10), mark(20), mark(30)], [mark(35), mark(5), mark(25), mark(15)]);
    expect(names(merged)).toEqual(['5', '10', '15', '20', '25', '30', '35']);
  });

  it('keeps earlier marks first where two start at the same place (a claim and the name opening it)', () => {
    const merged = mergeInOrder([mark(10, 'claim')], [mark(10, 'name'), mark(0)]);
    expect(names(merged)).toEqual(['0', 'claim', 'name']);
  });

  it('leaves the array it was given alone', () => {
    const before = [mark(1), mark(3)];
    mergeInOrder(before, [mark(2)]);
    expect(names(before)).toEqual(['1', '3']);
  });

  it('adds a batch at the end of a long page without re-sorting the page', () => {
    const page = Array.from({ length: 15_000 }, (_, i) => mark(i));
    const batch = Array.from({ length: 150 }, (_, i) => mark(15_000 + ((i * 7) % 150)));
    comparisons = 0;
    const merged = mergeInOrder(page, batch);
    expect(merged).toHaveLength(15_150);
    expect(names(merged.slice(-3))).toEqual(['15147', '15148', '15149']);
    // Sorting the batch (~150·log 150) plus one comparison with the last mark; a sort of all
    // 15,150 marks would take ~200,000.
    expect(comparisons).toBeLessThan(2_000);
  });

  it('inserts a batch in the middle with a binary search per mark, not a pass over the page', () => {
    const page = Array.from({ length: 15_000 }, (_, i) => mark(i * 2));
    comparisons = 0;
    const merged = mergeInOrder(page, [mark(10_001), mark(3)]);
    expect(names(merged.slice(0, 4))).toEqual(['0', '2', '3', '4']);
    expect(merged.findIndex((m) => m.name === '10001')).toBe(5_002);
    expect(comparisons).toBeLessThan(60);
  });

  describe('appendInOrder', () => {
    it('puts a batch that comes after every mark on the end of the same array, copying nothing', () => {
      const page = Array.from({ length: 15_000 }, (_, i) => mark(i));
      const batch = Array.from({ length: 150 }, (_, i) => mark(15_000 + i));
      comparisons = 0;
      const { marks, appended } = appendInOrder(page, batch);
      expect(marks).toBe(page);
      expect(page).toHaveLength(15_150);
      expect(names(appended ?? [])).toEqual(names(batch));
      // A batch already in order is checked (149 comparisons), not sorted, then one with the last mark.
      expect(comparisons).toBe(150);
    });

    it('sorts a batch that arrives out of order before putting it on the end', () => {
      const page = [mark(1), mark(2)];
      const { marks, appended } = appendInOrder(page, [mark(5), mark(3), mark(4)]);
      expect(marks).toBe(page);
      expect(names(page)).toEqual(['1', '2', '3', '4', '5']);
      expect(names(appended ?? [])).toEqual(['3', '4', '5']);
    });

    it('makes a new array, leaving the old one alone, when the batch lands among the marks', () => {
      const page = [mark(10), mark(30)];
      const { marks, appended } = appendInOrder(page, [mark(20), mark(40)]);
      expect(appended).toBeNull();
      expect(names(marks)).toEqual(['10', '20', '30', '40']);
      expect(names(page)).toEqual(['10', '30']);
    });
  });
});
