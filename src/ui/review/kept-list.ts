// From what the user reviewed to the list the background stores: their edits applied, dropped
// entries left out, and only items the list validator accepts (a claim needs a cue to be found).
import { quoteOwner, reviewListToEntityList, type ReviewList } from '../../core/extract';
import type { EntityList } from '../../core/types';
import { LIST_ADD_ITEMS_MAX } from '../../shared/list-add-limit';

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

/**
 * Entities and quotes are kept unless dropped; candidate claims only when ticked (they are guesses).
 * Never more than the background accepts in one add: past that, the most mentioned entities first.
 */
export function initiallyKept(review: ReviewList, max = LIST_ADD_ITEMS_MAX): Set<string> {
  const all = [...review.entities.map((e) => e.id), ...review.quotes.map((q) => q.id)];
  if (all.length <= max) return new Set(all);
  const entities = [...review.entities].sort((a, b) => b.mentions - a.mentions).slice(0, max).map((e) => e.id);
  const kept = new Set(entities);
  for (const q of review.quotes) {
    if (kept.size >= max) break;
    const owner = quoteOwner(q);
    if (owner !== undefined && kept.has(owner)) kept.add(q.id);
  }
  return kept;
}
