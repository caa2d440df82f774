// The claims' swapped-word rule (src/core/claims/relations.ts): a sentence that keeps a claim but
// puts, in one word's place, a word of the opposite sense ("old enemy" for "old friend", "ended"
// for "launched") never restates it; a word WordNet relates (a synonym, a more general word) does.
import { describe, expect, it } from 'vitest';
import { repoClaimScorer } from '../../src/cli/claims/model-file';
import { align } from '../../src/core/claims/align';
import { RelationTable, senseFeatures, substitutions } from '../../src/core/claims/relations';
import { analyze } from '../../src/core/claims/text';

describe('words swapped in a claim word’s place', () => {
  const exact = (a: string, b: string) => a === b;
  const swaps = (claim: string, sentence: string) => {
    const a = analyze(claim).content;
    const b = analyze(sentence).content;
    return substitutions(...(Object.values(align(a, b, exact)) as [number[], boolean[]])).map((s) => [a[s.claim], s.sentence.map((k) => b[k]).join(' ')]);
  };

  it('pairs the claim word with what stands between its aligned neighbours', () => {
    expect(swaps('Putin and Xi will attend a gala marking 75 years.', 'Putin and Xi will skip a gala marking 75 years.')).toEqual([['attend', 'skip']]);
    expect(swaps('Chinese media describe Putin as an old friend.', 'Chinese media describe Putin as an old enemy.')).toEqual([['friend', 'enemy']]);
  });

  it('finds no swap where the words were only dropped, or the sentence reordered round them', () => {
    expect(swaps('Putin and Xi will attend a gala.', 'Putin and Xi will a gala.')).toEqual([]);
    expect(swaps('China buys oil from Russia.', 'Russia sells oil to China.')).toEqual([]);
  });
});

describe('the relation table', () => {
  // own | near | wide | opposite: "good" owns 1, "fine" owns 1 too (a synonym), "better" is one link
  // from it (2), "bad" owns 3 whose opposite is 1, "evil" is wide-ly 3.
  const table = new RelationTable({ words: ['good 1 | 2 | 1 | 3', 'fine 1', 'better 2', 'bad 3 | | 3 | 1', 'evil 4 | | 3', 'blue 9'].join('\n') });

  it('relates synonyms and a sense one link away, not two words of no common sense', () => {
    expect(table.related('good', 'fine')).toBe(true);
    expect(table.related('better', 'good')).toBe(true);
    expect(table.related('good', 'blue')).toBe(false);
    expect(table.related('good', 'unknownword')).toBe(false);
    expect(table.knows('unknownword')).toBe(false);
  });

  it('sees an opposite through the other word’s wider senses, both ways', () => {
    expect(table.contrasts('good', 'bad')).toBe(true);
    expect(table.contrasts('bad', 'good')).toBe(true);
    expect(table.contrasts('good', 'evil')).toBe(true);
    expect(table.contrasts('good', 'blue')).toBe(false);
  });

  it('counts the swaps nothing relates and those of the opposite sense', () => {
    const claim = ['good', 'weather'];
    const link = { link: [-1, 1], sentenceLinked: [false, true] };
    const swappedFor = (word: string) => senseFeatures(claim, [word, 'weather'], link, table, new Set(), () => 1);
    expect(swappedFor('bad')).toMatchObject({ values: [1, Math.log1p(1), 1], opposite: { claim: 0, sentence: [0] } });
    expect(swappedFor('blue')).toMatchObject({ values: [1, Math.log1p(1), 0], opposite: undefined });
    expect(swappedFor('fine')).toMatchObject({ values: [0, 0, 0], opposite: undefined });
  });
});

describe('the shipped model', () => {
  const scorer = repoClaimScorer();
  const relations = scorer.table.relations!;

  it('ships WordNet’s wider relations, opposites through synonyms and more general senses among them', () => {
    expect(relations).toBeDefined();
    // WordNet's antonym of "friend" is "foe", whose sense "enemy" shares.
    expect(relations.contrasts('friend', 'enemy')).toBe(true);
    // "launch" is a way to begin, whose antonym is "end".
    expect(relations.contrasts('launched', 'ended')).toBe(true);
    expect(relations.contrasts('weapons', 'arms')).toBe(false);
    expect(relations.related('weapons', 'arms')).toBe(true);
  });

  it('refuses a near copy of a claim with one word of the opposite sense, and says why', () => {
    expect(scorer.judge('Chinese media describe Putin as an “old friend”.', 'Chinese media describe Putin as an “old enemy”.')).toMatchObject({
      restates: false,
      why: 'a word of the opposite sense in a word’s place',
    });
    expect(scorer.judge('Days before the visit, Russia launched a new offensive in Ukraine’s northeastern Kharkiv region.', "Days before the visit, Russia ended its offensive in Ukraine's northeastern Kharkiv region.").restates).toBe(false);
  });

  it('still finds a restatement whose swapped word is a synonym', () => {
    expect(scorer.judge('Chinese media describe Putin as an “old friend”.', 'Chinese state media called Putin an “old friend”.').restates).toBe(true);
    expect(scorer.judge('Russia and China have grown closer since Russia invaded Ukraine more than two years ago.', 'Russia and China have drawn closer since Russia invaded Ukraine more than two years ago.').restates).toBe(true);
  });
});
