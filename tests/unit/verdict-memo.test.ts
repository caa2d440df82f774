// The judge's verdicts are kept for the page that asked: a page's repeated sentences and rescans
// are judged once, and no other page is answered from what one page asked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { judgeClaims, setClaimModelSource } from '../../src/background/claim-judge';
import type { Store } from '../../src/background/store';
import { VerdictMemo } from '../../src/background/verdict-memo';
import { ClaimScorer } from '../../src/core/claims/model';
import { SEED_CLAIMS } from '../../src/data/seed-claims';

const modelFile = join(__dirname, '..', '..', 'src', 'data', 'claim-model', 'model.json');
const storeWith = (statement?: string): Store =>
  ({
    getMatchList: async () => ({
      entities: [],
      distinct: [],
      claims: SEED_CLAIMS.map(({ id, statement: s, entities, cues }) => ({ id, statement: id === 'lai-elected-january' && statement ? statement : s, entities, cues })),
    }),
  }) as unknown as Store;

const RESTATED = { claimId: 'lai-elected-january', sentence: 'Taiwan elected Lai as its president in January.', via: 'anchors' } as const;
const OTHER = { claimId: 'lai-elected-january', sentence: 'Xi Jinping visited Paris in May.', via: 'anchors' } as const;

describe('the judge remembers its verdicts for the page that asked', () => {
  afterEach(() => vi.restoreAllMocks());

  it('judges a sentence a page repeats, or asks about again, once', async () => {
    setClaimModelSource(async () => JSON.parse(readFileSync(modelFile, 'utf8')));
    const judge = vi.spyOn(ClaimScorer.prototype, 'judge');
    const page = 'https://news.example/live';
    const first = await judgeClaims(storeWith(), [RESTATED, OTHER, RESTATED], page);
    expect(first.verdicts.map((v) => v.restates)).toEqual([true, false, true]);
    expect(first.verdicts[2]).toEqual(first.verdicts[0]);
    expect(judge).toHaveBeenCalledTimes(2);
    const again = await judgeClaims(storeWith(), [OTHER, RESTATED], page);
    expect(again.verdicts).toEqual([first.verdicts[1], first.verdicts[0]]);
    expect(judge).toHaveBeenCalledTimes(2);
  });

  it('judges afresh for another page, another way of finding, or an edited claim', async () => {
    setClaimModelSource(async () => JSON.parse(readFileSync(modelFile, 'utf8')));
    const judge = vi.spyOn(ClaimScorer.prototype, 'judge');
    await judgeClaims(storeWith(), [RESTATED], 'https://news.example/a');
    // Another site's page must not be answered from the first page's asking (it could time the answer).
    await judgeClaims(storeWith(), [RESTATED], 'https://other.example/b');
    await judgeClaims(storeWith(), [{ ...RESTATED, via: 'cues' }], 'https://news.example/a');
    const edited = await judgeClaims(storeWith('Lai Ching-te lost the election in January.'), [RESTATED], 'https://news.example/a');
    expect(judge).toHaveBeenCalledTimes(4);
    expect(edited.verdicts[0]!.restates).toBe(false);
  });

  it('starts empty with a new model', async () => {
    setClaimModelSource(async () => JSON.parse(readFileSync(modelFile, 'utf8')));
    const judge = vi.spyOn(ClaimScorer.prototype, 'judge');
    await judgeClaims(storeWith(), [RESTATED], 'p');
    setClaimModelSource(async () => JSON.parse(readFileSync(modelFile, 'utf8')));
    await judgeClaims(storeWith(), [RESTATED], 'p');
    expect(judge).toHaveBeenCalledTimes(2);
  });
});

describe('VerdictMemo', () => {
  const yes = { restates: true, why: 'same actors' };
  const no = { restates: false, why: '' };

  it('forgets the least recently used verdict first', () => {
    const memo = new VerdictMemo(2, 1_000);
    memo.set('a', yes);
    memo.set('b', no);
    expect(memo.get('a')).toEqual(yes); // a is now the most recent
    memo.set('c', yes);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toEqual(yes);
    expect(memo.get('c')).toEqual(yes);
    expect(memo.size).toBe(2);
  });

  it('keeps its keys under a budget of characters, and never keeps a key over it', () => {
    const memo = new VerdictMemo(100, 10);
    memo.set('aaaa', yes);
    memo.set('bbbb', no);
    memo.set('cccc', yes); // 12 characters: the oldest goes
    expect(memo.get('aaaa')).toBeUndefined();
    expect(memo.size).toBe(2);
    memo.set('x'.repeat(11), yes);
    expect(memo.get('x'.repeat(11))).toBeUndefined();
    expect(memo.size).toBe(2);
    memo.set('bbbb', yes); // replaced, not counted twice
    expect(memo.get('bbbb')).toEqual(yes);
    expect(memo.size).toBe(2);
  });

  it('tells pages, statements, ways of finding and sentences apart in its key', () => {
    const keys = new Set([
      VerdictMemo.key('p', 's', 'anchors', 't'),
      VerdictMemo.key('p2', 's', 'anchors', 't'),
      VerdictMemo.key('p', 's2', 'anchors', 't'),
      VerdictMemo.key('p', 's', 'cues', 't'),
      VerdictMemo.key('p', 's', 'anchors', 't2'),
      VerdictMemo.key('p\u0000s', '', 'anchors', 't'),
    ]);
    expect(keys.size).toBe(6);
  });
});
