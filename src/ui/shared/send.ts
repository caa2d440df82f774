// Typed senders for extension pages (popup, options). The message maps in src/shared/messages.ts
// fix each payload and reply type, so a wrong name or payload is a compile error here.
import browser from 'webextension-polyfill';
import type {
  BackgroundMessageName,
  BackgroundMessages,
  ContentMessageName,
  ContentMessages,
  RequestOf,
  ResponseOf,
} from '../../shared/messages';
import { NoReceiverError, unwrapReply } from './reply';

export async function sendToBackground<K extends BackgroundMessageName>(
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
): Promise<ResponseOf<BackgroundMessages, K>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ type, payload });
  } catch (err) {
    throw new NoReceiverError(err instanceof Error ? err.message : String(err));
  }
  return unwrapReply<ResponseOf<BackgroundMessages, K>>(raw);
}

/**
 * Sends to the content script of the tab's top frame only: the content script runs in every
 * frame, and an iframe's answer must not win the race against the page's.
 */
export async function sendToTab<K extends ContentMessageName>(
  tabId: number,
  type: K,
  payload: RequestOf<ContentMessages, K>,
): Promise<ResponseOf<ContentMessages, K>> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
  } catch (err) {
    // Chromium: "Could not establish connection. Receiving end does not exist."
    throw new NoReceiverError(err instanceof Error ? err.message : String(err));
  }
  return unwrapReply<ResponseOf<ContentMessages, K>>(raw);
}
