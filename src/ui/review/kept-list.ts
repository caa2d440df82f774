// From what the user reviewed to the list the background stores: their edits applied, dropped
// entries left out, and only items the list validator accepts (a claim needs a cue to be found).
import { reviewListToEntityList, type ReviewList } from '../../core/extract';
import type { EntityList } from '../../core/types';

export interface EntityEdit {
  name: string;
  context: string;
}

export function keptList(review: ReviewList, kept: ReadonlySet<string>, edits: ReadonlyMap<string, EntityEdit>): EntityList {
  const entities = review.entities.map((e) => {
    const edit = edits.get(e.id);
    if (!edit) return e;
    const name = edit.name.trim() !== '' ? edit.name.trim() : e.name;
    return { ...e, name, context: edit.context.trim(), aliases: e.aliases.filter((a) => a !== name) };
  });
  return reviewListToEntityList({ ...review, entities }, kept);
}
