// How the content script reads the background's replies when the extension goes away under it.
// Seen in the reload test (tests/browser/hostile-update.test.ts), now and then: a message in
// flight came back with no reply at all, a moment before runtime.id went away, and the orphan
// warned "Malformed reply from the background" in the page's console instead of stopping quietly.
import { afterEach, describe, expect, it, vi } from 'vitest';

const runtime: { id: string | undefined; sendMessage: (message: unknown) => Promise<unknown> } = {
  id: 'abc',
  sendMessage: async () => ({ ok: true, value: {} }),
};
// The content script reads the extension API itself (no polyfill): Chrome's `chrome.runtime`.
(globalThis as { chrome?: unknown }).chrome = { runtime };

const { OrphanedError, askBackground } = await import('../../src/content/runtime/messaging');

afterEach(() => {
  runtime.id = 'abc';
  vi.useRealTimers();
});

describe('askBackground', () => {
  it('takes a reply-less message for an orphan when the extension is gone a moment later', async () => {
    vi.useFakeTimers();
    runtime.sendMessage = async () => {
      setTimeout(() => (runtime.id = undefined), 100);
      return undefined;
    };
    const asked = askBackground('page/init', { host: 'example.org' });
    const settled = expect(asked).rejects.toBeInstanceOf(OrphanedError);
    await vi.advanceTimersByTimeAsync(300);
    await settled;
  });

  it('still calls a reply-less message malformed while the extension is alive', async () => {
    vi.useFakeTimers();
    runtime.sendMessage = async () => undefined;
    const asked = askBackground('page/init', { host: 'example.org' });
    const settled = expect(asked).rejects.toThrow('Malformed reply from the background.');
    await vi.advanceTimersByTimeAsync(300);
    await settled;
  });

  it("takes Chrome's own 'port closed' rejection as a reply-less message (the polyfill resolved undefined)", async () => {
    vi.useFakeTimers();
    runtime.sendMessage = async () => {
      setTimeout(() => (runtime.id = undefined), 100);
      throw new Error('The message port closed before a response was received.');
    };
    const asked = askBackground('page/init', { host: 'example.org' });
    const settled = expect(asked).rejects.toBeInstanceOf(OrphanedError);
    await vi.advanceTimersByTimeAsync(300);
    await settled;
  });

  it('returns the value of a good reply', async () => {
    runtime.sendMessage = async () => ({ ok: true, value: { disabled: true, colours: {} } });
    await expect(askBackground('page/init', { host: 'example.org' })).resolves.toEqual({ disabled: true, colours: {} });
  });
});
