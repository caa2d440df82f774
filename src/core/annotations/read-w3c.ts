// One W3C Web Annotation (ours or another tool's) read into our model, field by field. What the
// model allows but Dossier cannot show (image bodies, CSS or range selectors, links to external
// bodies) is skipped with a warning; what has the wrong type is an error.

import type { TextSelector } from '../anchoring/selectors';
import { normaliseUrl } from '../web/url';
import { DEFAULT_COLOUR, isColour, type Annotation, type AnnotationBody, type Colour } from './model';
import {
  asList,
  FieldError,
  hasType,
  isObject,
  join,
  readIri,
  readObject,
  readOffset,
  readOptionalString,
  readPageUrl,
  readString,
  readStringArray,
  readTime,
  type Json,
} from './read-fields';
import { DOSSIER_KEY } from './w3c';

export interface ReadContext {
  /** ISO time used when an annotation has no `created`. */
  now: string;
  warnings: string[];
}

function readSelector(value: unknown, path: string): TextSelector | undefined {
  if (typeof value === 'string') return undefined; // a selector published elsewhere, by IRI
  const selector = readObject(value, path);
  if (hasType(selector, 'TextQuoteSelector')) {
    return {
      type: 'TextQuoteSelector',
      exact: readString(selector.exact, join(path, 'exact')),
      prefix: readOptionalString(selector.prefix, join(path, 'prefix')) ?? '',
      suffix: readOptionalString(selector.suffix, join(path, 'suffix')) ?? '',
    };
  }
  if (hasType(selector, 'TextPositionSelector')) {
    const start = readOffset(selector.start, join(path, 'start'));
    const end = readOffset(selector.end, join(path, 'end'));
    if (end < start) throw new FieldError(join(path, 'end'), 'expected an offset not before start');
    return { type: 'TextPositionSelector', start, end };
  }
  // A quote refining another selector (a fragment, an XPath) is still a quote of the page; offsets
  // refining one count from the fragment, not from the page, and are no use to us.
  if (isObject(selector.refinedBy) && hasType(selector.refinedBy, 'TextQuoteSelector')) {
    return readSelector(selector.refinedBy, join(path, 'refinedBy'));
  }
  return undefined; // RangeSelector, CssSelector, XPathSelector…: not text we can anchor
}

function readTarget(value: unknown, path: string, context: ReadContext): { source: string; selector: TextSelector[] } {
  const targets = asList(value);
  if (targets.length === 0) throw new FieldError(path, 'expected a target');
  if (targets.length > 1) context.warnings.push(`${path}: only the first of ${targets.length} targets was kept`);
  const targetPath = Array.isArray(value) ? join(path, 0) : path;
  const target = targets[0];
  if (typeof target === 'string') return { source: readPageUrl(target, targetPath), selector: [] };
  const resource = readObject(target, targetPath);
  // A SpecificResource names its page in `source`; a plain resource is the page itself (`id`).
  const sourceValue = resource.source ?? resource.id;
  const sourcePath = join(targetPath, resource.source === undefined ? 'id' : 'source');
  const source = isObject(sourceValue) ? readPageUrl(sourceValue.id, join(sourcePath, 'id')) : readPageUrl(sourceValue, sourcePath);
  const selectorPath = join(targetPath, 'selector');
  const selector: TextSelector[] = [];
  asList(resource.selector).forEach((item, index) => {
    const read = readSelector(item, Array.isArray(resource.selector) ? join(selectorPath, index) : selectorPath);
    if (read) selector.push(read);
  });
  return { source, selector };
}

function isTagging(body: Json): boolean {
  return asList(body.purpose).includes('tagging');
}

function readBodies(annotation: Json, path: string, context: ReadContext): { notes: string[]; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  if (annotation.bodyValue !== undefined) notes.push(readString(annotation.bodyValue, join(path, 'bodyValue')));
  const bodyPath = join(path, 'body');
  const read = (value: unknown, itemPath: string): void => {
    if (typeof value === 'string') {
      // A string body is the IRI of a resource elsewhere; plain words are a note by a lax tool.
      if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) context.warnings.push(`${itemPath}: a linked body (${value}) was not kept`);
      else notes.push(value);
      return;
    }
    const body = readObject(value, itemPath);
    if (hasType(body, 'Choice')) {
      // The same body in several languages or formats: the first is the default.
      const first = asList(body.items)[0];
      if (first !== undefined) read(first, join(join(itemPath, 'items'), 0));
      return;
    }
    if (hasType(body, 'TextualBody') || (body.type === undefined && body.value !== undefined)) {
      const text = readString(body.value, join(itemPath, 'value'));
      if (isTagging(body)) tags.push(text);
      else notes.push(text);
      return;
    }
    context.warnings.push(`${itemPath}: a body that is not text was not kept`);
  };
  const bodies = asList(annotation.body);
  bodies.forEach((body, index) => read(body, Array.isArray(annotation.body) ? join(bodyPath, index) : bodyPath));
  return { notes, tags };
}

interface Extension {
  url?: string;
  title?: string;
  colour?: Colour;
  entities?: string[];
}

function readExtension(value: unknown, path: string): Extension {
  if (value === undefined) return {};
  const extension = readObject(value, path);
  const result: Extension = {};
  // Normalised again: the key must follow our rules even if the file was edited by hand.
  if (extension.url !== undefined) result.url = normaliseUrl(readPageUrl(extension.url, join(path, 'url')));
  const title = readOptionalString(extension.title, join(path, 'title'));
  if (title !== undefined) result.title = title;
  if (extension.colour !== undefined) {
    if (!isColour(extension.colour)) throw new FieldError(join(path, 'colour'), 'expected yellow, green, blue, pink or purple');
    result.colour = extension.colour;
  }
  if (extension.entities !== undefined) result.entities = readStringArray(extension.entities, join(path, 'entities'));
  return result;
}

export function readW3CAnnotation(value: unknown, path: string, context: ReadContext): Annotation {
  const annotation = readObject(value, path);
  if (!hasType(annotation, 'Annotation')) throw new FieldError(join(path, 'type'), 'expected "Annotation"');
  const id = readIri(annotation.id, join(path, 'id'));
  const created = annotation.created === undefined ? context.now : readTime(annotation.created, join(path, 'created'));
  const modified = annotation.modified === undefined ? created : readTime(annotation.modified, join(path, 'modified'));
  const target = readTarget(annotation.target, join(path, 'target'), context);
  const { notes, tags } = readBodies(annotation, path, context);
  const extension = readExtension(annotation[DOSSIER_KEY], join(path, DOSSIER_KEY));
  const body: AnnotationBody = { tags, colour: extension.colour ?? DEFAULT_COLOUR };
  if (notes.length > 0) body.note = notes.join('\n\n');
  return {
    id,
    url: extension.url ?? normaliseUrl(target.source),
    title: extension.title ?? '',
    created,
    modified,
    target,
    body,
    entities: extension.entities ?? [],
  };
}
