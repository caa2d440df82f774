import { describe, expect, it } from 'vitest';
import { copyMark, foundIn, hasRange, markInText, startOf } from '../../src/content/marks/lazy-range';
import { swapTo } from '../../src/content/marks/mark-alternatives';

// A text node as lazy-range.ts uses one: its length and a document that makes Ranges (counted).
function fakeText(data: string): { node: Text; ranges: () => number } {
  let made = 0;
  const doc = {
    createRange: () => {
      made++;
      const r = { start: -1, end: -1, setStart: (_n: Node, o: number) => void (r.start = o), setEnd: (_n: Node, o: number) => void (r.end = o) };
      return r;
    },
  };
  const node = { data, length: data.length, ownerDocument: doc } as unknown as Text;
  return { node, ranges: () => made };
}

describe('lazy marks (a Range only when asked for)', () => {
  it('makes no Range until `range` is read, then one, kept', () => {
    const { node, ranges } = fakeText('Vladimir Putin met Xi');
    const mark = markInText(node, 9, 14, 'person', 'putin', 'Putin');
    expect(hasRange(mark)).toBe(false);
    expect(startOf(mark)).toEqual({ node, offset: 9 });
    expect(ranges()).toBe(0);
    const range = mark.range as unknown as { start: number; end: number };
    expect([range.start, range.end]).toEqual([9, 14]);
    expect(mark.range).toBe(range);
    expect(ranges()).toBe(1);
    expect(hasRange(mark)).toBe(true);
  });

  it('has no alternatives or why property unless given (the card and the spread copies read them)', () => {
    const { node } = fakeText('Jordan');
    const mark = markInText(node, 0, 6, 'person', 'michael-jordan', 'Jordan');
    expect('alternatives' in mark).toBe(false);
    expect('why' in mark).toBe(false);
  });

  it('a copy read as another entity stays lazy, shares the spot and the Range once made', () => {
    const { node, ranges } = fakeText('Jordan');
    const mark = markInText(node, 0, 6, 'person', 'michael-jordan', 'Jordan', [{ id: 'jordan', kind: 'place' }]);
    const swapped = swapTo(mark, { id: 'jordan', kind: 'place' });
    expect(swapped).toMatchObject({ id: 'jordan', kind: 'place', text: 'Jordan', alternatives: [{ id: 'michael-jordan', kind: 'person' }] });
    expect(foundIn(swapped)).toBe(node);
    expect(hasRange(swapped)).toBe(false);
    expect(ranges()).toBe(0);
    expect(swapped.range).toBe(mark.range);
    expect(ranges()).toBe(1);
    const back = swapTo(swapped, { id: 'michael-jordan', kind: 'person' });
    expect(back).toMatchObject({ id: 'michael-jordan', kind: 'person', alternatives: [{ id: 'jordan', kind: 'place' }] });
    expect(back.range).toBe(mark.range);
  });

  it('copyMark leaves out a field given as undefined and keeps the rest', () => {
    const { node } = fakeText('Jordan');
    const mark = markInText(node, 0, 6, 'person', 'a', 'Jordan', [{ id: 'b', kind: 'place' }]);
    const copy = copyMark(mark, { alternatives: undefined, why: 'same actors' });
    expect('alternatives' in copy).toBe(false);
    expect(copy.why).toBe('same actors');
    expect(copy.id).toBe('a');
    const plain = copyMark({ range: {} as Range, kind: 'claim', id: 'c', text: 't', why: 'x' }, { why: undefined });
    expect('why' in plain).toBe(false);
  });
});
