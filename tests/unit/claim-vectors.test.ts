// The claim model's word vectors: packed the same way twice, read back through a word's lemmas, and
// the meaning features they give: a swap of near-synonyms leaves leftovers that mean the same, a
// different fact leaves leftovers that do not. Tiny hand-made vectors: no download needed.
import { describe, expect, it } from 'vitest';
import { modelFileName } from '../../src/background/claim-judge';
import { eigenvectors, packVectors } from '../../src/cli/claims/vector-pack';
import type { RawVectors } from '../../src/cli/claims/vector-source';
import { MEANING_FEATURE_NAMES, meaningFeatures } from '../../src/core/claims/meaning';
import { analyze } from '../../src/core/claims/text';
import { WordVectors } from '../../src/core/claims/vectors';

/** Words on a few meaning axes (4 dimensions), with a little of each word's own. */
function raw(): RawVectors {
  const axes: Record<string, number[]> = {
    ousted: [1, 0, 0, 0], removed: [0.95, 0.1, 0, 0], expelled: [0.9, 0, 0.1, 0],
    praised: [0, 1, 0, 0], welcomed: [0, 0.9, 0.1, 0],
    minister: [0, 0, 1, 0], official: [0, 0.1, 0.9, 0],
    rain: [0, 0, 0, 1], weather: [0.05, 0, 0, 0.9], party: [0.3, 0.3, 0.3, 0.1], leader: [0.1, 0.2, 0.6, 0.1],
  };
  const words = Object.keys(axes);
  const values = new Float32Array(words.length * 4);
  words.forEach((w, i) => values.set(axes[w]!.map((x, k) => x + 0.01 * ((i * 7 + k * 3) % 5)), i * 4));
  return { words, dims: 4, values };
}

function vectors(dims = 4): WordVectors {
  const { data, bytes } = packVectors(raw(), 100, dims);
  return new WordVectors(data, bytes);
}

const byName = (values: number[]) => Object.fromEntries(MEANING_FEATURE_NAMES.map((n, i) => [n, values[i]!]));
const exactOnly = (a: string, b: string) => a === b;
const flat = () => 1;

describe('claim word vectors', () => {
  it('pack the same bytes twice, one signed byte per dimension', () => {
    const a = packVectors(raw(), 100, 3);
    const b = packVectors(raw(), 100, 3);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.bytes.length).toBe(11 * 3);
    expect(a.data.dims).toBe(3);
  });

  it('find the principal axes of a covariance, largest first', () => {
    const { values, vectors: axes } = eigenvectors(Float64Array.from([4, 1, 0, 1, 3, 0, 0, 0, 1]), 3);
    expect(values[0]).toBeCloseTo((7 + Math.sqrt(5)) / 2, 6);
    expect(values[2]).toBeCloseTo(1, 6);
    expect(Math.abs(axes[2]![2]!)).toBeCloseTo(1, 6);
  });

  it('read a word through its lemmas, and keep near-synonyms near after packing', () => {
    const v = vectors();
    expect(v.rowOf('ousted')).toBeGreaterThanOrEqual(0);
    expect(v.rowOf('ministers')).toBe(v.rowOf('minister'));
    expect(v.rowOf('zebra')).toBe(-1);
    expect(v.cosine(v.rowOf('ousted'), v.rowOf('removed'))).toBeGreaterThan(0.9);
    expect(v.cosine(v.rowOf('ousted'), v.rowOf('praised'))).toBeLessThan(0.3);
  });

  it('refuse a vector file that does not fit its words', () => {
    const { data } = packVectors(raw(), 100, 4);
    expect(() => new WordVectors(data, new Uint8Array(5))).toThrow(/bytes/);
  });

  it('tell a synonym swap from a different fact among the words the alignment leaves over', () => {
    const v = vectors();
    const claim = analyze('The party ousted the minister');
    const swap = byName(meaningFeatures(claim, analyze('The party removed the minister'), v, exactOnly, flat));
    const other = byName(meaningFeatures(claim, analyze('The party praised the minister'), v, exactOnly, flat));
    expect(swap.leftoverExplained).toBeGreaterThan(0.9);
    expect(other.leftoverExplained).toBeLessThan(0.3);
    expect(swap.claimLeftUnexplained).toBeLessThan(other.claimLeftUnexplained!);
    expect(swap.sentenceLeftUnexplained).toBeLessThan(other.sentenceLeftUnexplained!);
    // Nothing left over on either side: nothing unexplained.
    const same = byName(meaningFeatures(claim, analyze('The party ousted the minister'), v, exactOnly, flat));
    expect([same.claimLeftUnexplained, same.sentenceLeftUnexplained, same.leftoverExplained]).toEqual([0, 0, 1]);
    // A word without a vector explains nothing.
    expect(byName(meaningFeatures(claim, analyze('The party zorbed the minister'), v, exactOnly, flat)).leftoverExplained).toBe(0);
  });

  it('load only a plain file name beside the model, never a path or an address', () => {
    expect(modelFileName('claim-vectors.bin')).toBe('claim-vectors.bin');
    for (const bad of ['../background.js', 'a/b.bin', 'https://example.com/x.bin', '', 7]) expect(() => modelFileName(bad)).toThrow();
  });
});
