// What syncs, read from and written to the dossier's store (the source of truth). Each synced
// record has a key "<kind>:<id>" and a payload: the record as another device needs it, without
// what is derived (search keys, card keys, counters, an annotation's orphan verdict). Only the
// user's records sync (their own, harvested, edited seed ones; deletions of seed ones); the seed
// itself ships with every install. Sightings ("Seen elsewhere") only when the user asks.
import { readAnnotation } from '../payloads/payloads-annotations';
import { allOrNothing } from '../store/all-or-nothing';
import { readClaim, readEntity, readQuote } from '../store/backup-validate';
import { isTombstoneKey, tombstoneKey } from '../store/entity-tombstones';
import type { DossierDB } from '../store/open';
import { withoutCardKeys } from '../store/quote-card-keys';
import { withQuoteWriter } from '../store/quote-writer';
import { belongsToUser, entityRecord, toClaim, toEntity, toQuote } from '../store/records';
import type { AnnotationRecord, ClaimRecord, EntityRecord, QuoteRecord, SightingRecord } from '../store/schema';
import { nextStamp, RESTORED, unmarked } from '../store/sync-marks';
import { fingerprint } from './stable-json';
import { readBoolean, readInteger, readPlainObject, readRecord, readString } from '../../shared/validate';
import { listSharedSites, sharedSiteKey, siteSettingKey, sitePayload } from '../store/shared-sites';
import { readPage, type DayReader } from '../store/sightings/read-pages';
import { SightingMerge } from '../store/sightings/merge-batch';
import { scanSightings } from './sighting-docs';

export type RecordKind = 'a' | 'e' | 'r' | 'c' | 'q' | 's' | 'h';

export interface SyncRecord {
  key: string;
  /** undefined: the record was deleted. */
  payload: unknown;
}

/**
 * How many records one batch reads, encrypts and writes, and one replication batch carries:
 * bounds memory at 100,000 quotes. Tuned in Chromium (BENCHMARKS.md §9, 12,000 records): 250,
 * 500, 1000 and 2000 cost the same CPU; wall time fell with fewer round trips (105, 95, 48, 73 s
 * to push, under varying load) while the worker's live heap grew (4, 6, 6, 10 MB).
 */
export const BATCH = 1000;

export const kindOf = (key: string): RecordKind | undefined => {
  const kind = key.slice(0, 1);
  return key[1] === ':' && 'aercqsh'.includes(kind) ? (kind as RecordKind) : undefined;
};

function annotationPayload(record: AnnotationRecord): unknown {
  const { time: _time, orphan: _orphan, ...annotation } = record as AnnotationRecord & { orphan?: boolean };
  return annotation;
}

function marks(record: { origin: 'seed' | 'user'; editedAt?: number }): { origin: 'seed' | 'user'; editedAt?: number } {
  return typeof record.editedAt === 'number' ? { origin: record.origin, editedAt: record.editedAt } : { origin: record.origin };
}

function quotePayload(record: QuoteRecord): unknown {
  const { sources, speakerName } = withoutCardKeys(record);
  return { ...toQuote(record), ...marks(record), ...(sources ? { sources } : {}), ...(speakerName !== undefined ? { speakerName } : {}) };
}

type Scannable = 'annotations' | 'entities' | 'claims' | 'quotes';

/** Every record of one store, BATCH at a time, each in its own short transaction. */
async function* batchesOf<S extends Scannable>(db: DossierDB, store: S): AsyncGenerator<Awaited<ReturnType<DossierDB['getAll']>>> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const tx = db.transaction(store);
    const [values, keys] = await Promise.all([tx.store.getAll(range, BATCH), tx.store.getAllKeys(range, BATCH)]);
    if (values.length === 0) return;
    yield values;
    after = keys[keys.length - 1] as IDBValidKey;
    if (values.length < BATCH) return;
  }
}

/** Every syncable record of the dossier, BATCH at a time. */
export async function* scanDossier(db: DossierDB, options: { history: boolean }): AsyncGenerator<SyncRecord[]> {
  for await (const batch of batchesOf(db, 'annotations')) {
    yield (batch as AnnotationRecord[]).map((r) => ({ key: `a:${r.id}`, payload: annotationPayload(r) }));
  }
  for await (const batch of batchesOf(db, 'entities')) {
    yield (batch as EntityRecord[]).filter(belongsToUser).map((r) => ({ key: `e:${r.id}`, payload: { ...toEntity(r), ...marks(r) } }));
  }
  for await (const batch of batchesOf(db, 'claims')) {
    yield (batch as ClaimRecord[]).filter(belongsToUser).map((r) => ({ key: `c:${r.id}`, payload: { ...toClaim(r), ...marks(r) } }));
  }
  const settingKeys = (await db.getAllKeys('settings')).filter((k): k is string => typeof k === 'string' && isTombstoneKey(k));
  const removed: SyncRecord[] = [];
  for (const k of settingKeys) removed.push({ key: `r:${k.slice(tombstoneKey('').length)}`, payload: { at: Number(await db.get('settings', k)) || 0 } });
  yield removed;
  const sites: SyncRecord[] = [];
  for (const host of await listSharedSites(db)) sites.push({ key: `h:${host}`, payload: sitePayload(true, await db.get('settings', siteSettingKey(host))) });
  yield sites;
  for await (const batch of batchesOf(db, 'quotes')) {
    yield (batch as QuoteRecord[]).filter(belongsToUser).map((r) => ({ key: `q:${r.id}`, payload: quotePayload(r) }));
  }
  if (options.history) yield* scanSightings(db, BATCH);
}

