// Devices for Node tests and the bench: each a dossier store (fake-indexeddb), its sync database
// and its PouchDB mirror (in memory), all under its own names, syncing with one test server.
import { createStore, openStore, type DossierDB, type Store } from '../../src/background/store';
import { createSyncService, type SyncService } from '../../src/background/sync/service';

import type { PouchFactory } from '../../src/background/sync/pouch-types';
import { NodePouch } from './node-pouch';

export interface Device {
  name: string;
  db: DossierDB;
  store: Store;
  sync: SyncService;
}

let clock = Date.parse('2026-01-01T00:00:00Z');
/** A clock every device shares, a second per call: passes and edits get distinct times. */
export const tick = (): number => (clock += 1000);

/** `Pouch`: another PouchDB for the device's mirror and replication (a test that watches them); `hooks`: the service's callbacks. */
export async function makeDevice(name: string, Pouch: PouchFactory = NodePouch, hooks: { onAnnotationsChanged?: () => void } = {}): Promise<Device> {
  const unique = `${name}-${Math.random().toString(36).slice(2)}`;
  const db = await openStore({ name: `dossier-${unique}` });
  const store = createStore(async () => db);
  const sync = createSyncService({
    Pouch,
    getDb: async () => db,
    mirrorOptions: { adapter: 'memory' },
    syncDbName: `sync-${unique}`,
    now: tick,
    debounceMs: 10,
    ...hooks,
  });
  return { name, db, store, sync };
}
