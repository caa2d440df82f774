// The messages after which the dossier may hold something new to sync: a pass follows soon after
// (debounced). Reads never start one.
import type { BackgroundMessageName } from '../../shared/messages';

export const WRITES: ReadonlySet<BackgroundMessageName> = new Set<BackgroundMessageName>([
  'annotations/save',
  'annotations/delete',
  'annotations/import',
  'quotes/harvest',
  'list/add',
  'entities/save',
  'entities/delete',
  'entities/import',
  'backup/restore',
  'site/set',
]);
// Not 'sightings/record': every page load sends it, and "Seen elsewhere" (off unless the user
// asks) can wait for the alarm's pass; a pass per page load would scan the dossier per page load.
