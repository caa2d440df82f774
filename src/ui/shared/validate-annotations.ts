// Shape checks for annotations that reach the popup and the options page from other contexts.
// An item of the wrong shape is dropped (and counted), never rendered on trust.
import { isColour, type Annotation } from '../../core/annotations/model';
import type { AnnotationListing, PageAnnotation, StoredAnnotation } from '../../shared/annotation-messages';

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter(isStr) : []);

export function toAnnotation(x: unknown): Annotation | undefined {
  if (!isRec(x) || !isStr(x.id) || !isStr(x.url) || !isRec(x.target) || !isRec(x.body)) return undefined;
  const selectors = Array.isArray(x.target.selector) ? x.target.selector : [];
  const selector = selectors.flatMap((s): Annotation['target']['selector'] => {
    if (!isRec(s)) return [];
    if (s.type === 'TextQuoteSelector' && isStr(s.exact)) {
      return [{ type: 'TextQuoteSelector', exact: s.exact, prefix: isStr(s.prefix) ? s.prefix : '', suffix: isStr(s.suffix) ? s.suffix : '' }];
    }
    if (s.type === 'TextPositionSelector' && typeof s.start === 'number' && typeof s.end === 'number') {
      return [{ type: 'TextPositionSelector', start: s.start, end: s.end }];
    }
    return [];
  });
  const body: Annotation['body'] = { tags: strings(x.body.tags), colour: isColour(x.body.colour) ? x.body.colour : 'yellow' };
  if (isStr(x.body.note)) body.note = x.body.note;
  return {
    id: x.id,
    url: x.url,
    title: isStr(x.title) ? x.title : '',
    created: isStr(x.created) ? x.created : '',
    modified: isStr(x.modified) ? x.modified : '',
    target: { source: isStr(x.target.source) ? x.target.source : x.url, selector },
    body,
    entities: strings(x.entities),
  };
}

export function toStoredAnnotation(x: unknown): StoredAnnotation | undefined {
  const annotation = toAnnotation(x);
  return annotation ? { ...annotation, orphan: isRec(x) && x.orphan === true } : undefined;
}

export function toPageAnnotations(x: unknown): { url: string; annotations: PageAnnotation[] } {
  if (!isRec(x) || !isStr(x.url) || !Array.isArray(x.annotations)) throw new Error('The page answered with something Dossier does not understand.');
  const annotations = x.annotations.flatMap((item): PageAnnotation[] => {
    if (!isRec(item)) return [];
    const annotation = toAnnotation(item.annotation);
    return annotation ? [{ annotation, orphan: item.orphan === true }] : [];
  });
  return { url: x.url, annotations };
}

export function toListing(x: unknown): AnnotationListing {
  if (!isRec(x) || !Array.isArray(x.annotations)) throw new Error('The background answered with something Dossier does not understand.');
  return {
    annotations: x.annotations.map(toStoredAnnotation).filter((a): a is StoredAnnotation => a !== undefined),
    matched: typeof x.matched === 'number' ? x.matched : x.annotations.length,
    total: typeof x.total === 'number' ? x.total : 0,
    tags: strings(x.tags),
    sites: strings(x.sites),
    entities: Array.isArray(x.entities)
      ? x.entities.flatMap((e) => (isRec(e) && isStr(e.id) && isStr(e.name) ? [{ id: e.id, name: e.name }] : []))
      : [],
  };
}
