import { describe, expect, it } from 'vitest';
import { VerdictMemo } from '../../src/content/claims/verdict-memo';

const candidate = (sentence: string, claimId = 'c1', via: 'cues' | 'anchors' = 'cues') => ({ claimId, sentence, via });

describe('VerdictMemo', () => {
  it('keys a verdict on everything the judge reads: the claim, how it was found and the sentence', () => {
    const keys = new Set([
      VerdictMemo.keyOf(candidate('Xi spoke.')),
      VerdictMemo.keyOf(candidate('Xi spoke.', 'c2')),
      VerdictMemo.keyOf(candidate('Xi spoke.', 'c1', 'anchors')),
      VerdictMemo.keyOf(candidate('Xi spoke')),
    ]);
    expect(keys.size).toBe(4);
    expect(VerdictMemo.keyOf(candidate('Xi spoke.'))).toBe(VerdictMemo.keyOf(candidate('Xi spoke.')));
  });

  it('keeps only the latest verdicts past its bound', () => {
    const memo = new VerdictMemo(2);
    memo.set('a', { restates: true, why: 'a' });
    memo.set('b', { restates: false, why: '' });
    memo.set('c', { restates: true, why: 'c' });
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('b')).toEqual({ restates: false, why: '' });
    expect(memo.get('c')).toEqual({ restates: true, why: 'c' });
    memo.clear();
    expect(memo.get('c')).toBeUndefined();
  });
});
