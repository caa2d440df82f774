// The messages after which the dossier may hold something new to sync: a pass follows soon after
// (debounced). Reads never start one. A test checks every message name is sorted into one group.
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
  'sightings/record',
]);