type ReadStore = 'annotations' | 'entities' | 'claims' | 'settings' | 'quotes' | 'sightings';
const READ_STORES: ReadStore[] = ['annotations', 'entities', 'claims', 'settings', 'quotes', 'sightings'];
type Getter = (store: ReadStore, key: IDBValidKey) => Promise<unknown>;

/** A record's current payload read through `get` (a database or one transaction's stores); a sighting through `sightings`' day records. */
async function payloadOf(get: Getter, sightings: () => DayReader, key: string): Promise<unknown> {
  const id = key.slice(2);
  switch (kindOf(key)) {
    case 'a': {
      const r = (await get('annotations', id)) as AnnotationRecord | undefined;
      return r ? annotationPayload(r) : undefined;
    }
    case 'e': {
      const r = (await get('entities', id)) as EntityRecord | undefined;
      return r && belongsToUser(r) ? { ...toEntity(r), ...marks(r) } : undefined;
    }
    case 'c': {
      const r = (await get('claims', id)) as ClaimRecord | undefined;
      return r && belongsToUser(r) ? { ...toClaim(r), ...marks(r) } : undefined;
    }
    case 'r': {
      const at = await get('settings', tombstoneKey(id));
      return at === undefined ? undefined : { at: Number(at) || 0 };
    }
    case 'h':
      return sitePayload(await get('settings', sharedSiteKey(id)), await get('settings', siteSettingKey(id)));
    case 'q': {
      const r = (await get('quotes', id)) as QuoteRecord | undefined;
      return r && belongsToUser(r) ? quotePayload(r) : undefined;
    }
    case 's': {
      const [entityId = '', url = ''] = id.split('\n');
      return readPage(sightings(), entityId, url);
    }
    default:
      return undefined;
  }
}

/** The dossier's current payload of one record (undefined: absent or not the user's). */
export function readOne(db: DossierDB, key: string): Promise<unknown> {
  return payloadOf((store, k) => db.get(store, k as never), () => db.transaction('sightings').store, key);
}

/** The current payloads of many records, read in one transaction. */
export function readMany(db: DossierDB, keys: readonly string[]): Promise<unknown[]> {
  if (keys.length === 0) return Promise.resolve([]);
  const tx = db.transaction(READ_STORES);
  return Promise.all(keys.map((key) => payloadOf((store, k) => tx.objectStore(store).get(k as never), () => tx.objectStore('sightings'), key)));
}

/**
 * The same, and in the same transaction whether a restore is waiting for the next pass: payloads
 * read before a restore are the user's own state; after one, absence means "not in the backup".
 */
export async function readManySinceRestore(db: DossierDB, keys: readonly string[]): Promise<{ payloads: unknown[]; restored: boolean }> {
  const tx = db.transaction([...READ_STORES, 'syncMarks'] as (ReadStore | 'syncMarks')[]);
  const [restored, payloads] = await Promise.all([
    tx.objectStore('syncMarks').getKey(RESTORED),
    Promise.all(keys.map((key) => payloadOf((store, k) => tx.objectStore(store).get(k as never), () => tx.objectStore('sightings'), key))),
  ]);
  return { payloads, restored: restored !== undefined };
}

function readSighting(value: unknown, path: string): SightingRecord {
  const s = readRecord(value, path, ['entityId', 'url', 'title', 'time', 'count']);
  return {
    entityId: readString(s, 'entityId', path, { min: 1, max: 200 }),
    url: readString(s, 'url', path, { min: 1, max: 4000 }),
    title: readString(s, 'title', path, { max: 1000 }),
    time: readInteger(s, 'time', path, { min: 0, max: Number.MAX_SAFE_INTEGER }),
    count: readInteger(s, 'count', path, { min: 0, max: 1_000_000 }),
  };
}

/**
 * Validates incoming payloads (they come from the network, even if decrypted with our key) and
 * throws on the first bad one, before anything is written.
 */
