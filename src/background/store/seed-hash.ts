// The seed's fingerprint, kept in settings: a worker's open compares it to learn whether the
// bundled seed changed (an update). Computed by build.mjs into the background's bundle, and here
// where no build did (tests, the CLI).
import type { EntityList } from '../../core/types';

/** FNV-1a over the list's JSON: stable across runs, cheap, and no async crypto in a transaction. */
export function seedHash(list: EntityList): string {
  const text = JSON.stringify(list);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16)}-${text.length}`;
}
