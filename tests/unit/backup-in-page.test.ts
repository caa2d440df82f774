// The options page writes the backup itself (backup-in-page.ts), reading the database the catalog
// names: after a restore it reads the restored dossier, a read that a switch overtook is done again,
// and a name a restore has deleted is never created anew as an empty dossier (openStore's mustExist).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDossierDatabase, createStore, openStore } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import { backupInPage } from '../../src/ui/options/backup-in-page';
import { NOW, person, provenance, withManyRecords } from './big-backup';

const PEOPLE = ['tom', 'lea'].map(person);

describe('the backup the options page writes', () => {
  it('is of the dossier the catalog names: the restored one after a restore', async () => {
    // The global factory, as the page and the background share their origin's databases.
    const database = createDossierDatabase();
    const store = createStore(() => database.get(), database.replace);
    await store.syncSeed({ version: 1, entities: PEOPLE, claims: [], quotes: [{ id: 'q1', text: 'Words.', speaker: 'tom', mentions: [], provenance }], distinct: [] });
    const first = JSON.parse((await backupInPage(NOW)).text) as { quotes: unknown[] };
    expect(first.quotes).toHaveLength(1);

    const base = await readBackup(await database.get(), NOW);
    await store.admin.restoreBackup(withManyRecords(base, ['tom', 'lea'], { quotes: 30, sightings: 40 }));
    const after = await backupInPage(NOW);
    expect(after.counts).toMatchObject({ sightings: 40 });
    expect((JSON.parse(after.text) as { quotes: unknown[] }).quotes).toHaveLength(30);
  });

  it('never creates an empty dossier under a name that is gone', async () => {
    await expect(openStore({ name: 'dossier-gone', mustExist: true })).rejects.toMatchObject({ code: 'not-found' });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('dossier-gone');
  });
});
