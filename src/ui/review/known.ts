// Which of the review's entities the dossier already has: the same kind, and one of its names as
// the known entity's name or alias (folded as the store folds them; add-list.ts merges those
// rather than adding a second entity). Pure, so it is tested without a browser.
import type { ReviewEntity } from '../../core/extract';
import type { EntityKind } from '../../core/types';
import { foldForSearch } from '../../core/text/search-fold';

export interface KnownEntity {
  kind: EntityKind;
  name: string;
  aliases: readonly { text: string }[];
}

/** Review entity id → the name the dossier knows it by. */
export function knownInDossier(review: readonly ReviewEntity[], dossier: readonly KnownEntity[]): Map<string, string> {
  const byName = new Map<string, KnownEntity[]>();
  for (const entity of dossier) {
    for (const name of [entity.name, ...entity.aliases.map((a) => a.text)]) {
      const key = foldForSearch(name);
      byName.set(key, [...(byName.get(key) ?? []), entity]);
    }
  }
  const known = new Map<string, string>();
  for (const entity of review) {
    for (const name of [entity.name, ...entity.aliases]) {
      const same = byName.get(foldForSearch(name))?.find((k) => k.kind === entity.kind);
      if (same) {
        known.set(entity.id, same.name);
        break;
      }
    }
  }
  return known;
}
