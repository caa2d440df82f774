// "Annotate the selection" in the page's context menu and as a keyboard command: both ask the
// tab's top-frame content script to open the note form for what the reader selected.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import type { ContentMessages, Envelope } from '../shared/messages';

export const ANNOTATE_MENU_ID = 'dossier-annotate';
export const ANNOTATE_COMMAND = 'annotate-selection';

/** Called by menus.ts's createMenus, after its removeAll, so the id is never a duplicate. */
export function createAnnotateMenu(): void {
  browser.contextMenus.create(
    { id: ANNOTATE_MENU_ID, title: 'Annotate the selection', contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] },
    // Reading lastError marks it handled; the only failure here is a menu that already exists.
    () => void browser.runtime.lastError,
  );
}

export async function askTabToAnnotate(tabId: number): Promise<void> {
  const message: Envelope<ContentMessages, 'page/annotate'> = { type: 'page/annotate', payload: {} };
  // A page without our content script has no receiver: nothing to do.
  await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

export async function onAnnotateMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== ANNOTATE_MENU_ID || tab?.id === undefined || tab.id < 0) return;
  await askTabToAnnotate(tab.id);
}
