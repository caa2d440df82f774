// Bundled by sightings-upgrade.test.ts and run in an extension page (Chromium's own IndexedDB): a
// v7 database with flat sightings, then opened by this build, whose v8 step regroups them.
import { openStore } from '../../src/background/store/open';
import { UPGRADE_STEPS } from '../../src/background/store/migrations';
import type { SightingRecord } from '../../src/background/store/schema';
import { flattenSightings } from '../../src/background/store/sightings/day-records';
import { readCardSightings } from '../../src/background/store/sightings/read-pages';
import { unmarked } from '../../src/background/store/sync-marks';

const DAY = 86_400_000;
const T0 = Date.parse('2024-06-01T08:00:00Z');

async function upgradeCheck(name: string) {
  const flat: SightingRecord[] = [];
  for (let i = 0; i < 450; i++) flat.push({ entityId: 'lea', url: `https://a.example/${i}`, title: `A ${i}`, time: T0 + i, count: 1 + (i % 3) });
  for (let d = 0; d < 5; d++) flat.push({ entityId: 'lea-2', url: `https://b.example/${d}`, title: `B ${d}`, time: T0 + d * DAY, count: d + 1 });
  const v7 = await openStore({ name, steps: UPGRADE_STEPS.slice(0, 7) });
  const tx = unmarked(v7).transaction('sightings', 'readwrite');
  for (const s of flat) void tx.store.put(s as never);
  await tx.done;
  const version7 = v7.version;
  v7.close();

  const db = await openStore({ name });
  const records = await db.getAll('sightings');
  const card = await readCardSightings(db.transaction('sightings').store, 'lea', 'https://a.example/449', 20);
  const result = { version7, version: db.version, records: records.length, flat: flattenSightings(records), input: flat, card: card.map((p) => p.url) };
  db.close();
  await new Promise((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => resolve(undefined);
  });
  return result;
}

(globalThis as unknown as { __sightingsUpgrade: typeof upgradeCheck }).__sightingsUpgrade = upgradeCheck;
