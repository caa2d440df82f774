import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/core/matching/matcher';
import type { Alias, Entity, EntityKind, EntityList, Mention } from '../../src/core/types';

const provenance = { outlet: 'Test', title: 'Test', date: '2024-05-16', sentence: 'Test.' };

function entity(id: string, name: string, kind: EntityKind, aliases: Alias[] = []): Entity {
  return { id, name, kind, aliases, context: '', provenance };
}

// Surnames that stand alone say so (needsContext: false): by default a one-word alias of a person
// waits for the full name (matcher-case.test.ts).
const LIST: EntityList = {
  version: 1,
  entities: [
    entity('vladimir-putin', 'Vladimir Putin', 'person', [{ text: 'Putin', needsContext: false }]),
    entity('xi-jinping', 'Xi Jinping', 'person', [{ text: 'Xi', exactCase: true, needsContext: false }]),
    entity('volodymyr-zelenskyy', 'Volodymyr Zelenskyy', 'person', [
      { text: 'Zelenskyy', needsContext: false },
      { text: 'Zelensky', needsContext: false },
    ]),
    entity('william-lai', 'William Lai Ching-te', 'person', [{ text: 'Lai', exactCase: true, needsContext: true }]),
    entity('sergey-lavrov', 'Sergey Lavrov', 'person', [{ text: 'Lavrov', needsContext: true }]),
    entity('united-nations', 'United Nations', 'organisation', [{ text: 'UN', exactCase: true }]),
    entity('unsc', 'United Nations Security Council', 'organisation', [{ text: 'Security Council' }]),
    entity('ukraine', 'Ukraine', 'place'),
    entity('beijing', 'Beijing', 'place'),
  ],
  claims: [],
  quotes: [],
  distinct: [{ text: 'National Security Council', note: 'US body, not the UN one' }],
};

const matcher = createMatcher(LIST);
const found = (text: string): [string, string][] => matcher.findMentions(text).map((m) => [m.entityId, m.text]);

describe('whole words', () => {
  it('finds no name inside a longer word', () => {
    expect(found('Quantum computing and Putinism, the Xi’an terracotta army')).toEqual([]);
    expect(found('Beijingers and Ukrainian troops')).toEqual([]);
  });

  // Names are proper nouns: an all-lowercase "putin" is no mention (matcher-case.test.ts).
  it('finds names capitalised or in capitals, with possessives, straight or typographic', () => {
    // Not at the text's start: there, with "putin" in the same text, it would read as an ordinary word.
    expect(found("On Putin's visit, Putin’s plan, PUTIN, putin; Xi’s and Xi's aims; the Ukraine' border")).toEqual([
      ['vladimir-putin', 'Putin'],
      ['vladimir-putin', 'Putin'],
      ['vladimir-putin', 'PUTIN'],
      ['xi-jinping', 'Xi'],
      ['xi-jinping', 'Xi'],
      ['ukraine', 'Ukraine'],
    ]);
  });

  it('takes punctuation and line ends as boundaries', () => {
    expect(found('(Putin)\n"Beijing."—Ukraine-Russia talks, a Putin-Biden call')).toEqual([
      ['vladimir-putin', 'Putin'],
      ['beijing', 'Beijing'],
      ['ukraine', 'Ukraine'],
      ['vladimir-putin', 'Putin'],
    ]);
  });

  // Issue 17: joined by a hyphen to a lowercase word, a name is part of a modifier, not a mention
  // (CoNLL-2003 and the lists people make; name-readings.ts inCompoundWord).
  it('a name in a compound modifier ("Ukraine-backed", "anti-Putin") is no mention', () => {
    expect(found('"Beijing."—Ukraine-backed, anti-Putin')).toEqual([['beijing', 'Beijing']]);
  });
});

describe('typographic variants', () => {
  it('matches multi-word names across NBSP, doubled spaces and line breaks, with exact offsets', () => {
    const text = 'A Xi\u00a0Jinping, B Xi  Jinping, C Xi\n  Jinping.';
    const mentions = matcher.findMentions(text);
    expect(mentions.map((m) => m.text)).toEqual(['Xi\u00a0Jinping', 'Xi  Jinping', 'Xi\n  Jinping']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions[0]).toMatchObject({ entityId: 'xi-jinping', kind: 'person', start: 2, end: 12 });
  });

  it('matches spelling variants and accented spellings of one person', () => {
    expect(found('Zelenskyy, Zelensky, Zelenskýy, Zelensky\u0301y and Zelen\u00adskyy')).toEqual([
      ['volodymyr-zelenskyy', 'Zelenskyy'],
      ['volodymyr-zelenskyy', 'Zelensky'],
      ['volodymyr-zelenskyy', 'Zelenskýy'],
      ['volodymyr-zelenskyy', 'Zelensky\u0301y'],
      ['volodymyr-zelenskyy', 'Zelen\u00adskyy'],
    ]);
  });
});

describe('exactCase', () => {
  it('matches short aliases only as written', () => {
    expect(found('un peu, the un-named xi and XI; the UN and Xi')).toEqual([
      ['united-nations', 'UN'],
      ['xi-jinping', 'Xi'],
    ]);
  });

  it('still matches the canonical name in any case', () => {
    expect(found('XI JINPING MEETS PUTIN')).toEqual([
      ['xi-jinping', 'XI JINPING'],
      ['vladimir-putin', 'PUTIN'],
    ]);
  });
});

