// The lean list a page's matcher is built from (names, aliases, claim cues, distinct names), and
// the settings a page needs before its first highlight, each read in one transaction.
import type { HighlightColours } from '../../shared/dossier-messages';
import type { MatchList } from '../../shared/messages';
import type { DossierDB } from './open';
import { asColours, SETTING_COLOURS, SETTING_DIAGNOSTICS } from './options-settings';
import { asDistinctNames } from './read-settings';
import { SETTING_DISTINCT, SETTING_DISTINCT_USER, siteSettingKey } from './schema';

/**
 * How many entities and claims the store holds: a cached list whose fingerprint differs is stale.
 * Catches writers that bypass the store facade (another extension page, a bench filling the
 * database), which the facade's own invalidation cannot see. Counting keys is far cheaper than
 * reading every record.
 */
export async function listFingerprint(db: DossierDB): Promise<string> {
  const tx = db.transaction(['entities', 'claims']);
  const [entities, claims] = await Promise.all([tx.objectStore('entities').count(), tx.objectStore('claims').count()]);
  return `${entities}|${claims}`;
}

export async function readMatchList(db: DossierDB): Promise<{ list: MatchList; fingerprint: string }> {
  const tx = db.transaction(['entities', 'claims', 'settings']);
  const [entities, claims, distinct, userDistinct] = await Promise.all([
    tx.objectStore('entities').getAll(),
    tx.objectStore('claims').getAll(),
    tx.objectStore('settings').get(SETTING_DISTINCT),
    tx.objectStore('settings').get(SETTING_DISTINCT_USER),
  ]);
  return {
    list: {
      entities: entities.map(({ id, name, kind, aliases }) => ({ id, name, kind, aliases })),
      claims: claims.map(({ id, statement, entities: ids, cues }) => ({ id, statement, entities: ids, cues })),
      distinct: [...asDistinctNames(distinct), ...asDistinctNames(userDistinct)],
    },
    fingerprint: `${entities.length}|${claims.length}`,
  };
}

/** Whether Dossier is off on `host`, the user's colours and the diagnostics switch: one transaction. */
export async function readPageSettings(db: DossierDB, host: string): Promise<{ disabled: boolean; colours: HighlightColours; diagnostics: boolean }> {
  const tx = db.transaction('settings');
  const [disabled, colours, diagnostics] = await Promise.all([
    tx.store.get(siteSettingKey(host.trim().toLowerCase())),
    tx.store.get(SETTING_COLOURS),
    tx.store.get(SETTING_DIAGNOSTICS),
  ]);
  return { disabled: disabled === true, colours: asColours(colours), diagnostics: diagnostics === true };
}
