// What an upgrade step is (migrations.ts holds the steps): apart, so that a step kept in its own
// module (sightings/upgrade.ts) can name its transaction without importing the list of steps.
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DossierSchema } from './schema';

export type UpgradeTransaction = IDBPTransaction<DossierSchema, StoreNames<DossierSchema>[], 'versionchange'>;

/** May be async, but must await nothing except requests of `tx`, or the transaction commits early. */
export type UpgradeStep = (db: IDBPDatabase<DossierSchema>, tx: UpgradeTransaction) => void | Promise<void>;
