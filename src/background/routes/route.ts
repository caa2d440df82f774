// What a route of the background's message handler is: the router and every set of routes it
// gathers (dossier, annotations, sync) share this, so none of them imports the router itself.
import type { BackgroundMessageName, BackgroundMessages, ResponseOf, SenderKind } from '../../shared/messages';
import type { PAYLOAD_PARSERS } from '../payloads/payloads';
import type { Store } from '../store';

type SendersOf<K extends BackgroundMessageName> = BackgroundMessages[K]['senders'];
type Response<K extends BackgroundMessageName> = ResponseOf<BackgroundMessages, K>;

/** What a route may know of the request beyond its payload. */
export interface RouteContext {
  now: number;
  kind: SenderKind;
  /** The sender's document URL (a content script's page); '' when the browser gave none. */
  senderUrl: string;
  /** The sender's tab, as the browser reported it. */
  tabId?: number;
  /**
   * The sender's tab is in a private (incognito) window, as the browser reported it: what the
   * reader meets there leaves no trace on disk (no "Seen elsewhere", no harvested quotes). What they
   * save on purpose there (a note, an article added) is kept, as a bookmark made there is.
   */
  privateWindow?: true;
}

export interface Route<K extends BackgroundMessageName> {
  /** Checked against messages.ts by the type: a sender may be left out, never added. */
  senders: readonly SendersOf<K>[];
  run(store: Store, request: ReturnType<(typeof PAYLOAD_PARSERS)[K]>, context: RouteContext): Promise<Response<K>>;
}
