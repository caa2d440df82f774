// How long the reader's history is kept: "Keep pages for" on the options page (always, or a year,
// three months, a month). This browser's own choice: the setting neither syncs nor needs to (each
// device prunes its own, and sync carries the deletions). Pruned when the choice is made, and
// then after a page visit at most once an hour, so no timer or permission is needed.
import { HISTORY_KEEP_DAYS, type HistoryKeepDays } from '../../../shared/dossier-messages';
import type { DossierDB } from '../open';
import { pruneReadingHistory } from './clear-history';
import { DAY_MS } from './day-records';

export const SETTING_HISTORY_KEEP_DAYS = 'history-keep-days';
const PRUNE_EVERY_MS = 3_600_000;

/** A stored value as a choice; anything else (a restored file's, a future version's) keeps everything. */
export function asKeepDays(value: unknown): HistoryKeepDays {
  return HISTORY_KEEP_DAYS.find((days) => days !== null && days === value) ?? null;
}

export async function getKeepDays(db: DossierDB): Promise<HistoryKeepDays> {
  return asKeepDays(await db.get('settings', SETTING_HISTORY_KEEP_DAYS));
}

/** Saves the choice and forgets at once what it no longer keeps; the (entity, page) copies forgotten. */
export async function setKeepDays(db: DossierDB, days: HistoryKeepDays, now: number): Promise<number> {
  if (days === null) await db.delete('settings', SETTING_HISTORY_KEEP_DAYS);
  else await db.put('settings', days, SETTING_HISTORY_KEEP_DAYS);
  return days === null ? 0 : pruneReadingHistory(db, now - days * DAY_MS);
}

/** Prunes what the reader's choice no longer keeps, at most once per PRUNE_EVERY_MS of `now`. */
export function createPruner(): (db: DossierDB, now: number) => Promise<void> {
  let last = -Infinity;
  return async (db, now) => {
    if (now - last < PRUNE_EVERY_MS) return;
    last = now;
    const days = await getKeepDays(db);
    if (days !== null) await pruneReadingHistory(db, now - days * DAY_MS);
  };
}
