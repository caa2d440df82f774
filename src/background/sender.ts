// Who is talking to the background. Decided from what the browser fills in, never from the
// message itself, so a page cannot claim to be the popup.
import type { SenderKind } from '../shared/messages';

/** The parts of runtime.MessageSender we look at; browser's MessageSender fits it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export function senderKind(sender: SenderInfo, extensionOrigin: string, extensionId: string): SenderKind | null {
  const url = sender.url ?? '';
  // Every string starts with '': without an origin nobody may pass as an extension page.
  if (extensionOrigin && url.startsWith(extensionOrigin)) {
    // An extension page shown in a tab (options opened as a tab) has a tab whose URL is ours too.
    if (!sender.tab || (sender.tab.url ?? '').startsWith(extensionOrigin)) return 'extension-page';
    return null;
  }
  if (sender.tab && sender.id === extensionId && /^(https?|file):/i.test(url || (sender.tab.url ?? ''))) {
    return 'content';
  }
  return null;
}
