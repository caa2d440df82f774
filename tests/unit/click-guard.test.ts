import { describe, expect, it } from 'vitest';
import { pointerClickCounts, SEEN_BEFORE_CLICK_MS } from '../../src/ui/frames/click-guard';

describe('a frame counts a pointer click', () => {
  it('only once it has been seen whole for a moment', () => {
    expect(pointerClickCounts(null, 10_000)).toBe(false); // covered, faded or off screen now
    expect(pointerClickCounts(1_000, 1_000 + SEEN_BEFORE_CLICK_MS - 1)).toBe(false); // only just shown
    expect(pointerClickCounts(1_000, 1_000 + SEEN_BEFORE_CLICK_MS)).toBe(true);
    expect(pointerClickCounts(1_000, 60_000)).toBe(true);
  });

  it('waits about as long as Chromium\'s own prompts do, not so long that a reader notices', () => {
    expect(SEEN_BEFORE_CLICK_MS).toBeGreaterThanOrEqual(300);
    expect(SEEN_BEFORE_CLICK_MS).toBeLessThanOrEqual(800);
  });
});
