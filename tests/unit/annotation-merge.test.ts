import { describe, expect, it } from 'vitest';
import { mergeById } from '../../src/core/annotations/merge';
import { createAnnotation, type Annotation } from '../../src/core/annotations/model';

const TEXT = 'Putin and Chinese President Xi Jinping declared a “no limits” partnership.';

function make(id: string, modified: string, note?: string): Annotation {
  const annotation = createAnnotation({
    id,
    pageUrl: 'https://news.example/a',
    title: 'A',
    text: TEXT,
    start: 0,
    end: 5,
    now: new Date('2024-01-01T00:00:00Z'),
    ...(note === undefined ? {} : { note }),
  });
  return { ...annotation, modified };
}

describe('mergeById', () => {
  const stored = [make('urn:x:1', '2024-02-01T00:00:00.000Z', 'stored'), make('urn:x:2', '2024-02-01T00:00:00.000Z', 'stored')];

  it('adds new ids, updates with newer copies, skips identical and older ones', () => {
    const plan = mergeById(stored, [
      make('urn:x:1', '2024-03-01T00:00:00.000Z', 'edited later'),
      make('urn:x:2', '2024-01-15T00:00:00.000Z', 'older copy'),
      make('urn:x:3', '2024-01-01T00:00:00.000Z'),
    ]);
    expect(plan.add.map((annotation) => annotation.id)).toEqual(['urn:x:3']);
    expect(plan.update.map((annotation) => annotation.body.note)).toEqual(['edited later']);
    expect(plan).toMatchObject({ identical: 0, older: 1 });
  });

  it('re-importing its own export changes nothing', () => {
    expect(mergeById(stored, stored.map((annotation) => structuredClone(annotation)))).toEqual({ add: [], update: [], identical: 2, older: 0 });
  });

  it('keeps the stored copy when times tie but contents differ', () => {
    expect(mergeById(stored, [make('urn:x:1', '2024-02-01T00:00:00.000Z', 'same time, other note')])).toMatchObject({ update: [], older: 1 });
  });

  it('plans one write per id when the file repeats an id, the newest copy winning', () => {
    const plan = mergeById([], [
      make('urn:x:9', '2024-01-01T00:00:00.000Z', 'first'),
      make('urn:x:9', '2024-05-01T00:00:00.000Z', 'newest'),
      make('urn:x:9', '2024-03-01T00:00:00.000Z', 'middle'),
    ]);
    expect(plan.add.map((annotation) => annotation.body.note)).toEqual(['newest']);
    expect(plan.update).toEqual([]);
  });
});
