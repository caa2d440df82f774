// Notes edited on two devices at once: CouchDB keeps both branches; the dossier shows the winner
// until the user picks. Listing decrypts every branch; resolving writes the chosen text as the
// next revision of the winner and deletes the other branches, on every device at the next pass.
import type { SyncConflict, SyncConflictVersion } from '../../shared/sync-messages';
import type { Annotation } from '../../core/annotations/model';
import { applyToDossier, checkIncoming } from './records';
import { openDoc, sealRecord, type SyncEnv } from './engine';
import { fingerprint } from './stable-json';
import type { SyncConfig } from './sync-db';

interface LeafDoc {
  _id: string;
  _rev: string;
  _conflicts?: string[];
  by: string;
  iv: string;
  ct: string;
}

async function versionsOf(env: SyncEnv, config: SyncConfig, docId: string): Promise<{ winner: LeafDoc; versions: (SyncConflictVersion & { payload: unknown })[] } | undefined> {
  let winner: LeafDoc;
  try {
    winner = (await env.mirror.get(docId, { conflicts: true })) as unknown as LeafDoc;
  } catch {
    return undefined;
  }
  const revs = [winner._rev, ...(winner._conflicts ?? [])];
  const versions: (SyncConflictVersion & { payload: unknown })[] = [];
  for (const rev of revs) {
    try {
      const doc = rev === winner._rev ? winner : ((await env.mirror.get(docId, { rev })) as unknown as LeafDoc);
      const inner = await openDoc(config.keys, doc);
      const a = inner.p as Partial<Annotation> | undefined;
      versions.push({
        rev,
        note: a?.body?.note ?? '',
        tags: a?.body?.tags ?? [],
        by: doc.by,
        at: inner.at,
        shown: rev === winner._rev,
        payload: inner.p,
      });
    } catch {
      // A branch we cannot read is left on the server and not offered.
    }
  }
  return { winner, versions };
}

/** Every open conflict, or only the one of the record `key`. */
export async function listConflicts(env: SyncEnv, config: SyncConfig, key?: string): Promise<SyncConflict[]> {
  const rows = (await env.syncDb.getAll('conflicts')).filter((r) => key === undefined || r.key === key);
  const out: SyncConflict[] = [];
  for (const row of rows) {
    const found = await versionsOf(env, config, row.docId);
    if (!found || found.versions.length < 2) continue;
    const a = found.versions[0]!.payload as Partial<Annotation> | undefined;
    const quote = a?.target?.selector?.find((s) => s.type === 'TextQuoteSelector');
    out.push({
      id: row.docId,
      annotationId: row.key.slice(2),
      title: a?.title ?? '',
      url: a?.url ?? '',
      quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
      versions: found.versions.map(({ payload: _payload, ...v }) => v),
    });
  }
  return out;
}

/**
 * Keeps the chosen branch's text, or with `note` the user's merge of the texts (on the chosen
 * branch's anchor and tags); the other branches are deleted (they stay in the database's history).
 */
export async function resolveConflict(env: SyncEnv, config: SyncConfig, docId: string, rev: string, note?: string): Promise<boolean> {
  const found = await versionsOf(env, config, docId);
  const chosen = found?.versions.find((v) => v.rev === rev);
  const row = await env.syncDb.get('conflicts', docId);
  if (!found || !chosen || !row) return false;
  const at = env.now();
  const kept = note === undefined ? chosen.payload : merged(chosen.payload, note, at);
  const [checked] = checkIncoming([{ key: row.key, payload: kept }]);
  const sealed = await sealRecord(config.keys, docId, { k: row.key, p: checked!.payload, at }, config.username);
  const put = await env.mirror.put({ _id: docId, _rev: found.winner._rev, ...sealed });
  const losers = (found.winner._conflicts ?? []).map((r) => ({ _id: docId, _rev: r, _deleted: true }));
  if (losers.length > 0) await env.mirror.bulkDocs(losers );
  await applyToDossier(await env.getDb(), [checked!]);
  const tx = env.syncDb.transaction(['index', 'conflicts'], 'readwrite');
  await Promise.all([
    tx.objectStore('index').put({ key: row.key, docId, rev: put.rev, hash: fingerprint(checked!.payload), by: config.username, at }),
    tx.objectStore('conflicts').delete(docId),
    tx.done,
  ]);
  return true;
}

/** The chosen version with the merged text as its note, modified now. */
function merged(payload: unknown, note: string, at: number): unknown {
  const a = payload as Partial<Annotation> & { body?: Record<string, unknown> };
  return { ...a, body: { ...a.body, note }, modified: new Date(at).toISOString() };
}
