// The background's end of the note frame's draft port (shared/draft-port.ts). Only Dossier's note
// frame may connect: a web page has no channel to the background at all, and any other sender
// (a content script, another of our pages) gets its port closed. The page address and passage come
// from the content script over the frame's private port, never from the page; the first message
// names them and the port keeps to that one draft. A message that is not the protocol ends the port.
import type { Runtime } from 'webextension-polyfill';
import { draftKey } from '../../core/drafts/drafts';
import { DRAFT_PORT, readDraftToBackground, type DraftToFrame } from '../../shared/draft-port';
import { FRAME_PAGES } from '../../shared/frame-messages';
import { senderKind } from '../routes/sender';
import type { DraftKeeper } from './draft-keeper';

export interface DraftPortOptions {
  keeper: DraftKeeper;
  /** Keeps the drafts of a private window's tabs (never on disk). */
  privateKeeper: DraftKeeper;
  extensionOrigin: string;
  extensionId: string;
  /** The reader is back in a form on this tab: a warning that a page took one away has done its work. */
  onOpened(tabId: number | undefined): void;
}

/** True for our note frame's page (its URL carries a #token). */
export function isNoteFrame(sender: Runtime.MessageSender, extensionOrigin: string, extensionId: string): boolean {
  if (senderKind(sender, extensionOrigin, extensionId) !== 'extension-page' || !extensionOrigin) return false;
  const path = (sender.url ?? '').slice(extensionOrigin.length).split(/[?#]/)[0];
  return path === FRAME_PAGES.note;
}

export function handleDraftPort(port: Runtime.Port, options: DraftPortOptions): void {
  if (port.name !== DRAFT_PORT) return;
  const sender = port.sender ?? {};
  if (!isNoteFrame(sender, options.extensionOrigin, options.extensionId)) {
    port.disconnect();
    return;
  }
  const keeper = sender.tab?.incognito ? options.privateKeeper : options.keeper;
  let key: string | null = null;
  const end = (): void => {
    key = null;
    port.disconnect();
  };
  port.onDisconnect.addListener(() => void keeper.flush().catch(() => undefined));
  port.onMessage.addListener((raw: unknown) => {
    const message = readDraftToBackground(raw);
    if (!message) return end();
    if (message.kind === 'open') {
      if (key !== null) return end(); // one port, one passage
      key = draftKey(message.page, message.quote);
      if (key === null) return end();
      options.onOpened(sender.tab?.id);
      void keeper.find(key).then(
        (draft) => post(port, { kind: 'restored', draft }),
        () => post(port, { kind: 'restored', draft: null }),
      );
      return;
    }
    if (key === null) return end();
    keeper.edit(key, message.draft);
  });
}

function post(port: Runtime.Port, message: DraftToFrame): void {
  try {
    port.postMessage(message);
  } catch {
    // The frame went first: its draft is kept all the same.
  }
}
