// What the restore tests share (restore-swap, restore-page-fill): a profile (one IDBFactory, its
// dossier database and store) holding a small seed, another dossier's big backup, and what the
// factory holds (its databases, the catalog's current dossier and doomed ones).
import { IDBFactory } from 'fake-indexeddb';
import { createDossierDatabase, createStore, openStore, type DossierDatabase, type DossierDatabaseOptions, type Store } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import type { Backup } from '../../src/background/store/backup-validate';
import { openCatalog, readCatalog } from '../../src/background/store/catalog';
import type { EntityList } from '../../src/core/types';
import { NOW, person, provenance, withManyRecords } from './big-backup';

export const PEOPLE = ['tom', 'lea', 'ana'].map(person);
const SEED: EntityList = { version: 1, entities: PEOPLE, claims: [], quotes: [{ id: 'old-quote', text: 'Old words.', speaker: 'tom', mentions: ['lea'], provenance }], distinct: [] };
export const QUOTES = 2_300;
export const SIGHTINGS = 2_500;

export interface Profile {
  factory: IDBFactory;
  database: DossierDatabase;
  store: Store;
}

/** A background started on `factory` (again, after a stop, on the same one). */
export function start(factory: IDBFactory, faults?: DossierDatabaseOptions['faults']): Profile {
  const database = createDossierDatabase({ factory, faults });
  return { factory, database, store: createStore(() => database.get(), database.replace) };
}

/** A fresh profile with the seed and one sighting: the "old dossier". */
export async function profile(): Promise<Profile> {
  const p = start(new IDBFactory());
  await p.store.syncSeed(SEED);
  await p.store.recordSightings('https://news.example/old', 'Old', { tom: 2 }, NOW);
  return p;
}

/** Another dossier's backup: thousands of quotes (several chunks) and sightings. */
export async function bigBackup(): Promise<Backup> {
  const base = await readBackup(await openStore({ factory: new IDBFactory() }), NOW);
  const backup = withManyRecords(base, PEOPLE.map((p) => p.id), { quotes: QUOTES, sightings: SIGHTINGS });
  return { ...backup, entities: PEOPLE.map((e) => ({ ...e, origin: 'user' as const })) };
}

export const databases = async (p: Profile): Promise<string[]> => (await p.factory.databases()).map((d) => d.name!).sort();

export async function catalog(p: Profile) {
  const db = await openCatalog(p.factory);
  try {
    return await readCatalog(db);
  } finally {
    db.close();
  }
}
