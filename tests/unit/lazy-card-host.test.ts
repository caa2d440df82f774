// The card's code loads after the first highlights (issue 14): a card asked for while it loads
// must open once it is there, the last ask winning, and a close meanwhile must leave no card.
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
let release: () => void = () => {};

class FakeCardHost {
  isOpen = false;
  constructor(_doc: unknown, _hooks: unknown) {
    calls.push('made');
  }
  isHostNode(): boolean {
    return false;
  }
  prepare(): void {
    calls.push('prepare');
  }
  open(_anchor: unknown, mention: { id: string }): void {
    calls.push(`open ${mention.id}`);
  }
  close(): void {
    calls.push('close');
  }
  destroy(): void {
    calls.push('destroy');
  }
}

vi.mock('../../src/content/runtime/chunks', () => ({
  loadChunk: vi.fn(() => new Promise((resolve) => (release = () => resolve({ CardHost: FakeCardHost })))),
}));

const { LazyCardHost } = await import('../../src/content/card/lazy-card-host');
const { loadChunk } = await import('../../src/content/runtime/chunks');

const mention = (id: string) => ({ id }) as never;
const anchor = {} as Range;
const hooks = { onClose() {}, onStep() {}, onChoose() {} };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyCardHost', () => {
  it('opens the last card asked for while its code loads, once, after one load', async () => {
    calls.length = 0;
    const host = new LazyCardHost({} as Document, hooks, () => {});
    host.prepare();
    host.open(anchor, mention('a'));
    host.open(anchor, mention('b'));
    expect(calls).toEqual([]);
    release();
    await settle();
    expect(calls).toEqual(['made', 'prepare', 'open b']);
    expect(loadChunk).toHaveBeenCalledTimes(1);
    host.open(anchor, mention('c'));
    expect(calls.at(-1)).toBe('open c');
  });

  it('opens nothing when the card was closed while its code loaded', async () => {
    calls.length = 0;
    const host = new LazyCardHost({} as Document, hooks, () => {});
    host.open(anchor, mention('a'));
    host.close(false);
    release();
    await settle();
    expect(calls).toEqual(['made']);
  });

  it('makes no card once destroyed (an orphan) while its code loaded', async () => {
    calls.length = 0;
    const host = new LazyCardHost({} as Document, hooks, () => {});
    host.open(anchor, mention('a'));
    host.destroy();
    release();
    await settle();
    expect(calls).toEqual([]);
    expect(host.isOpen).toBe(false);
  });
});
