// The background's one message handler. It answers only envelopes of BackgroundMessages and
// returns undefined for anything else, so other onMessage listeners still get their messages.
// Order of checks: known type → sender kind → allowed sender → payload → store.
import { harvestFromSender } from '../harvest-source';
import type { BackgroundMessageName, BackgroundMessages, Reply, ResponseOf, SenderKind } from '../../shared/messages';
import { parseWith } from '../../shared/validate';
import { ANNOTATION_ROUTES } from './annotation-routes';
import { judgeClaims } from '../claim-judge';
import { DOSSIER_ROUTES } from './dossier-routes';
import { PAYLOAD_PARSERS, SEARCH_LIMIT_DEFAULT } from '../payloads/payloads';
import { senderKind, type SenderInfo } from './sender';
import type { Store } from '../store';
import { SYNC_ROUTES } from '../sync/routes';
import type { Route, RouteContext } from './route';
import { DRAFT_ROUTES } from '../drafts/draft-routes';
import { ownSite } from './own-site';

export type { Route, RouteContext };

type Response<K extends BackgroundMessageName> = ResponseOf<BackgroundMessages, K>;

const ROUTES: { [K in BackgroundMessageName]: Route<K> } = {
  'list/get': { senders: ['content', 'extension-page'], run: (store) => store.getEntityList() },
  'list/match': { senders: ['content', 'extension-page'], run: (store) => store.getMatchList() },
  'page/init': { senders: ['content', 'extension-page'], run: (store, r, context) => store.getPageInit(ownSite(r.host, context)) },
  'page/filter': { senders: ['content', 'extension-page'], run: (store, r, context) => store.getFirstStage(ownSite(r.host, context), context.kind === 'content' ? context.senderUrl : undefined) },
  'card/entity': { senders: ['content', 'extension-page'], run: (store, r) => store.getEntityCard(r.entityId, r.url) },
  'card/quotes': { senders: ['content', 'extension-page'], run: (store, r) => store.getCardQuotes(r.entityId, r.which, r.offset) },
  'card/claim': { senders: ['content', 'extension-page'], run: (store, r) => store.getClaimCard(r.claimId) },
  'card/warm': { senders: ['content'], run: (store, r) => store.warmEntityCard(r.entityId, r.url) },
  'sightings/record': {
    senders: ['content'],
    // A private window's pages are no one's history (route.ts).
    run: async (store, r, { now, privateWindow }) => (privateWindow ? { recorded: 0 } : store.recordSightings(r.url, r.title, r.counts, now)),
  },
  'site/get': { senders: ['content', 'extension-page'], run: async (store, r, context) => ({ disabled: await store.getSiteDisabled(ownSite(r.host, context)) }) },
  'site/set': { senders: ['extension-page'], run: async (store, r) => ({ disabled: await store.setSiteDisabled(r.host, r.disabled) }) },
  search: { senders: ['extension-page'], run: (store, r) => store.search(r.query, r.limit ?? SEARCH_LIMIT_DEFAULT) },
  ...ANNOTATION_ROUTES,
  ...DOSSIER_ROUTES,
  ...SYNC_ROUTES,
  ...DRAFT_ROUTES,
  'quotes/harvest': {
    senders: ['content'],
    // The page's address and outlet come from the browser (the sender frame), not the message;
    // its date is never later than the day it is met.
    run: async (store, r, { senderUrl, now, privateWindow }) => {
      // The quotes of a page read in a private window would keep its address: not kept (route.ts).
      const request = privateWindow ? null : harvestFromSender(r, senderUrl, now);
      return request ? store.harvestQuotes(request) : { added: 0, merged: 0 };
    },
  },
  'list/add': { senders: ['extension-page'], run: (store, r, { now }) => store.addList(r, now) },
  'claims/judge': { senders: ['content', 'extension-page'], run: (store, r) => judgeClaims(store, r.candidates) },
};

export interface Router {
  /** A Promise of the reply for our message types; undefined for anything else. */
  handle(message: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined;
}

export function createRouter(store: Store, extensionOrigin: string, extensionId: string, clock: () => number = Date.now): Router {
  return {
    handle(message, sender) {
      const type = messageType(message);
      if (type === undefined) return undefined;
      const kind = senderKind(sender, extensionOrigin, extensionId);
      if (!kind) return Promise.resolve(refuse(`"${type}" refused: the sender is neither an extension page nor Dossier's content script`));
      return dispatch(type, (message as { payload?: unknown }).payload, kind, store, clock, sender.url ?? sender.tab?.url ?? '', sender.tab?.id, sender.tab?.incognito === true);
    },
  };
}

function messageType(message: unknown): BackgroundMessageName | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type: unknown = (message as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(ROUTES, type) ? (type as BackgroundMessageName) : undefined;
}

async function dispatch<K extends BackgroundMessageName>(
  type: K,
  payload: unknown,
  kind: SenderKind,
  store: Store,
  clock: () => number,
  senderUrl = '',
  tabId?: number,
  privateWindow = false,
): Promise<Reply<unknown>> {
  const route = ROUTES[type] as Route<K>;
  if (!(route.senders as readonly SenderKind[]).includes(kind)) {
    return refuse(`"${type}" may not be sent by ${kind === 'content' ? 'a content script' : 'an extension page'}`);
  }
  const parser = PAYLOAD_PARSERS[type] as (payload: unknown) => ReturnType<(typeof PAYLOAD_PARSERS)[K]>;
  const parsed = parseWith(() => parser(payload));
  if (!parsed.ok) return refuse(`"${type}" refused: ${parsed.error}`);
  try {
    const context: RouteContext = { now: clock(), kind, senderUrl, ...(tabId === undefined ? {} : { tabId }), ...(privateWindow ? { privateWindow: true } : {}) };
    return { ok: true, value: await route.run(store, parsed.value, context) };
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

function refuse(error: string): Reply<never> {
  return { ok: false, error };
}
