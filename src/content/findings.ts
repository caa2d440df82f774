// What the page holds, summed from the marks: for the popup (page/found) and for sightings.
import type { EntityList, MentionKind } from '../core/types';
import type { PageFinding } from '../shared/messages';
import type { Mark } from './highlight/highlighter';

export interface NameBook {
  nameOf(id: string, kind: MentionKind): string | undefined;
}

/** Display names of the list's entities and claims (a claim shows its statement). */
export function nameBook(list: EntityList): NameBook {
  const entities = new Map(list.entities.map((e) => [e.id, e.name]));
  const claims = new Map(list.claims.map((c) => [c.id, c.statement]));
  return { nameOf: (id, kind) => (kind === 'claim' ? claims.get(id) : entities.get(id)) };
}

/** One finding per entity or claim, most mentioned first, then by name. */
export function pageFindings(marks: readonly Mark[], names: NameBook): PageFinding[] {
  const byKey = new Map<string, PageFinding>();
  for (const mark of marks) {
    const key = `${mark.kind}:${mark.id}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { id: mark.id, name: names.nameOf(mark.id, mark.kind) ?? mark.id, kind: mark.kind, count: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Mentions per entity id (claims are not sightings of an entity). */
export function entityCounts(marks: readonly Mark[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const mark of marks) {
    if (mark.kind !== 'claim') counts[mark.id] = (counts[mark.id] ?? 0) + 1;
  }
  return counts;
}
