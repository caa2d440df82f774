// Replies cross a context boundary, so they are checked before use: a reply that is not a Reply
// envelope (an old content script, another extension's listener, nothing at all) is an error with
// a message, never a value typed by hope.
import type { Reply } from '../../shared/messages';

/** The other side answered, but with `{ ok: false, error }`. */
export class ReplyError extends Error {
  override name = 'ReplyError';
}

/** Nobody answered: no content script on the page (chrome://, the web store), or no listener. */
export class NoReceiverError extends Error {
  override name = 'NoReceiverError';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function isReply(x: unknown): x is Reply<unknown> {
  if (!isRecord(x)) return false;
  if (x.ok === true) return 'value' in x;
  return x.ok === false && typeof x.error === 'string';
}

/**
 * The value of a Reply envelope. Throws NoReceiverError for `undefined` (no listener answered),
 * ReplyError for `{ ok: false }` or a malformed answer.
 */
export function unwrapReply<T>(raw: unknown): T {
  if (raw === undefined) throw new NoReceiverError('No reply: nothing on the other side answered.');
  if (!isReply(raw)) throw new ReplyError('Malformed reply from another part of Dossier.');
  if (!raw.ok) throw new ReplyError(raw.error);
  // The envelope is checked here; the value's shape is checked by the caller's validator where
  // it matters (see validate.ts).
  return raw.value as T;
}