describe('leftmost-longest', () => {
  it('reports the longest name, not the shorter names inside it', () => {
    expect(found('the United Nations Security Council met; the UN Security Council too')).toEqual([
      ['unsc', 'United Nations Security Council'],
      ['united-nations', 'UN'],
      ['unsc', 'Security Council'],
    ]);
  });

  it('lets a distinct name block the entity name it contains', () => {
    expect(found('the US National Security Council, not the Security Council')).toEqual([
      ['unsc', 'Security Council'],
    ]);
  });

  it('returns mentions sorted and non-overlapping', () => {
    const mentions = matcher.findMentions('Vladimir Putin and Putin met Xi Jinping in Beijing');
    expect(mentions.map((m) => m.text)).toEqual(['Vladimir Putin', 'Putin', 'Xi Jinping', 'Beijing']);
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
  });
});

describe('surname context', () => {
  it('leaves a bare surname unresolved', () => {
    const result = matcher.scan('Lai said the island would not bow.');
    expect(result.mentions).toEqual([]);
    expect(result.unresolved.map((m) => [m.entityId, m.text, m.start])).toEqual([['william-lai', 'Lai', 0]]);
    expect(result.identified.has('william-lai')).toBe(false);
  });

  it('resolves a surname right after a title, and identifies the person for the rest of the text', () => {
    const text = 'President Lai spoke. Later Lai left. Foreign Minister Lavrov and Mr. Lavrov agreed.';
    const result = matcher.scan(text);
    expect(result.mentions.map((m) => [m.entityId, m.start])).toEqual([
      ['william-lai', 10],
      ['william-lai', 27],
      ['sergey-lavrov', 54],
      ['sergey-lavrov', 69],
    ]);
    expect(result.unresolved).toEqual([]);
    expect([...result.identified].sort()).toEqual(['sergey-lavrov', 'william-lai']);
  });

  it('does not take a word that is no title as context', () => {
    expect(matcher.scan('Taiwan’s Lai spoke.').unresolved).toHaveLength(1);
    expect(matcher.scan('Presidential Lai spoke.').unresolved).toHaveLength(1);
  });

  it('resolves a surname once the full name occurs anywhere in the text', () => {
    const text = 'Lai warned on Monday. William Lai Ching-te, who was elected in January, met Lavrov.';
    const result = matcher.scan(text);
    expect(result.mentions.map((m) => m.text)).toEqual(['Lai', 'William Lai Ching-te']);
    expect(result.unresolved.map((m) => m.text)).toEqual(['Lavrov']);
  });

  it('resolves a surname identified in an earlier slice of the page', () => {
    const result = matcher.scan('Lavrov said so.', new Set(['sergey-lavrov']));
    expect(result.mentions.map((m) => m.entityId)).toEqual(['sergey-lavrov']);
    expect(result.identified.size).toBe(0);
  });
});

describe('offsets', () => {
  // Random filler around random spellings of known names: every inserted name must come back at
  // exactly the offsets where it was put, whatever whitespace and apostrophes surround it.
  it('are exact UTF-16 indexes into the original text', () => {
    let seed = 42;
    const random = (n: number): number => {
      // mulberry32: the low bits of a plain LCG repeat too soon for `% n`
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;
    const spellings: [string, string][] = [
      ['vladimir-putin', 'Vladimir\u00a0Putin'],
      ['vladimir-putin', 'PUTIN'],
      ['xi-jinping', 'Xi\n\n Jinping'],
      ['volodymyr-zelenskyy', 'Zelenskýy'],
      ['unsc', 'Security \u2009Council'],
      ['beijing', 'BEIJING'],
    ];
    const fillers = ['the', 'said', 'é', '\u00a0', '😀', '—', '...', '  ', '\n', 'ÿ', '“', '”', '42'];
    const gaps = [' ', '\u00a0', '\n', ' “', '” ', ' (', ') '];
    const suffixes = ['', '’s', "'s", "'", ','];
    for (let round = 0; round < 200; round++) {
      let text = pick(fillers);
      const expected: Omit<Mention, 'kind'>[] = [];
      for (let k = 0; k < 5; k++) {
        const [entityId, spelling] = pick(spellings);
        text += pick(gaps);
        expected.push({ entityId, start: text.length, end: text.length + spelling.length, text: spelling });
        text += spelling + pick(suffixes) + pick(gaps) + pick(fillers);
      }
      const mentions = matcher.findMentions(text).map(({ entityId, start, end, text: t }) => ({ entityId, start, end, text: t }));
      expect(mentions, JSON.stringify(text)).toEqual(expected);
    }
  });
});

describe('names inside text written without spaces', () => {
  // Bug: "总统Vladimir Putin抵达" held no mention, since Han characters counted as letters of the name's word.
  it('finds a Latin name glued to Chinese, Japanese or Thai text, and still none inside Latin words', () => {
    const list: EntityList = {
      version: 1,
      entities: [{ id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin', needsContext: false }], context: '', provenance: { outlet: 'T', title: 'T', date: '2024-01-01', sentence: 'S' } }],
      claims: [],
      quotes: [],
      distinct: [],
    };
    const matcher = createMatcher(list);
    for (const text of ['总统Vladimir Putin抵达北京。', 'プーチン（Putin）大統領とPutinさん', 'ประธานาธิบดีPutinกล่าว']) {
      const found = matcher.findMentions(text);
      expect(found.length, text).toBeGreaterThan(0);
      for (const m of found) expect(text.slice(m.start, m.end)).toMatch(/^(Vladimir )?Putin$/);
    }
    expect(matcher.findMentions('computing Putinism 한국Putin')).toEqual([]);
  });
});
