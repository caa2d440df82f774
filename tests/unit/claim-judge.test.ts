// The background's claims/judge: candidates checked at the boundary, judged with the model (loaded
// once, from wherever the background says), unknown claims never marked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeClaims, setClaimModelSource } from '../../src/background/claim-judge';
import { parseClaimJudge } from '../../src/background/payloads/claim-payloads';
import type { Store } from '../../src/background/store';
import { FEATURE_NAMES } from '../../src/core/claims/features';
import { SEED_CLAIMS } from '../../src/data/seed-claims';

const modelFile = join(__dirname, '..', '..', 'src', 'data', 'claim-model', 'model.json');
const store = {
  getMatchList: async () => ({ entities: [], distinct: [], claims: SEED_CLAIMS.map(({ id, statement, entities, cues }) => ({ id, statement, entities, cues })) }),
} as unknown as Store;

describe('claims/judge', () => {
  it('marks a restatement and not a negated look-alike, loading the model once', async () => {
    let loads = 0;
    setClaimModelSource(async () => {
      loads++;
      return JSON.parse(readFileSync(modelFile, 'utf8'));
    });
    const { verdicts } = await judgeClaims(store, [
      { claimId: 'lai-elected-january', sentence: 'Taiwan elected Lai as its president in January.', via: 'anchors' },
      { claimId: 'force-not-ruled-out-taiwan', sentence: 'Beijing has ruled out the use of force against Taiwan.', via: 'cues' },
      { claimId: 'no-such-claim', sentence: 'Taiwan elected Lai as its president in January.', via: 'anchors' },
    ]);
    expect(verdicts.map((v) => v.restates)).toEqual([true, false, false]);
    expect(verdicts[0]!.why).toContain('same actors: Lai, Taiwan');
    await judgeClaims(store, [{ claimId: 'lai-elected-january', sentence: 'Lai won in January.', via: 'anchors' }]);
    expect(loads).toBe(1);
  });

  it('never loads the model for a page without candidates', async () => {
    let loads = 0;
    setClaimModelSource(async () => {
      loads++;
      return {};
    });
    expect(await judgeClaims(store, [])).toEqual({ verdicts: [] });
    expect(loads).toBe(0);
  });

  it('refuses malformed candidates', () => {
    expect(() => parseClaimJudge({ candidates: [{ claimId: 'x', sentence: 's', via: 'magic' }] })).toThrow(/via/);
    expect(() => parseClaimJudge({ candidates: [{ claimId: '', sentence: 's', via: 'cues' }] })).toThrow();
    expect(() => parseClaimJudge({ candidates: 'all' })).toThrow(/array/);
    expect(() => parseClaimJudge({ candidates: Array.from({ length: 2001 }, () => ({ claimId: 'x', sentence: 's', via: 'cues' })) })).toThrow(/more than/);
    expect(parseClaimJudge({ candidates: [{ claimId: 'x', sentence: 's', via: 'anchors' }] })).toEqual({ candidates: [{ claimId: 'x', sentence: 's', via: 'anchors' }] });
  });

  it('loads the word vectors a model names from a file of its own, once, and never a path', async () => {
    // The shipped model with vectors attached: its trees read the lexical features only, so the
    // verdicts stay the model's; what is checked is the loading.
    const model = JSON.parse(readFileSync(modelFile, 'utf8'));
    const words = ['taiwan', 'elected', 'president', 'january', 'won'];
    const withVectors = { ...model, features: [...FEATURE_NAMES], vectors: { words: words.join('\n'), dims: 2, file: 'claim-vectors.bin' } };
    const asked: string[] = [];
    setClaimModelSource(
      async () => withVectors,
      async (file) => {
        asked.push(file);
        return new Uint8Array(words.length * 2).fill(1);
      },
    );
    const { verdicts } = await judgeClaims(store, [{ claimId: 'lai-elected-january', sentence: 'Taiwan elected Lai as its president in January.', via: 'anchors' }]);
    expect(verdicts[0]!.restates).toBe(true);
    await judgeClaims(store, [{ claimId: 'lai-elected-january', sentence: 'Lai won in January.', via: 'anchors' }]);
    expect(asked).toEqual(['claim-vectors.bin']);

    // A model naming a path is refused, and nothing is fetched for it.
    asked.length = 0;
    setClaimModelSource(async () => ({ ...withVectors, vectors: { ...withVectors.vectors, file: '../background.js' } }));
    await expect(judgeClaims(store, [{ claimId: 'lai-elected-january', sentence: 'Lai won in January.', via: 'anchors' }])).rejects.toThrow(/file name/);
    expect(asked).toEqual([]);
  });
});
