// The options page's half of the Store facade (entity admin, sites, colours, backup): each call
// opens the database lazily and fails with a StoreError rather than a raw DOMException.
import type { EntityList } from '../../core/types';
import type { AdminEntity, BackupCounts, BackupFile, EntityDraft, EntityImportSummary, HighlightColours } from '../../shared/dossier-messages';
import { exportBackup, restoreBackup } from './backup';
import type { Backup } from './backup-validate';
import * as admin from './entities-admin';
import { fillFresh } from './fill-fresh';
import type { DossierDB } from './open';
import * as settings from './options-settings';

export interface DossierAdminStore {
  listEntities(): Promise<AdminEntity[]>;
  saveEntity(draft: EntityDraft, now: number): Promise<AdminEntity>;
  deleteEntity(id: string, now: number): Promise<boolean>;
  previewImport(list: EntityList): Promise<EntityImportSummary>;
  importEntities(list: EntityList, now: number): Promise<EntityImportSummary>;
  disabledSites(): Promise<string[]>;
  colours(): Promise<HighlightColours>;
  setColours(colours: HighlightColours): Promise<HighlightColours>;
  diagnostics(): Promise<boolean>;
  setDiagnostics(on: boolean): Promise<boolean>;
  exportBackup(now: number): Promise<BackupFile>;
  restoreBackup(backup: Backup): Promise<BackupCounts>;
}

type Runner = <T>(operation: (db: DossierDB) => Promise<T>) => Promise<T>;

/**
 * `read` for the calls that only read (open pages ask for the colours when the dossier changes, so
 * a read must not count as a change); `run` for every other, which counts as a write.
 */
export function createDossierAdminStore(
  run: Runner,
  read: Runner,
  /** Fills a fresh database and switches to it (dossier-database.ts); without it, restores in place. */
  replace?: <T>(fill: (fresh: DossierDB) => Promise<T>) => Promise<T>,
): DossierAdminStore {
  return {
    listEntities: () => read((db) => admin.listEntities(db)),
    saveEntity: (draft, now) => run((db) => admin.saveEntity(db, draft, now)),
    deleteEntity: (id, now) => run((db) => admin.deleteEntity(db, id, now)),
    previewImport: (list) => read((db) => admin.previewImport(db, list)),
    importEntities: (list, now) => run((db) => admin.importEntities(db, list, now)),
    disabledSites: () => read((db) => settings.listDisabledSites(db)),
    colours: () => read((db) => settings.getColours(db)),
    setColours: (colours) => run((db) => settings.setColours(db, colours)),
    diagnostics: () => read((db) => settings.getDiagnostics(db)),
    setDiagnostics: (on) => run((db) => settings.setDiagnostics(db, on)),
    exportBackup: (now) => read((db) => exportBackup(db, now)),
    restoreBackup: (backup) => (replace ? replace((fresh) => fillFresh(fresh, backup)) : run((db) => restoreBackup(db, backup))),
  };
}
