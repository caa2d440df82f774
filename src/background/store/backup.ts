// Backup and restore of the whole dossier. A backup is every store as JSON; a restore replaces
// every store in ONE transaction, so a failure anywhere (a bad record is refused before this; a
// full disk midway) leaves the old dossier exactly as it was. In the extension a restore fills a
// fresh database instead (fill-fresh.ts), which then replaces the old one in one write
// (dossier-database.ts), and no rollback of the old dossier is kept.
import type { BackupCounts, BackupFile } from '../../shared/dossier-messages';
import { allOrNothing } from './all-or-nothing';
import { putAll } from './bulk-put';
import { dossierTooBig, MAX_BACKUP_BYTES } from './backup-size';
import { StoreError } from './errors';
import { utf8Length } from '../../core/annotations/json-input';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupAnnotation, type BackupQuote } from './backup-validate';
import type { DossierDB } from './open';
import { SETTING_DIAGNOSTICS } from './options-settings';
import { searchKeysOf } from './search-keys';
import type { AnnotationRecord, EntityRecord } from './schema';
import { withoutCardKeys } from './quote-card-keys';
import { withQuoteWriter } from './quote-writer';
import { markRestored, unmarked } from './sync-marks';
import { flattenSightings, groupSightings } from './sightings/day-records';

/**
 * Settings that neither leave in a backup nor come back from one: diagnostics expose Dossier to
 * every page, so only this browser's own switch turns them on (a restore, which clears the
 * settings, turns them off).
 */
export const STAYS_IN_BROWSER: ReadonlySet<string> = new Set([SETTING_DIAGNOSTICS]);

const STORES = ['entities', 'claims', 'quotes', 'sources', 'sightings', 'annotations', 'settings'] as const;
/** What a restore replaces: every store a backup carries, and the counters derived from the quotes. */
const RESTORED = [...STORES, 'quoteCounts'] as const;

export function countsOf(backup: Pick<Backup, (typeof STORES)[number]>): BackupCounts {
  return {
    entities: backup.entities.length,
    claims: backup.claims.length,
    quotes: backup.quotes.length,
    sources: backup.sources.length,
    sightings: backup.sightings.length,
    annotations: backup.annotations.length,
    settings: backup.settings.length,
  };
}

/** The search keys are derived from the names: rebuilt on restore, not carried in the file. */
function withoutKeys({ keys: _keys, ...entity }: EntityRecord): Backup['entities'][number] {
  return entity;
}

/** `time` is derived from `modified` (see annotations.ts); the rest is the stored annotation. */
function backupAnnotation(record: AnnotationRecord): BackupAnnotation {
  const { time: _time, ...annotation } = record;
  return annotation as unknown as BackupAnnotation;
}

export async function readBackup(db: DossierDB, now: number): Promise<Backup> {
  const tx = db.transaction([...STORES]);
  const [entities, claims, quotes, sources, sightings, annotations, settingKeys, settingValues] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('claims').getAll(),
    tx.objectStore('quotes').getAll(),
    tx.objectStore('sources').getAll(),
    tx.objectStore('sightings').getAll(),
    tx.objectStore('annotations').getAll(),
    tx.objectStore('settings').getAllKeys(),
    tx.objectStore('settings').getAll(),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: new Date(now).toISOString(),
    entities: entities.map(withoutKeys),
    claims,
    quotes: quotes.map(withoutCardKeys) as BackupQuote[],
    sources,
    // Flat, one per entity and page, as every version's backup: the store's day records flattened.
    sightings: flattenSightings(sightings),
    annotations: annotations.map(backupAnnotation),
    // Both lists come in key order, so value i belongs to key i. Diagnostics belong to this browser.
    settings: settingKeys.map((key, i) => ({ key, value: settingValues[i] })).filter(({ key }) => !STAYS_IN_BROWSER.has(key)),
  };
}

export async function exportBackup(db: DossierDB, now: number): Promise<BackupFile> {
  const backup = await readBackup(db, now);
  // Compact, and never over what the restore reads: a backup that could not come back is no backup.
  const text = JSON.stringify(backup);
  const bytes = utf8Length(text);
  if (bytes > MAX_BACKUP_BYTES) throw new StoreError('invalid', dossierTooBig(bytes));
  return {
    text,
    filename: `dossier-backup-${backup.exported.slice(0, 10)}.json`,
    mimeType: 'application/json',
    counts: countsOf(backup),
  };
}

/**
 * Replaces the dossier with a validated backup: every store cleared and refilled, all or nothing.
 * Written without sync's per-record marks: the one RESTORED mark already makes the next pass read
 * everything, and a mark per record doubled the writes of a 40 MB restore. The puts go out together,
 * without a promise or a round trip each (bulk-put.ts): IndexedDB keeps their order within the
 * transaction, and any failing put aborts it whole.
 */
export async function restoreBackup(db: DossierDB, backup: Backup): Promise<BackupCounts> {
  const tx = unmarked(db).transaction([...RESTORED, 'syncMarks' as const], 'readwrite');
  return allOrNothing(tx, async () => {
    for (const name of STORES) if (name !== 'quotes') await tx.objectStore(name).clear();
    // With sync on, absence from the backup must not become a deletion on every device.
    await markRestored(tx);
    await putAll(tx.objectStore('entities'), backup.entities, (entity) => ({ ...entity, keys: searchKeysOf(entity) }));
    await putAll(tx.objectStore('claims'), backup.claims, (claim) => claim);
    await withQuoteWriter(tx, async (writer) => {
      await writer.clear();
      await writer.putNew(backup.quotes);
    });
    await putAll(tx.objectStore('sources'), backup.sources, (source) => source);
    await putAll(tx.objectStore('sightings'), groupSightings(backup.sightings), (record) => record);
    await putAll(tx.objectStore('annotations'), backup.annotations, (annotation) => {
      const time = Date.parse(annotation.modified);
      return { ...annotation, time: Number.isNaN(time) ? 0 : time };
    });
    await putAll(tx.objectStore('settings'), backup.settings.filter(({ key }) => !STAYS_IN_BROWSER.has(key)), ({ value }) => value, ({ key }) => key);
    return countsOf(backup);
  });
}
