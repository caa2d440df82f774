// Our annotation as a W3C Web Annotation (JSON-LD). Colour, entities, the normalised URL and the
// title have no place in the model, so they travel under one key that is an absolute IRI: JSON-LD
// processors keep it as is and other tools ignore it.

import type { TextSelector } from '../anchoring/selectors';
import type { Annotation, Colour } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOSSIER_KEY = 'urn:dossier:annotation';

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface DossierExtension {
  url: string;
  title: string;
  colour: Colour;
  entities?: string[];
}

export interface W3CAnnotation {
  '@context'?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: W3CTextualBody[];
  target: { source: string; selector: TextSelector[] };
  [DOSSIER_KEY]: DossierExtension;
}

export interface W3CAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3CAnnotation[] };
}

export interface ToW3COptions {
  /** Entity and claim ids inside each selection; left out unless asked for. */
  includeEntities?: boolean;
  /** Items of a collection share the collection's @context. */
  withContext?: boolean;
}

export function toW3CAnnotation(annotation: Annotation, options: ToW3COptions = {}): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  const { note, tags, colour } = annotation.body;
  if (note !== undefined) body.push({ type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const extension: DossierExtension = { url: annotation.url, title: annotation.title, colour };
  if (options.includeEntities) extension.entities = [...annotation.entities];
  const result: W3CAnnotation = {
    ...(options.withContext === false ? {} : { '@context': ANNOTATION_CONTEXT }),
    id: annotation.id,
    type: 'Annotation',
    motivation: note !== undefined ? 'commenting' : 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    target: { source: annotation.target.source, selector: annotation.target.selector.map((selector) => ({ ...selector })) },
    [DOSSIER_KEY]: extension,
  };
  if (body.length > 0) result.body = body;
  return result;
}

export function toW3CCollection(
  annotations: readonly Annotation[],
  options: { id: string; label: string; includeEntities?: boolean },
): W3CAnnotationCollection {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    total: annotations.length,
    first: {
      id: `${options.id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) =>
        toW3CAnnotation(annotation, { includeEntities: options.includeEntities ?? false, withContext: false }),
      ),
    },
  };
}