export function checkIncoming(records: readonly SyncRecord[]): SyncRecord[] {
  return records.map(({ key, payload }) => {
    if (payload === undefined) return { key, payload };
    const path = `synced record`;
    switch (kindOf(key)) {
      case 'a':
        return { key, payload: readAnnotation(payload, path) };
      case 'e':
        return { key, payload: readEntity(payload, path) };
      case 'c':
        return { key, payload: readClaim(payload, path) };
      case 'q':
        return { key, payload: readQuote(payload, path) };
      case 'r': {
        const p = readPlainObject(payload, path);
        return { key, payload: { at: readInteger(p, 'at', path, { min: 0, max: Number.MAX_SAFE_INTEGER }) } };
      }
      case 's':
        return { key, payload: readSighting(payload, path) };
      case 'h': {
        const p = readRecord(payload, path, ['off']);
        if (key.length > 2 + 253) throw new Error('synced site name too long');
        return { key, payload: { off: readBoolean(p, 'off', path) } };
      }
      default:
        throw new Error(`unknown synced record kind in "${key.slice(0, 2)}"`);
    }
  });
}

/**
 * What the dossier must hold for an incoming record to be written: the fingerprint it had when
 * the mirror last matched it ('' for absent), or `null` for a record sync never saw (written only
 * if absent or already the same). Checked inside the writing transaction: a user's write made
 * since the pass read the record is never overwritten (it has its mark, the next pass pushes it).
 */
export type Expected = ReadonlyMap<string, string | null>;

/**
 * Writes checked incoming records into the dossier in ONE transaction: all or nothing. Unmarked:
 * the caller records what it wrote in the index. Returns the keys written (those whose dossier
 * copy still matched `expected`; all when no expectation is given).
 */
export async function applyToDossier(db: DossierDB, records: readonly SyncRecord[], expected?: Expected): Promise<Set<string>> {
  const written = new Set<string>();
  if (records.length === 0) return written;
  const tx = unmarked(db).transaction(['annotations', 'entities', 'claims', 'quotes', 'quoteCounts', 'settings', 'sightings', 'syncMarks'], 'readwrite');
  await allOrNothing(tx, () =>
    withQuoteWriter(tx, async (quotes) => {
      const sightings = new SightingMerge(tx.objectStore('sightings'));
      for (const { key, payload } of records) {
        const wanted = expected?.get(key);
        if (wanted !== undefined) {
          const current = await payloadOf((store, k) => tx.objectStore(store).get(k as never), () => tx.objectStore('sightings'), key);
          const hash = current === undefined ? '' : fingerprint(current);
          if (wanted === null ? current !== undefined && hash !== fingerprint(payload) : hash !== wanted) continue;
        }
        written.add(key);
        const id = key.slice(2);
        switch (kindOf(key)) {
          case 'a': {
            const store = tx.objectStore('annotations');
            if (payload === undefined) {
              await store.delete(id);
              break;
            }
            const a = payload as { modified: string };
            const before = (await store.get(id)) as { orphan?: boolean } | undefined;
            const time = Date.parse(a.modified);
            await store.put({ ...(payload as AnnotationRecord), time: Number.isNaN(time) ? 0 : time, orphan: before?.orphan === true });
            break;
          }
          case 'e': {
            if (payload === undefined) {
              await tx.objectStore('entities').delete(id);
              break;
            }
            const { origin, editedAt, ...entity } = payload as ReturnType<typeof readEntity>;
            await tx.objectStore('entities').put({ ...entityRecord(entity, origin), ...(editedAt !== undefined ? { editedAt } : {}) });
            await tx.objectStore('settings').delete(tombstoneKey(id));
            break;
          }
          case 'c': {
            if (payload === undefined) await tx.objectStore('claims').delete(id);
            else await tx.objectStore('claims').put(payload as ReturnType<typeof readClaim>);
            break;
          }
          case 'r': {
            if (payload === undefined) {
              await tx.objectStore('settings').delete(tombstoneKey(id));
              break;
            }
            await tx.objectStore('settings').put((payload as { at: number }).at, tombstoneKey(id));
            const entity = await tx.objectStore('entities').get(id);
            if (entity && !belongsToUser(entity)) await tx.objectStore('entities').delete(id);
            break;
          }
          case 'q': {
            if (payload === undefined) await quotes.delete(id);
            else await quotes.put(payload as QuoteRecord);
            break;
          }
          case 'h': {
            // No longer shared: this browser keeps its switch as it is, unshared.
            if (payload === undefined) {
              await tx.objectStore('settings').delete(sharedSiteKey(id));
              break;
            }
            await tx.objectStore('settings').put(true, sharedSiteKey(id));
            if ((payload as { off: boolean }).off) await tx.objectStore('settings').put(true, siteSettingKey(id));
            else await tx.objectStore('settings').delete(siteSettingKey(id));
            break;
          }
          case 's': {
            const [entityId = '', url = ''] = id.split('\n');
            // v8: merged into the entity's day records (sightings/merge-batch.ts), the newest visit winning.
            if (payload === undefined) await sightings.remove(entityId, url);
            else if (!(await sightings.merge(payload as SightingRecord))) {
              // Our visit is newer than the server's winner (two devices met the page between two
              // syncs, and CouchDB's pick is by revision, not time): marked, so the next push sends
              // it on top of that winner and every device ends with the newest visit.
              await tx.objectStore('syncMarks').put(nextStamp(), key);
            }
            break;
          }
        }
      }
      await sightings.flush();
    }),
  );
  return written;
}
