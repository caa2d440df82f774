import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '../../src/core/anchoring';

// 1 MB of article-like text: words of the seed article in a seeded pseudo-random order, so no
// passage repeats and every search has to look at the whole text.
function largeText(bytes: number): string {
  const words = readFileSync(new URL('../../src/data/seed-article.txt', import.meta.url), 'utf8').split(/\s+/).filter(Boolean);
  let seed = 12345;
  // mulberry32: 32-bit integer arithmetic, so the sequence does not fall into a short cycle.
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = words[next() % words.length]!;
    parts.push(word);
    length += word.length + 1;
    if (next() % 40 === 0) parts.push('\n\n');
  }
  return parts.join(' ');
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

// Results must not depend on how busy the machine is: correctness is checked with a budget no
// run comes near, and the budget itself with one that has already run out. Wall times are only
// printed (speed belongs to the benchmarks).
const AMPLE_MS = 30_000;
const SPENT_MS = -1;

group('anchor on 1 MB of text', () => {
  const text = largeText(1_000_000);
  const start = Math.floor(text.length * 0.9);
  const selectors = describe(text, start, start + 120);
  const changed = text.slice(0, start + 50) + 'XYZXYZ' + text.slice(start + 56);
  // Shifted and edited: the old offset no longer helps, the whole text may be searched.
  const shiftedAndChanged = `A new first paragraph.\n\n${changed}`;

  it('re-anchors an edited passage near the end and orphans a deleted one', () => {
    expect(selectors.quote.exact.length).toBe(120);
    const moved = `A new first paragraph.\n\n${text}`;
    const quote = timed(() => anchor(moved, selectors, { maxMs: AMPLE_MS }));
    expect(quote.result).toMatchObject({ start: start + 24, method: 'quote' });

    const fuzzyNear = timed(() => anchor(changed, selectors, { maxMs: AMPLE_MS }));
    expect(fuzzyNear.result).toMatchObject({ method: 'fuzzy' });
    expect(Math.abs(fuzzyNear.result!.start - start)).toBeLessThanOrEqual(2);

    const fuzzyFar = timed(() => anchor(shiftedAndChanged, { quote: selectors.quote }, { maxMs: AMPLE_MS }));
    expect(fuzzyFar.result).toMatchObject({ method: 'fuzzy' });

    const deleted = text.slice(0, start - 40) + text.slice(start + 160);
    const orphan = timed(() => anchor(deleted, selectors, { maxMs: AMPLE_MS }));
    expect(orphan.result).toBeNull();

    const longStart = Math.floor(text.length / 2);
    const longQuote = describe(text, longStart, longStart + 3000);
    const longDeleted = text.slice(0, longStart) + text.slice(longStart + 3000);
    const longOrphan = timed(() => anchor(longDeleted, longQuote, { maxMs: AMPLE_MS }));
    expect(longOrphan.result).toBeNull();

    console.info(
      `anchor, 1 MB: quote ${quote.ms.toFixed(1)} ms, fuzzy near ${fuzzyNear.ms.toFixed(1)} ms, ` +
        `fuzzy without position ${fuzzyFar.ms.toFixed(1)} ms, orphan (120 chars) ${orphan.ms.toFixed(1)} ms, ` +
        `orphan (3,000 chars) ${longOrphan.ms.toFixed(1)} ms`,
    );
  });

  it('gives up on the approximate search once its time budget is spent, but still finds exact quotes', () => {
    expect(anchor(shiftedAndChanged, { quote: selectors.quote }, { maxMs: SPENT_MS })).toBeNull();
    const moved = `A new first paragraph.\n\n${text}`;
    expect(anchor(moved, selectors, { maxMs: SPENT_MS })).toMatchObject({ start: start + 24, method: 'quote' });
  });
});
