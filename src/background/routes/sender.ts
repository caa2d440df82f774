// Who is talking to the background. Decided from what the browser fills in, never from the
// message itself, so a page cannot claim to be the popup.
import { FRAME_PAGES } from '../../shared/frame-messages';
import type { SenderKind } from '../../shared/messages';

/** Dossier's own pages that show in frames on web pages (the card, the note form). */
const FRAME_PATHS: readonly string[] = Object.values(FRAME_PAGES);

/** True for one of our frame pages (their URL carries a #token). */
function isFramePage(url: string, extensionOrigin: string): boolean {
  const path = url.slice(extensionOrigin.length).split(/[?#]/)[0] ?? '';
  return FRAME_PATHS.includes(path);
}

/** The parts of runtime.MessageSender we look at; browser's MessageSender fits it. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
}

export function senderKind(sender: SenderInfo, extensionOrigin: string, extensionId: string): SenderKind | null {
  const url = sender.url ?? '';
  // Every string starts with '': without an origin nobody may pass as an extension page.
  if (extensionOrigin && url.startsWith(extensionOrigin)) {
    // An extension page shown in a tab (options opened as a tab) has a tab whose URL is ours too.
    if (!sender.tab || (sender.tab.url ?? '').startsWith(extensionOrigin)) return 'extension-page';
    // Our card and note frames sit in a web page's tab: they are our code, in our origin, which
    // the page can neither script nor read.
    if (isFramePage(url, extensionOrigin)) return 'extension-page';
    return null;
  }
  if (sender.tab && sender.id === extensionId && /^(https?|file):/i.test(url || (sender.tab.url ?? ''))) {
    return 'content';
  }
  return null;
}
