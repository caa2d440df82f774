import { describe, expect, it } from 'vitest';
import type { Mark } from '../../src/content/highlight/highlighter';
import { swapTo } from '../../src/content/marks/mark-alternatives';

describe('swapTo (an ambiguous mark read as another of its entities)', () => {
  const range = {} as Range;
  const mark: Mark = { range, kind: 'person', id: 'michael-jordan', text: 'Jordan', alternatives: [{ id: 'jordan', kind: 'place' }] };

  it('takes the chosen entity and keeps the first reading as the alternative', () => {
    expect(swapTo(mark, { id: 'jordan', kind: 'place' })).toEqual({
      range,
      kind: 'place',
      id: 'jordan',
      text: 'Jordan',
      alternatives: [{ id: 'michael-jordan', kind: 'person' }],
    });
  });

  it('keeps the same words and range', () => {
    const swapped = swapTo(mark, { id: 'jordan', kind: 'place' });
    expect(swapped.range).toBe(range);
    expect(swapTo(swapped, { id: 'michael-jordan', kind: 'person' })).toEqual(mark);
  });
});
