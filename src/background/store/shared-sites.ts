// Sites whose on/off switch the user shares through sync ("the same on my other devices"). Only
// those sync: a site's switch is a choice about this browser unless the user says otherwise.
// Stored as "site-shared:<host>" = true beside the switch itself ("site-disabled:<host>").
import type { DossierDB } from './schema';
import { siteSettingKey } from './schema';

export const SHARED_PREFIX = 'site-shared:';
export const sharedSiteKey = (host: string): string => `${SHARED_PREFIX}${host.trim().toLowerCase()}`;

export async function listSharedSites(db: DossierDB): Promise<string[]> {
  const keys = await db.getAllKeys('settings', IDBKeyRange.bound(SHARED_PREFIX, `${SHARED_PREFIX}\uffff`));
  return keys.map((k) => k.slice(SHARED_PREFIX.length)).sort();
}

/** Shares (or stops sharing) one site's switch; stopping changes nothing on other devices but the sharing. */
export async function setSiteShared(db: DossierDB, host: string, shared: boolean): Promise<boolean> {
  if (shared) await db.put('settings', true, sharedSiteKey(host));
  else await db.delete('settings', sharedSiteKey(host));
  return shared;
}

/** The synced form of a shared site's switch; undefined when the site is not shared. */
export function sitePayload(shared: unknown, disabled: unknown): { off: boolean } | undefined {
  return shared === true ? { off: disabled === true } : undefined;
}

export { siteSettingKey };
