// Keyboard commands (manifest "commands") are delivered to the background; the page's content
// script does the moving, so we forward them to the active tab's top frame.
import browser from 'webextension-polyfill';
import type { ContentMessages, Envelope } from '../shared/messages';
import { ANNOTATE_COMMAND, askTabToAnnotate } from './annotate-menu';

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

export async function forwardCommand(command: string): Promise<void> {
  const direction = DIRECTIONS[command];
  if (direction === undefined && command !== ANNOTATE_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  if (direction === undefined) return askTabToAnnotate(tab.id);
  const message: Envelope<ContentMessages, 'page/step'> = { type: 'page/step', payload: { direction } };
  // A page without our content script (chrome://, the store) has no receiver: nothing to do.
  await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
}
