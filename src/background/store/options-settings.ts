// The options page's settings: the sites where Dossier is off (written by `site/set`, listed
// here) and the highlight colours. Values come back from storage as unknown and are checked.
import type { MentionKind } from '../../core/types';
import type { HighlightColours } from '../../shared/dossier-messages';
import type { DossierDB } from './open';
import { siteSettingKey } from './schema';

export const SETTING_COLOURS = 'highlight-colours';
/**
 * Stored only while on (true). Diagnostics put the content script's timings on each page's
 * performance timeline, where the page's own scripts can read them: off by default.
 */
export const SETTING_DIAGNOSTICS = 'diagnostics';
export const COLOUR_KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

const SITE_PREFIX = siteSettingKey('');

export async function listDisabledSites(db: DossierDB): Promise<string[]> {
  const keys = await db.getAllKeys('settings', IDBKeyRange.bound(SITE_PREFIX, `${SITE_PREFIX}\uffff`));
  const hosts: string[] = [];
  for (const key of keys) if ((await db.get('settings', key)) === true) hosts.push(key.slice(SITE_PREFIX.length));
  return hosts.sort();
}

/** Only known kinds with #rrggbb values survive; anything else in storage is ignored. */
export function asColours(value: unknown): HighlightColours {
  const colours: HighlightColours = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return colours;
  for (const kind of COLOUR_KINDS) {
    const colour: unknown = (value as Record<string, unknown>)[kind];
    if (typeof colour === 'string' && HEX_COLOUR.test(colour)) colours[kind] = colour.toLowerCase();
  }
  return colours;
}

export async function getColours(db: DossierDB): Promise<HighlightColours> {
  return asColours(await db.get('settings', SETTING_COLOURS));
}

export async function getDiagnostics(db: DossierDB): Promise<boolean> {
  return (await db.get('settings', SETTING_DIAGNOSTICS)) === true;
}

export async function setDiagnostics(db: DossierDB, on: boolean): Promise<boolean> {
  if (on) await db.put('settings', true, SETTING_DIAGNOSTICS);
  else await db.delete('settings', SETTING_DIAGNOSTICS);
  return on;
}

/** Replaces the user's colours; an empty object goes back to the built-in palette. */
export async function setColours(db: DossierDB, colours: HighlightColours): Promise<HighlightColours> {
  const clean = asColours(colours);
  if (Object.keys(clean).length === 0) await db.delete('settings', SETTING_COLOURS);
  else await db.put('settings', clean, SETTING_COLOURS);
  return clean;
}
