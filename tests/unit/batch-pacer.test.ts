import { describe, expect, it } from 'vitest';
import { BatchPacer, MAX_GAP_MS, MIN_GAP_MS } from '../../src/content/scan/batch-pacer';

/**
 * Drives a pacer as the watcher does: a change at each of `changes` (ms) opens a batch unless one
 * is waiting; the batch flushes `delay` later. Returns the flush times.
 */
function flushes(changes: readonly number[]): number[] {
  const pacer = new BatchPacer();
  const out: number[] = [];
  let due: number | null = null;
  for (const at of changes) {
    if (due !== null && due <= at) {
      pacer.flushed(due);
      out.push(due);
      due = null;
    }
    if (due === null) due = at + pacer.delay(at);
  }
  if (due !== null) out.push(due);
  return out;
}

describe('BatchPacer', () => {
  it('rescans a change after a quiet spell at once', () => {
    const pacer = new BatchPacer();
    expect(pacer.delay(5_000)).toBe(0);
    pacer.flushed(5_000);
    // The next change a second later: the page is not streaming, no wait.
    expect(pacer.delay(6_000)).toBe(0);
    pacer.flushed(6_000);
    // A change right after a batch waits the minimal gap, no more.
    expect(pacer.delay(6_010)).toBe(MIN_GAP_MS - 10);
  });

  it('rescans a page appending every 100 ms ever less often, never more than MAX_GAP_MS apart', () => {
    const changes = Array.from({ length: 100 }, (_, i) => 1_000 + i * 100);
    const times = flushes(changes);
    // 100 appends: one rescan per append before; now about one per three.
    expect(times.length).toBeLessThan(45);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(MAX_GAP_MS);
    // Every change is flushed within MAX_GAP_MS of happening (the last one included).
    for (const at of changes) expect(times.find((t) => t >= at)! - at).toBeLessThanOrEqual(MAX_GAP_MS);
  });

  it('goes back to the minimal gap once the page is quiet again', () => {
    const pacer = new BatchPacer();
    let now = 0;
    for (let i = 0; i < 10; i++) {
      now += pacer.delay(now);
      pacer.flushed(now);
      now += 20;
    }
    // Streaming: the gap has grown.
    expect(pacer.delay(now)).toBeGreaterThan(MIN_GAP_MS);
    pacer.flushed(now + MAX_GAP_MS);
    // Two seconds of quiet, then two changes close together: the second waits the minimal gap.
    now += MAX_GAP_MS + 2_000;
    expect(pacer.delay(now)).toBe(0);
    pacer.flushed(now);
    expect(pacer.delay(now + 1)).toBeLessThanOrEqual(MIN_GAP_MS);
  });
});
