// The content script's side of ContentMessages. The first stage (first-stage/loader.ts) receives
// them; this answers only those message types (anything else gets undefined, so other listeners
// keep their replies), checks each payload, and replies with a Reply envelope like the background does.
import type { ContentMessageName, ContentMessages, Reply, RequestOf, ResponseOf } from '../shared/messages';

export type ContentHandlers = {
  [K in ContentMessageName]: (request: RequestOf<ContentMessages, K>) => Promise<ResponseOf<ContentMessages, K>>;
};

type Parsers = { [K in ContentMessageName]: (payload: unknown) => RequestOf<ContentMessages, K> };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const KINDS: readonly unknown[] = ['person', 'organisation', 'place', 'claim'];

const PARSERS: Parsers = {
  'page/found': (p) => (isRecord(p) && p.namesOnly === true ? { namesOnly: true } : {}),
  'page/article': () => ({}),
  'page/reveal': (p) => {
    if (isRecord(p) && typeof p.id === 'string' && KINDS.includes(p.kind)) {
      return { id: p.id, kind: p.kind as RequestOf<ContentMessages, 'page/reveal'>['kind'] };
    }
    throw new Error('page/reveal needs { id: string, kind }');
  },
  'page/set-enabled': (p) => {
    if (isRecord(p) && typeof p.enabled === 'boolean') return { enabled: p.enabled };
    throw new Error('page/set-enabled needs { enabled: boolean }');
  },
  'page/annotations': () => ({}),
  'page/annotate': () => ({}),
  'page/step': (p) => {
    if (isRecord(p) && (p.direction === 1 || p.direction === -1)) return { direction: p.direction };
    throw new Error('page/step needs { direction: 1 | -1 }');
  },
};

function messageType(message: unknown): ContentMessageName | undefined {
  if (!isRecord(message) || typeof message.type !== 'string') return undefined;
  return Object.hasOwn(PARSERS, message.type) ? (message.type as ContentMessageName) : undefined;
}

async function dispatch<K extends ContentMessageName>(type: K, payload: unknown, handlers: ContentHandlers): Promise<Reply<unknown>> {
  try {
    const request = (PARSERS[type] as (p: unknown) => RequestOf<ContentMessages, K>)(payload);
    const handler = handlers[type] as (r: RequestOf<ContentMessages, K>) => Promise<ResponseOf<ContentMessages, K>>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The reply to one ContentMessages envelope (received elsewhere: the first stage); undefined for anything else. */
export function answerContentMessage(message: unknown, handlers: ContentHandlers): Promise<Reply<unknown>> | undefined {
  const type = messageType(message);
  return type === undefined ? undefined : dispatch(type, (message as { payload?: unknown }).payload, handlers);
}
