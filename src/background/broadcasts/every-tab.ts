// A message from the background to every tab's content script (TabBroadcasts). Without the "tabs"
// permission the background cannot read a tab's address, so each page decides whether it is
// concerned, and asks the background again rather than trusting what it is told.
import browser from 'webextension-polyfill';
import type { Envelope, RequestOf, TabBroadcasts } from '../../shared/messages';

export async function tellEveryTab<K extends keyof TabBroadcasts>(type: K, payload: RequestOf<TabBroadcasts, K>): Promise<void> {
  const message = { type, payload } as Envelope<TabBroadcasts, K>;
  const tabs = await browser.tabs.query({}).catch(() => []);
  // A tab without our script (a browser page, one still loading) has no receiver: nothing to tell.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
