// The second stage (issue 14): the whole content script (list, matcher, highlights, card,
// annotations), loaded by the first stage (src/content/first-stage/) only on a page or frame whose
// text has an anchor of the list, or when the popup, a command or a selection needs it.
import { ContentApp } from '../content-app';

export interface AppHandle {
  /** A ContentMessages envelope the first stage received: the reply to send back. */
  answer(message: unknown): Promise<unknown>;
  /** Dossier switched on or off for this site, in any frame. */
  setEnabled(enabled: boolean): Promise<boolean>;
  /** The dossier changed (`listVersion`: the list's version now): new colours applied, the page read again with a new list. */
  followDossier(listVersion: string | undefined): Promise<void>;
  /** The reader selected text before this code was here: offer the annotation toolbar for it. */
  offerAnnotation(): void;
}

/**
 * Starts the page's content app; resolves once its first scan has marked the names (the claims
 * may still be judged: page/found says so), or once it started without a scan (switched off).
 */
export async function startApp(options: { startedAt: number; pageInit?: Promise<unknown> }): Promise<AppHandle> {
  const app = new ContentApp();
  const started = app.start({ startedAt: options.startedAt, ...(options.pageInit ? { pageInit: options.pageInit } : {}) });
  await Promise.race([started, app.namesFirstMarked]);
  return { answer: (message) => app.answer(message), setEnabled: (enabled) => app.setEnabled(enabled),
    followDossier: (listVersion) => app.followDossier(listVersion),
    offerAnnotation: () => app.offerAnnotation() };
}
