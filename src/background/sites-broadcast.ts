// Tells every tab that the sites where Dossier is off changed, so pages follow a switch made
// elsewhere (another tab's popup, the options page, a restore) without a reload, and a popup
// closed right after its switch still leaves its own tab right. Without the "tabs" permission the
// background cannot read a tab's address, so each page checks the host itself (first-stage/loader.ts).
import browser from 'webextension-polyfill';
import type { Envelope, TabBroadcasts } from '../shared/messages';

export async function tellTabsSitesChanged(host?: string): Promise<void> {
  const message: Envelope<TabBroadcasts, 'page/sites-changed'> = { type: 'page/sites-changed', payload: host === undefined ? {} : { host } };
  const tabs = await browser.tabs.query({}).catch(() => []);
  // A tab without our script (a browser page, one still loading) has no receiver: nothing to tell.
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))));
}
