// What the tests of the background's messages on a real store share: a fresh fake-indexeddb
// database, the store on it and the router in front of it, driven as the browser would, by
// messages from the options page or Dossier's content script.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createRouter, type Router } from '../../src/background/routes/router';
import type { SenderInfo } from '../../src/background/routes/sender';
import { createStore, openStore, type DossierDB, type Store, type StoreHooks } from '../../src/background/store';
import type { Reply } from '../../src/shared/messages';

export const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
export const ID = 'abcdefghijklmnop';
/** The options page, opened as a tab. */
export const options = { id: ID, url: `${ORIGIN}options/options.html`, tab: { id: 9, url: `${ORIGIN}options/options.html` } };
/** Dossier's content script in the top frame of `url`. */
export const contentAt = (url: string) => ({ id: ID, url, tab: { id: 4, url } });
export const content = contentAt('https://news.example/story');

export interface StoreRouter {
  db: DossierDB;
  store: Store;
  router: Router;
  /** The router's reply; `sender` defaults to the one the fixture was opened with. */
  send: <T = unknown>(type: string, payload: unknown, sender?: SenderInfo) => Promise<Reply<T>>;
  /** The value of a reply that must succeed: a refusal throws, with the router's error. */
  ok: <T = unknown>(type: string, payload: unknown, sender?: SenderInfo) => Promise<T>;
}

export interface StoreRouterSettings {
  /** What the router's clock says, fixed so that dates in replies are known (a function: a clock the test moves). */
  now: number | (() => number);
  /** Who sends a message that names no sender (default: the options page). */
  sender?: SenderInfo;
  hooks?: StoreHooks;
}

export async function openStoreRouter({ now, sender: fallback = options, hooks }: StoreRouterSettings): Promise<StoreRouter> {
  // A factory of its own: nothing one test writes is seen by the next.
  const db = await openStore({ factory: new IDBFactory() });
  const store = createStore(async () => db, undefined, hooks);
  const router = createRouter(store, ORIGIN, ID, typeof now === 'number' ? () => now : now);
  // handle() gives undefined for a message that is not ours; these tests only send ours.
  const send = async <T = unknown>(type: string, payload: unknown, sender: SenderInfo = fallback) => (await router.handle({ type, payload }, sender)) as Reply<T>;
  const ok = async <T = unknown>(type: string, payload: unknown, sender?: SenderInfo): Promise<T> => {
    const reply = await send<T>(type, payload, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { db, store, router, send, ok };
}
