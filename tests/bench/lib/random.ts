// A seeded PRNG (mulberry32), so every bench run builds the same lists and texts and the numbers
// of two runs compare like for like.
export type Random = (n: number) => number;

export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
