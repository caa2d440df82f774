// The options page writes the backup itself: it reads the dossier's database (the one the catalog
// names) in one read transaction and makes the file here, so the 40 MB text never crosses a message
// (the background's reply cost ~7 s quiet at the size limit, BENCHMARKS part 10). The page is an
// extension page: the same origin, the same databases as the background.
// A restore may switch the dossier while the page reads: the catalog is read before and after, and
// a read that did not see the same dossier throughout is done again. The old database is never
// created anew (mustExist), and a read transaction already running keeps its snapshot.
import type { BackupFile } from '../../shared/dossier-messages';
import { exportBackup } from '../../background/store/backup';
import { openCatalog, readCatalog } from '../../background/store/catalog';
import { openStore } from '../../background/store/open';
import { StoreError } from '../../background/store/errors';

const ATTEMPTS = 3;

async function currentName(): Promise<string> {
  const catalog = await openCatalog(indexedDB);
  try {
    return (await readCatalog(catalog)).current;
  } finally {
    catalog.close();
  }
}

export async function backupInPage(now: number): Promise<BackupFile> {
  for (let attempt = 1; ; attempt++) {
    const name = await currentName();
    let file: BackupFile | undefined;
    try {
      const db = await openStore({ name, mustExist: true });
      try {
        file = await exportBackup(db, now);
      } finally {
        db.close();
      }
    } catch (error) {
      // Deleted by a restore's switch between the two reads: read the new dossier.
      if (!(error instanceof StoreError && error.code === 'not-found') || attempt >= ATTEMPTS) throw error;
    }
    if (file && (await currentName()) === name) return file;
    if (attempt >= ATTEMPTS) throw new StoreError('unavailable', 'No backup was written: the dossier was being restored. Try again once the restore is done.');
  }
}
