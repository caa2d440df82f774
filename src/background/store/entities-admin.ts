// The options page's hand on the entity list: list, add, edit, delete and import. Every write
// marks the record as the user's (origin "user" or editedAt), which the seed sync never
// overwrites; a deleted seed entity leaves a tombstone so the next seed update does not revive it.
import { entityIdFor } from '../../core/list/entity-csv';
import type { EntityList, Provenance } from '../../core/types';
import type { AdminEntity, EntityDraft, EntityImportSummary } from '../../shared/dossier-messages';
import { allOrNothing, sendEach, settleAll } from './all-or-nothing';
import { deleteAllMarked, putAllMarked } from './bulk-put-marked';
import { tombstoneKey } from './entity-tombstones';
import { StoreError } from './errors';
import type { DossierDB } from './open';
import { asDistinctNames } from './read-settings';
import { entityRecord, toEntity } from './records';
import { SETTING_DISTINCT, SETTING_DISTINCT_USER, sourceKey, type EntityRecord } from './schema';
import { searchKeysOf } from './search-keys';
import { withQuoteWriter } from './quote-writer';
import { deleteSightingsOf } from './sightings/delete-entity';
import { forgetEntityQuota } from './site-quota';

/** How many names an import preview shows. */
const SAMPLE_SIZE = 5;

export function toAdminEntity(record: EntityRecord): AdminEntity {
  const view: AdminEntity = { ...toEntity(record), origin: record.origin };
  if (typeof record.editedAt === 'number') view.editedAt = record.editedAt;
  return view;
}

export async function listEntities(db: DossierDB): Promise<AdminEntity[]> {
  const records = await db.getAll('entities');
  return records.map(toAdminEntity).sort((a, b) => a.name.localeCompare(b.name));
}

/** Provenance of an entity typed in by hand: the options page on that day. */
export function handProvenance(draft: Pick<EntityDraft, 'name' | 'context'>, now: number): Provenance {
  return {
    outlet: 'Dossier',
    title: 'Added by hand in the options page',
    date: new Date(now).toISOString().slice(0, 10),
    sentence: draft.context.trim() !== '' ? draft.context : draft.name,
  };
}

async function freeId(store: { getKey(id: string): Promise<unknown> }, base: string): Promise<string> {
  let id = base;
  for (let n = 2; (await store.getKey(id)) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

export async function saveEntity(db: DossierDB, draft: EntityDraft, now: number): Promise<AdminEntity> {
  const tx = db.transaction(['entities', 'settings'], 'readwrite');
  return allOrNothing(tx, async () => {
    const entities = tx.objectStore('entities');
    const fields = { name: draft.name, kind: draft.kind, aliases: draft.aliases, context: draft.context };
    let record: EntityRecord;
    if (draft.id !== undefined) {
      const existing = await entities.get(draft.id);
      if (!existing) throw new StoreError('not-found', `No entity "${draft.id}" in Dossier's list: it may have been deleted.`);
      record = { ...existing, ...fields, editedAt: now };
    } else {
      const id = await freeId(entities, entityIdFor(draft.name));
      record = { ...entityRecord({ id, ...fields, provenance: handProvenance(draft, now) }, 'user'), editedAt: now };
    }
    record.keys = searchKeysOf(record);
    await entities.put(record);
    // Re-creating a deleted seed id is the user's wish to have it back.
    await tx.objectStore('settings').delete(tombstoneKey(record.id));
    return toAdminEntity(record);
  });
}

export async function deleteEntity(db: DossierDB, id: string, now: number): Promise<boolean> {
  const tx = db.transaction(['entities', 'sightings', 'settings', 'siteQuotes'], 'readwrite');
  return allOrNothing(tx, async () => {
    const record = await tx.objectStore('entities').get(id);
    if (!record) return false;
    await tx.objectStore('entities').delete(id);
    await deleteSightingsOf(tx, id);
    // Today's counters name the sites read about the entity: history, which goes with it.
    await forgetEntityQuota(tx.objectStore('siteQuotes'), id);
    if (record.origin === 'seed') await tx.objectStore('settings').put(now, tombstoneKey(id));
    return true;
  });
}

function sample(list: EntityList): string[] {
  return list.entities.slice(0, SAMPLE_SIZE).map((e) => e.name);
}

/** Counts what an import would do, without writing. */
export async function previewImport(db: DossierDB, list: EntityList): Promise<EntityImportSummary> {
  const tx = db.transaction('entities');
  let replaced = 0;
  for (const entity of list.entities) if ((await tx.store.getKey(entity.id)) !== undefined) replaced++;
  await tx.done;
  return summary(list, false, replaced);
}

function summary(list: EntityList, applied: boolean, replaced: number): EntityImportSummary {
  return {
    applied,
    entities: list.entities.length,
    claims: list.claims.length,
    quotes: list.quotes.length,
    added: list.entities.length - replaced,
    replaced,
    sample: sample(list),
  };
}

/**
 * Writes a validated list in ONE transaction. An entity with a known id replaces it (the file is
 * what the user chose); everything imported is the user's, so no seed update overwrites it.
 */
export async function importEntities(db: DossierDB, list: EntityList, now: number): Promise<EntityImportSummary> {
  const tx = db.transaction(['entities', 'claims', 'quotes', 'quoteCounts', 'sources', 'settings'], 'readwrite');
  return allOrNothing(tx, async () => {
    const entities = tx.objectStore('entities');
    const settings = tx.objectStore('settings');
    // Every request goes out at once (a CSV of 10,000 entities): no round trip per record.
    const found = list.entities.map((entity) => entities.getKey(entity.id));
    await settleAll(found);
    let replaced = 0;
    for (const key of found) if ((await key) !== undefined) replaced++;
    await putAllMarked(tx, 'entities', list.entities.map((entity) => ({ ...entityRecord(entity, 'user'), editedAt: now })));
    await deleteAllMarked(tx, list.entities.map((entity) => tombstoneKey(entity.id)));
    await putAllMarked(tx, 'claims', list.claims.map((claim) => ({ ...claim, origin: 'user' as const, editedAt: now })));
    // A quote with a known id replaces it (its speaker or mentions may differ): the writer reads it.
    // Together when the ids differ (the import refuses repeats): each put reads its own stored record.
    const distinctIds = new Set(list.quotes.map((quote) => quote.id)).size === list.quotes.length;
    await withQuoteWriter(tx, async (writer) => {
      const put = (quote: (typeof list.quotes)[number]) => writer.put({ ...quote, origin: 'user', editedAt: now });
      if (distinctIds) await sendEach(list.quotes, put);
      else for (const quote of list.quotes) await put(quote);
    });
    const sources = tx.objectStore('sources');
    await sendEach(new Set([...list.entities, ...list.claims, ...list.quotes].map((item) => item.provenance)), (p) =>
      sources.put({ key: sourceKey(p), outlet: p.outlet, title: p.title, date: p.date, ...(p.url ? { url: p.url } : {}) }),
    );
    if (list.distinct.length > 0) {
      // The user's own setting: the seed's distinct names are replaced by every seed update.
      const distinct = asDistinctNames(await settings.get(SETTING_DISTINCT_USER));
      const known = new Set([...distinct, ...asDistinctNames(await settings.get(SETTING_DISTINCT))].map((d) => d.text));
      await settings.put([...distinct, ...list.distinct.filter((d) => !known.has(d.text))], SETTING_DISTINCT_USER);
    }
    return summary(list, true, replaced);
  });
}
