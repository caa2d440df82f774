// The annotations the user wrote: saved one by one from pages, listed per page and in full,
// marked orphan when their passage is gone (never dropped), and imported in one transaction.
import { mergeById } from '../../core/annotations/merge';
import type { Annotation } from '../../core/annotations/model';
import { LISTING_MAX, LISTING_PAGE, type AnnotationFilter, type AnnotationListing, type StoredAnnotation } from '../../shared/annotation-messages';
import type { DossierDB } from './open';
import type { AnnotationRecord } from './schema';
import { foldForSearch } from './search-keys';
import { allOrNothing } from './all-or-nothing';
import { putAllMarked } from './bulk-put-marked';

/** What the store keeps: the model, its time for the byTime index, and the last visit's verdict. */
interface StoredRecord extends Annotation {
  time: number;
  orphan: boolean;
}

function toRecord(annotation: Annotation, orphan: boolean): StoredRecord & AnnotationRecord {
  const { id, url, title, created, modified, target, body, entities } = annotation;
  const time = Date.parse(modified);
  return { id, url, title, created, modified, target, body, entities, time: Number.isNaN(time) ? 0 : time, orphan };
}

/** Records were validated on the way in; this only strips store-only fields. */
export function toStored(record: AnnotationRecord): StoredAnnotation {
  const r = record as unknown as StoredRecord;
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    created: r.created,
    modified: r.modified,
    target: r.target,
    body: r.body,
    entities: r.entities,
    orphan: r.orphan === true,
  };
}

function withoutOrphan({ orphan: _orphan, ...annotation }: StoredAnnotation): Annotation {
  return annotation;
}

export async function getAnnotation(db: DossierDB, id: string): Promise<StoredAnnotation | undefined> {
  const record = await db.get('annotations', id);
  return record ? toStored(record) : undefined;
}

/** Creates or replaces an annotation; `created` of a stored copy is kept, `modified` is now. */
export async function saveAnnotation(db: DossierDB, annotation: Annotation, now: number): Promise<StoredAnnotation> {
  const tx = db.transaction('annotations', 'readwrite');
  const existing = await tx.store.get(annotation.id);
  const created = existing ? (existing as unknown as StoredRecord).created : annotation.created;
  const modified = existing ? new Date(now).toISOString() : annotation.modified;
  const record = toRecord({ ...annotation, created, modified }, false);
  await tx.store.put(record);
  await tx.done;
  return toStored(record);
}

export async function annotationsOfPage(db: DossierDB, url: string): Promise<StoredAnnotation[]> {
  const records = await db.getAllFromIndex('annotations', 'byUrl', url);
  return records.map(toStored);
}

/** Marks what a visit found; only annotations of that page are touched. */
export async function reportAnchoring(db: DossierDB, url: string, orphans: readonly string[], anchored: readonly string[]): Promise<number> {
  const tx = db.transaction('annotations', 'readwrite');
  const verdicts = new Map<string, boolean>([...anchored.map((id) => [id, false] as const), ...orphans.map((id) => [id, true] as const)]);
  let updated = 0;
  for (const [id, orphan] of verdicts) {
    const record = (await tx.store.get(id)) as (AnnotationRecord & Partial<StoredRecord>) | undefined;
    if (!record || record.url !== url || record.orphan === orphan) continue;
    await tx.store.put({ ...record, orphan });
    updated++;
  }
  await tx.done;
  return updated;
}

export async function deleteAnnotation(db: DossierDB, id: string): Promise<boolean> {
  const tx = db.transaction('annotations', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}

export async function allAnnotations(db: DossierDB): Promise<StoredAnnotation[]> {
  return (await db.getAll('annotations')).map(toStored);
}

export interface ImportCounts {
  added: number;
  updated: number;
  identical: number;
  older: number;
}

/**
 * Writes a validated import in ONE transaction: read what is stored, plan the merge (pure, no
 * await), write. Any failed write aborts the transaction, and nothing of the file stays.
 */
export async function importAnnotations(db: DossierDB, incoming: readonly Annotation[]): Promise<ImportCounts> {
  const tx = db.transaction('annotations', 'readwrite');
  const stored = (await tx.store.getAll()).map(toStored);
  const orphanOf = new Map(stored.map((a) => [a.id, a.orphan]));
  const plan = mergeById(stored.map(withoutOrphan), incoming);
  // All the records as bare requests with their sync marks (bulk-put-marked.ts): no round trip each.
  await allOrNothing(tx, () => putAllMarked(tx, 'annotations', [...plan.add, ...plan.update].map((annotation) => toRecord(annotation, orphanOf.get(annotation.id) ?? false))));
  return { added: plan.add.length, updated: plan.update.length, identical: plan.identical, older: plan.older };
}

/** The site of a page for filtering: its host without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function matches(annotation: StoredAnnotation, filter: AnnotationFilter): boolean {
  if (filter.tag && !annotation.body.tags.some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) return false;
  if (filter.entity && !annotation.entities.includes(filter.entity)) return false;
  if (filter.site && siteOf(annotation.url) !== filter.site.replace(/^www\./, '').toLowerCase()) return false;
  const day = annotation.created.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  if (filter.query) {
    const query = foldForSearch(filter.query);
    const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const haystack = [quote?.type === 'TextQuoteSelector' ? quote.exact : '', annotation.body.note ?? '', annotation.title, annotation.url, ...annotation.body.tags];
    if (!haystack.some((text) => foldForSearch(text).includes(query))) return false;
  }
  return true;
}

/** Newest first, filtered, with facets over everything for the filter menus. */
export async function listAnnotations(db: DossierDB, filter: AnnotationFilter): Promise<AnnotationListing> {
  const tx = db.transaction(['annotations', 'entities', 'claims']);
  const all = (await tx.objectStore('annotations').getAll()).map(toStored);
  const entityIds = [...new Set(all.flatMap((a) => a.entities))];
  const names = await entityNames(entityIds, (id) => tx.objectStore('entities').get(id), (id) => tx.objectStore('claims').get(id));
  const sorted = all.sort((a, b) => b.modified.localeCompare(a.modified));
  const matching = sorted.filter((a) => matches(a, filter));
  return {
    annotations: matching.slice(0, Math.min(filter.limit ?? LISTING_PAGE, LISTING_MAX)),
    matched: matching.length,
    total: all.length,
    tags: [...new Set(all.flatMap((a) => a.body.tags))].sort((a, b) => a.localeCompare(b)),
    sites: [...new Set(all.map((a) => siteOf(a.url)).filter(Boolean))].sort(),
    entities: entityIds.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Display names of linked entities (and claims, by their statement), for lists and exports. */
export async function entityNames(
  ids: readonly string[],
  entity: (id: string) => Promise<{ name: string } | undefined>,
  claim: (id: string) => Promise<{ statement: string } | undefined>,
): Promise<Map<string, string>> {
  const found = await Promise.all(ids.map(async (id) => (await entity(id))?.name ?? (await claim(id))?.statement));
  return new Map(ids.flatMap((id, i) => (found[i] === undefined ? [] : [[id, found[i]!] as const])));
}

export async function namesForExport(db: DossierDB, annotations: readonly Annotation[]): Promise<Map<string, string>> {
  const tx = db.transaction(['entities', 'claims']);
  const ids = [...new Set(annotations.flatMap((a) => a.entities))];
  return entityNames(ids, (id) => tx.objectStore('entities').get(id), (id) => tx.objectStore('claims').get(id));
}
