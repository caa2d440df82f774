// The page's context menu item "Add this article to my dossier": it opens the review page for
// the tab it was clicked in. Created on install (menus persist across worker restarts); the
// click listener is registered at top level in index.ts so a cold worker still hears it.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { createAnnotateMenu } from './annotate-menu';

export const ADD_ARTICLE_MENU_ID = 'dossier-add-article';

/** The review page for a tab: the page asks that tab's content script for its article. */
export function reviewPageUrl(tabId: number): string {
  return browser.runtime.getURL(`review/review.html?tab=${tabId}`);
}

/**
 * Every context menu item of Dossier, made afresh: onInstalled also fires on update, and a
 * duplicate id would be an error. One function, so removeAll is sure to run before any create.
 */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: ADD_ARTICLE_MENU_ID,
    title: 'Add this article to my dossier',
    contexts: ['page', 'selection'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
  createAnnotateMenu();
}

export async function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== ADD_ARTICLE_MENU_ID || tab?.id === undefined || tab.id < 0) return;
  await browser.tabs.create({ url: reviewPageUrl(tab.id), index: tab.index + 1 });
}
