// The extension API as the first stage uses it, without webextension-polyfill (~10 KB the first
// stage would evaluate on every page and frame): a message out, a reply back, a file's URL.
import type { Reply } from '../../shared/messages';

export interface MessageSenderLike {
  id?: string;
}

export interface RuntimeLike {
  id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: MessageSenderLike, sendResponse: (reply: unknown) => void) => boolean | undefined): void;
  };
}

/** Firefox's `browser` (a real one: guard-globals hid the page's), else Chrome's `chrome`. */
export function runtimeApi(): RuntimeLike | undefined {
  const global = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  try {
    const runtime = global.browser?.runtime ?? global.chrome?.runtime;
    return runtime?.id ? runtime : undefined;
  } catch {
    return undefined; // a dead wrapper after an update (Firefox)
  }
}

/** One request to the background; the reply's value, or an error with the background's reason. */
export async function ask(runtime: RuntimeLike, type: string, payload: unknown): Promise<unknown> {
  const reply = (await runtime.sendMessage({ type, payload })) as Reply<unknown> | undefined;
  if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') throw new Error('Malformed reply from the background.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * `ask`, asked again once a moment later when it fails (where this script is not an orphan): an
 * MV3 service worker stopped or restarting as the question arrives drops it ("The message port
 * closed before a response was received"), and a page asking only once then stayed unread, or
 * reported itself off, until reloaded.
 */
export async function askTwice(runtime: RuntimeLike, type: string, payload: unknown, waitMs = 250): Promise<unknown> {
  try {
    return await ask(runtime, type, payload);
  } catch (error) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    if (!runtimeApi()) throw error; // orphaned meanwhile: nothing to ask
    return ask(runtime, type, payload);
  }
}
