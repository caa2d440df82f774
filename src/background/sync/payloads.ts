// Parsers of the sync messages' payloads (options page → background).
import type { SyncBackgroundMessages } from '../../shared/sync-messages';
import { readBoolean, readRecord, readString } from '../../shared/validate';
import type { RequestOf } from '../../shared/messages';

type Request<K extends keyof SyncBackgroundMessages> = RequestOf<SyncBackgroundMessages, K>;
export type SyncPayloadParsers = { [K in keyof SyncBackgroundMessages]: (payload: unknown) => Request<K> };

const empty = (payload: unknown): Record<string, never> => {
  if (payload !== undefined) readRecord(payload, 'payload', []);
  return {};
};

export const SYNC_PAYLOAD_PARSERS: SyncPayloadParsers = {
  'sync/status': empty,
  'sync/configure': (payload) => {
    const p = readRecord(payload, 'payload', ['server', 'database', 'username', 'password', 'passphrase', 'history']);
    return {
      server: readString(p, 'server', 'payload', { min: 1, max: 2000 }),
      database: readString(p, 'database', 'payload', { min: 1, max: 238 }),
      username: readString(p, 'username', 'payload', { min: 1, max: 200 }),
      password: readString(p, 'password', 'payload', { max: 1000 }),
      passphrase: readString(p, 'passphrase', 'payload', { min: 1, max: 1000 }),
      history: readBoolean(p, 'history', 'payload'),
    };
  },
  'sync/disable': empty,
  'sync/now': empty,
  'sync/conflicts': empty,
  'sync/resolve': (payload) => {
    const p = readRecord(payload, 'payload', ['id', 'rev', 'note']);
    const base = { id: readString(p, 'id', 'payload', { min: 1, max: 100 }), rev: readString(p, 'rev', 'payload', { min: 3, max: 100 }) };
    return p.note === undefined ? base : { ...base, note: readString(p, 'note', 'payload', { max: 10_000 }) };
  },
  'sync/conflict': (payload) => {
    const p = readRecord(payload, 'payload', ['annotationId']);
    return { annotationId: readString(p, 'annotationId', 'payload', { min: 1, max: 200 }) };
  },
  'sync/authors': empty,
  'sync/shared-sites': empty,
  'sync/share-site': (payload) => {
    const p = readRecord(payload, 'payload', ['host', 'shared']);
    return { host: readString(p, 'host', 'payload', { min: 1, max: 253 }), shared: readBoolean(p, 'shared', 'payload') };
  },
};
