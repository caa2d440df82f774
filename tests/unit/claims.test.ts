import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import { splitSentences } from '../../src/core/text/sentences';
import type { Claim, EntityList } from '../../src/core/types';

const provenance = { outlet: 'Test', title: 'Test', date: '2024-05-16', sentence: 'Test.' };

function claim(id: string, cues: string[][]): Claim {
  return { id, statement: id, entities: [], cues, provenance };
}

const LIST: EntityList = {
  version: 1,
  entities: [],
  quotes: [],
  distinct: [],
  claims: [
    claim('no-limits', [['no limits', 'no-limits', 'without limits'], ['partnership', 'friendship', 'friend']]),
    claim('putin-met-xi-42', [['Putin'], ['Xi'], ['42 times', '42 meetings']]),
    claim('china-neutral', [['China', 'Beijing'], ['neutral', 'neutrality']]),
  ],
};

const matcher = createMatcher(LIST);
const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps abbreviations, initials, dates and decimals inside the sentence', () => {
    expect(sentencesOf('Mr. Xi met U.S. officials on Nov. 5 in Beijing. Growth was 5.2 per cent. Dr. Lee agreed.')).toEqual([
      'Mr. Xi met U.S. officials on Nov. 5 in Beijing.',
      'Growth was 5.2 per cent.',
      'Dr. Lee agreed.',
    ]);
  });

  it('ends a sentence after closing quotes, question marks and at blank lines', () => {
    expect(sentencesOf('He called it a “new era.” Was it? Yes!\n\nHeadline without stop\n\n  Last one')).toEqual([
      'He called it a “new era.”',
      'Was it?',
      'Yes!',
      'Headline without stop',
      'Last one',
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '  First one.   Second\u00a0one.  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 26 },
    ]);
  });
});

// What the claims' cues find (their statements' anchor words also bring candidates to score:
// tests/unit/claim-restatement.test.ts).
const byCues = (text: string) => matcher.findClaims(text).filter((c) => c.via === 'cues');

describe('findClaims', () => {
  it('reports a sentence that restates a claim, with exact offsets', () => {
    const text =
      'Leaders arrived. Putin and Xi Jinping declared a “no limits” partnership between Russia and China. Then they ate.';
    const found = byCues(text);
    expect(found).toEqual([
      {
        claimId: 'no-limits',
        start: 17,
        end: 98,
        sentence: 'Putin and Xi Jinping declared a “no limits” partnership between Russia and China.',
        via: 'cues',
      },
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.sentence);
  });

  it('matches cue phrases in any case and typographic form', () => {
    expect(byCues('A FRIEND WITHOUT\u00a0LIMITS, said Lavrov.').map((c) => c.claimId)).toEqual(['no-limits']);
    expect(byCues('China’s neutrality is doubted.').map((c) => c.claimId)).toEqual(['china-neutral']);
  });

  it('does not report a sentence that shares only a word or one cue group with a claim', () => {
    expect(byCues('The partnership between the two firms grew.')).toEqual([]);
    expect(byCues('China has no limits on exports. Its partnership with Russia grew.')).toEqual([]);
    expect(byCues('Switzerland is neutral.')).toEqual([]);
  });

  it('needs whole words: a cue inside a longer word does not count', () => {
    expect(byCues('Putin and Xi met 42 timestamps ago.')).toEqual([]);
    expect(byCues('Putin and Xi had met 42 times.').map((c) => c.claimId)).toEqual(['putin-met-xi-42']);
  });

  it('reports every claim a sentence restates, and each sentence separately', () => {
    const text = 'Beijing, neutral, is a friend without limits. Mr. Putin said Xi and he met 42 times.';
    expect(byCues(text).map((c) => [c.claimId, c.start])).toEqual([
      ['no-limits', 0],
      ['china-neutral', 0],
      ['putin-met-xi-42', 46],
    ]);
  });
});
