// The note form's draft, kept by the background as the reader types (shared/draft-port.ts), so a
// page that removes the form (or a reload) does not take the note with it. The form opens the line
// for its passage, gets back what was kept (shown with a plain line), and sends every change. Until
// the kept draft has arrived nothing is sent, so a change typed meanwhile cannot overwrite it.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Draft } from '../../core/drafts/drafts';
import { DRAFT_PORT, readDraftToFrame } from '../../shared/draft-port';

export interface DraftFields {
  /** What the form holds now. */
  read(): Draft;
  /** Puts a kept draft in the form, in front of anything typed before it arrived. */
  restore(draft: Draft): void;
}

export interface DraftLine {
  /** The form changed. */
  changed(): void;
  /** The form is gone (another view, saved or cancelled): stop sending. */
  end(): void;
}

export function keepDraft(page: string, quote: string, fields: DraftFields): DraftLine {
  let port: Runtime.Port | null = null;
  let restored = false;
  let ended = false;
  const connect = (): Runtime.Port | null => {
    if (ended) return null;
    if (port) return port;
    try {
      const opened = browser.runtime.connect({ name: DRAFT_PORT });
      port = opened;
      // The background may stop (an idle service worker): the next change opens a new line.
      opened.onDisconnect.addListener(() => {
        if (port === opened) port = null;
      });
      opened.onMessage.addListener((raw: unknown) => {
        const message = readDraftToFrame(raw);
        if (!message || restored) return;
        restored = true;
        if (message.draft) fields.restore(message.draft);
        send();
      });
      opened.postMessage({ kind: 'open', page, quote });
      return opened;
    } catch {
      return null; // The extension was reloaded: this frame is an orphan.
    }
  };
  const send = (): void => {
    if (!restored || ended) return;
    try {
      connect()?.postMessage({ kind: 'edit', draft: fields.read() });
    } catch {
      port = null;
    }
  };
  connect();
  return {
    changed: send,
    end() {
      ended = true;
      port?.disconnect();
      port = null;
    },
  };
}
