// Talking to the background. Every reply crosses a context boundary and is checked; a content
// script left behind by an extension update or reload learns it here ("Extension context
// invalidated") and must stop quietly.
// The extension API directly, not webextension-polyfill: MV3 Chrome and Firefox both return promises,
// and the polyfill was ~10 KB of the chunk every page that names someone evaluates (issue 14).
import { runtimeApi } from '../first-stage/runtime';
import type { BackgroundMessageName, BackgroundMessages, RequestOf, ResponseOf } from '../../shared/messages';

/** The extension was updated, reloaded or removed: this script is an orphan. */
export class OrphanedError extends Error {
  override name = 'OrphanedError';
}

export function isContextAlive(): boolean {
  return runtimeApi() !== undefined; // Firefox throws on access to a dead wrapper: runtimeApi catches it
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * Rejects once this script is an orphan. A question in flight as the extension is reloaded may
 * never be answered, and whatever awaits it (the content script's work queue) would hold the
 * orphan's highlights on the page; the question is not otherwise timed out, since the background
 * may take long for good reasons (a model loading, a busy store).
 */
async function unlessOrphaned<T>(question: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const orphaned = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (!isContextAlive()) reject(new OrphanedError('Extension context invalidated.'));
    }, 1000);
  });
  try {
    return await Promise.race([question, orphaned]);
  } finally {
    clearInterval(timer);
  }
}

/** askBackground's shape, for code in chunks (see chunks.ts), which gets it handed in rather than bundling the polyfill again. */
export type AskBackground = typeof askBackground;

/** The reply as sent, or undefined where the message got none; an orphan's failure as OrphanedError. */
async function send(question: Promise<unknown>): Promise<unknown> {
  try {
    return await unlessOrphaned(question);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Chrome's own promise rejects where the polyfill resolved undefined: a reply-less message.
    if (/message port closed before a response/i.test(message)) return undefined;
    if (/context invalidated/i.test(message) || !isContextAlive()) throw new OrphanedError(message);
    // A reload cuts the channel of a message in flight a moment before runtime.id goes away:
    // look again shortly, so an orphan stops quietly instead of warning in the page's console.
    if (/message channel closed|receiving end does not exist/i.test(message)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!isContextAlive()) throw new OrphanedError(message);
    }
    throw new Error(`Dossier's background did not answer: ${message}`);
  }
}

/** Sends one BackgroundMessages request and returns the reply's value (shape checked by callers). */
export async function askBackground<K extends BackgroundMessageName>(
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
): Promise<ResponseOf<BackgroundMessages, K>> {
  const runtime = runtimeApi();
  if (!runtime) throw new OrphanedError('Extension context invalidated.');
  const raw = await send(runtime.sendMessage({ type, payload }));
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    // A reload can also end a message in flight with no reply at all (undefined), a moment before
    // runtime.id goes away: that is an orphan too, not a broken background.
    if (raw === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!isContextAlive()) throw new OrphanedError('Extension context invalidated.');
    }
    throw new Error('Malformed reply from the background.');
  }
  if (raw.ok !== true) throw new Error(typeof raw.error === 'string' ? raw.error : 'The background refused.');
  return raw.value as ResponseOf<BackgroundMessages, K>;
}
