// What an import changes, worked out before the store opens a transaction: the store then applies
// the plan in one transaction, so an import is all or nothing.

import type { Annotation } from './model';

export interface MergePlan {
  /** Ids the store does not have. */
  add: Annotation[];
  /** Ids the store has, where the imported copy was modified later. */
  update: Annotation[];
  /** Imported copies equal to the stored ones. */
  identical: number;
  /** Imported copies older than (or as old as, but different from) the stored ones: kept as stored. */
  older: number;
}

function time(iso: string): number {
  const parsed = Date.parse(iso);
  return Number.isNaN(parsed) ? -Infinity : parsed;
}

/** Field order fixed, so two equal annotations give the same string whatever built them. */
function fingerprint(annotation: Annotation): string {
  const { id, url, title, created, modified, target, body, entities } = annotation;
  return JSON.stringify([
    id,
    url,
    title,
    created,
    modified,
    target.source,
    target.selector.map((selector) =>
      selector.type === 'TextQuoteSelector'
        ? [selector.type, selector.exact, selector.prefix, selector.suffix]
        : [selector.type, selector.start, selector.end],
    ),
    body.note ?? null,
    body.tags,
    body.colour,
    entities,
  ]);
}

export function mergeById(existing: readonly Annotation[], incoming: readonly Annotation[]): MergePlan {
  const stored = new Map(existing.map((annotation) => [annotation.id, annotation]));
  // A file may carry the same id twice (two exports concatenated): the newest copy stands for it.
  const newest = new Map<string, Annotation>();
  for (const annotation of incoming) {
    const seen = newest.get(annotation.id);
    if (!seen || time(annotation.modified) > time(seen.modified)) newest.set(annotation.id, annotation);
  }
  const plan: MergePlan = { add: [], update: [], identical: 0, older: 0 };
  for (const annotation of newest.values()) {
    const current = stored.get(annotation.id);
    if (!current) plan.add.push(annotation);
    else if (fingerprint(current) === fingerprint(annotation)) plan.identical++;
    else if (time(annotation.modified) > time(current.modified)) plan.update.push(annotation);
    else plan.older++;
  }
  return plan;
}
