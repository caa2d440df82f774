// The few writes other contexts may cause: sightings from the content script, and the per-site
// switch from the popup/options.
import { allOrNothing } from './all-or-nothing';
import type { DossierDB } from './open';
import { pageKey } from './records';
import { siteSettingKey } from './schema';
import { recordVisit } from './sightings/write-visit';
import { loadSiteOf } from '../../core/web/site';

/**
 * Remembers that the page showed these entities. Overwrites the page's previous visit: a
 * reload re-counts the same article, it does not add to it. Unknown ids are skipped.
 */
export async function recordSightings(
  db: DossierDB,
  url: string,
  title: string,
  counts: Readonly<Record<string, number>>,
  now: number,
): Promise<{ recorded: number }> {
  // Loaded before the transaction: waiting on it inside would end the transaction.
  const siteOf = await loadSiteOf();
  // v8: one read-modify-write of the entity's record for today (sightings/write-visit.ts).
  const tx = db.transaction(['entities', 'sightings'], 'readwrite');
  const page = pageKey(url);
  let recorded = 0;
  await allOrNothing(tx, async () => {
    for (const [entityId, count] of Object.entries(counts)) {
      if (!(count > 0)) continue;
      if ((await tx.objectStore('entities').getKey(entityId)) === undefined) continue;
      if (await recordVisit(tx.objectStore('sightings'), entityId, { url: page, title, time: now, count }, siteOf)) recorded++;
    }
  });
  return { recorded };
}

/** Host names are case-insensitive; the key is not. */
const hostKey = (host: string): string => siteSettingKey(host.trim().toLowerCase());

export async function getSiteDisabled(db: DossierDB, host: string): Promise<boolean> {
  return (await db.get('settings', hostKey(host))) === true;
}

export async function setSiteDisabled(db: DossierDB, host: string, disabled: boolean): Promise<boolean> {
  if (disabled) await db.put('settings', true, hostKey(host));
  else await db.delete('settings', hostKey(host));
  return disabled;
}
