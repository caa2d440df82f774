// The eval's judge of "the organisation a role speaks for" (src/cli/eval/eval-corpus-speakers.ts):
// right only for the labelled organisation (any of its names), missed when none or another is
// found, wrong when one is found where the label names none.
import { describe, expect, it } from 'vitest';
import type { ReviewList } from '../../src/core/extract';
import { addSpeaksFor, judgeSpeaksFor, type SpeaksForScore } from '../../src/cli/eval/eval-corpus-speakers';

const review = {
  entities: [
    { id: 'nato', name: 'North Atlantic Treaty Organisation', kind: 'organisation', aliases: ['NATO'] },
    { id: 'un', name: 'United Nations', kind: 'organisation', aliases: [] },
  ],
  quotes: [
    { id: 'q1', text: 'We are watching the situation closely', speaker: 'a NATO official', speakerForId: 'nato', sentence: '', start: 0, end: 0 },
    { id: 'q2', text: 'There is no trace so far', speaker: 'a Liege police official', sentence: '', start: 0, end: 0 },
  ],
} as unknown as ReviewList;

describe("the eval's judge of the organisation a role speaks for", () => {
  it('counts the labelled organisation found under any of its names, and nothing else, as right', () => {
    expect(judgeSpeaksFor(review, { quote: 'We are watching the situation closely.', for: 'NATO' })).toBe('right');
    expect(judgeSpeaksFor(review, { quote: 'We are watching the situation closely.', for: 'United Nations' })).toBe('missed');
    expect(judgeSpeaksFor(review, { quote: 'There is no trace so far,', for: 'Liege police' })).toBe('missed');
  });

  it('counts one found where the label names none as wrong, and nothing either way as nothing', () => {
    expect(judgeSpeaksFor(review, { quote: 'We are watching the situation closely.' })).toBe('wrong');
    expect(judgeSpeaksFor(review, { quote: 'There is no trace so far,' })).toBeNull();
    const score: SpeaksForScore = { labelled: 0, right: 0, wrong: 0 };
    for (const v of ['right', 'missed', 'wrong', null] as const) addSpeaksFor(score, v);
    expect(score).toEqual({ labelled: 2, right: 1, wrong: 1 });
  });
});
