// The card read on the reader's press (card-warmth.ts): the click's card takes it once, only for
// the same entity and page, only while fresh, and never after a write.
import { describe, expect, it } from 'vitest';
import { WARM_FOR_MS, createWarmth } from '../../src/background/store/card-warmth';

describe('a card read on the press', () => {
  it('is handed to the card of the same entity and page, once', async () => {
    const warmth = createWarmth<string>(() => 0);
    let reads = 0;
    warmth.keep('putin\nhttps://a.test/', async () => `read ${++reads}`);
    expect(reads).toBe(1);
    expect(warmth.take('biden\nhttps://a.test/')).toBeUndefined();
    expect(warmth.take('putin\nhttps://b.test/')).toBeUndefined();
    await expect(warmth.take('putin\nhttps://a.test/')).resolves.toBe('read 1');
    // The next card of that entity reads again.
    expect(warmth.take('putin\nhttps://a.test/')).toBeUndefined();
  });

  it('is dropped by a write and when it is no longer fresh', () => {
    let now = 0;
    const warmth = createWarmth<string>(() => now);
    warmth.keep('k', async () => 'old');
    warmth.forget();
    expect(warmth.take('k')).toBeUndefined();
    warmth.keep('k', async () => 'late');
    now = WARM_FOR_MS + 1;
    expect(warmth.take('k')).toBeUndefined();
  });

  it('keeps only the last press', async () => {
    const warmth = createWarmth<string>(() => 0);
    warmth.keep('a', async () => 'a');
    warmth.keep('b', async () => 'b');
    expect(warmth.take('a')).toBeUndefined();
    await expect(warmth.take('b')).resolves.toBe('b');
  });

  it('lets a failed read fail only the card that takes it', async () => {
    const warmth = createWarmth<string>(() => 0);
    warmth.keep('k', async () => {
      throw new Error('database closed');
    });
    await expect(warmth.take('k')).rejects.toThrow('database closed');
    // A failure nobody takes is no unhandled rejection (the run would report it).
    warmth.keep('j', async () => {
      throw new Error('nobody asked');
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
