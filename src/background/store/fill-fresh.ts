// A restore into a FRESH database (dossier-database.ts's replace, or the options page's own fill,
// restore-in-page.ts): nobody else sees that database until the catalog's switch, and a failure
// anywhere deletes it whole, so its stores need not be written in one transaction: one per group of
// stores, one after another (side by side they took as long: the browser's storage backend writes
// one request at a time, BENCHMARKS part 10). Into the dossier in use (no fresh database)
// restoreBackup keeps one transaction: there, all or nothing needs it. The restored mark is written
// last, alone, once every other group has committed: a fresh database that has it is whole
// (isFilled), and the switch refuses one that has not (a fill that stopped midway, e.g. its
// options tab closed).
import type { BackupCounts } from '../../shared/dossier-messages';
import { allOrNothing } from './all-or-nothing';
import { putAll } from './bulk-put';
import { countsOf, STAYS_IN_BROWSER } from './backup';
import type { Backup } from './backup-validate';
import type { DossierDB } from './open';
import { searchKeysOf } from './search-keys';
import { withQuoteWriter } from './quote-writer';
import { markRestored, MARKS_STORE, RESTORED, unmarked } from './sync-marks';
import { groupSightings } from './sightings/day-records';

/** Fills an empty, not yet switched-to database with `backup`; rejects (and leaves it to be deleted) on any failure. */
export async function fillFresh(fresh: DossierDB, backup: Backup): Promise<BackupCounts> {
  const db = unmarked(fresh);
  const small = async (): Promise<void> => {
    const tx = db.transaction(['entities', 'claims', 'sources', 'settings'], 'readwrite');
    await allOrNothing(tx, async () => {
      await putAll(tx.objectStore('entities'), backup.entities, (entity) => ({ ...entity, keys: searchKeysOf(entity) }));
      await putAll(tx.objectStore('claims'), backup.claims, (claim) => claim);
      await putAll(tx.objectStore('sources'), backup.sources, (source) => source);
      await putAll(tx.objectStore('settings'), backup.settings.filter(({ key }) => !STAYS_IN_BROWSER.has(key)), ({ value }) => value, ({ key }) => key);
    });
  };
  const quotes = async (): Promise<void> => {
    const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
    await allOrNothing(tx, () =>
      withQuoteWriter(tx, async (writer) => {
        await writer.clear();
        await writer.putNew(backup.quotes);
      }),
    );
  };
  const sightings = async (): Promise<void> => {
    const tx = db.transaction('sightings', 'readwrite');
    await allOrNothing(tx, () => putAll(tx.objectStore('sightings'), groupSightings(backup.sightings), (record) => record));
  };
  const annotations = async (): Promise<void> => {
    const tx = db.transaction('annotations', 'readwrite');
    await allOrNothing(tx, () =>
      putAll(tx.objectStore('annotations'), backup.annotations, (annotation) => {
        const time = Date.parse(annotation.modified);
        return { ...annotation, time: Number.isNaN(time) ? 0 : time };
      }),
    );
  };
  // One after another: a failure stops the fill before the next group starts.
  await small();
  await quotes();
  await sightings();
  await annotations();
  // With sync on, absence from the backup must not become a deletion on every device; and its
  // presence says the fill is whole.
  const last = db.transaction(MARKS_STORE, 'readwrite');
  await allOrNothing(last, () => markRestored(last));
  return countsOf(backup);
}

/** Whether a fresh database was filled to the end (fillFresh's last write is there). */
export async function isFilled(fresh: DossierDB): Promise<boolean> {
  return (await unmarked(fresh).get(MARKS_STORE, RESTORED)) !== undefined;
}
