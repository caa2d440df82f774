// Import of annotation files: ours (an AnnotationCollection from exportJsonLd) and other tools'
// that follow the W3C model (one Annotation, an array, an AnnotationPage or a collection with its
// page embedded). All or nothing: the first wrong field rejects the file with its path.

import { DEFAULT_MAX_IMPORT_BYTES, parseJsonInput } from './json-input';
import type { Annotation } from './model';
import { FieldError, hasType, isObject, join, type Json } from './read-fields';
import { readW3CAnnotation, type ReadContext } from './read-w3c';

export { mergeById, type MergePlan } from './merge';

export type ImportResult =
  | { ok: true; annotations: Annotation[]; warnings: string[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** Refused before parsing when larger (UTF-8 bytes). Default 10 MB. */
  maxBytes?: number;
  /** Stands in for a missing `created`; defaults to the clock. */
  now?: Date;
}

function readItems(items: unknown, path: string, context: ReadContext): Annotation[] {
  if (!Array.isArray(items)) throw new FieldError(path, 'expected an array of annotations');
  return items.map((item, index) => readW3CAnnotation(item, join(path, index), context));
}

function readPage(page: Json, path: string, context: ReadContext): Annotation[] {
  if (page.next !== undefined) context.warnings.push(`${join(path, 'next')}: only the embedded page was imported`);
  return readItems(page.items, join(path, 'items'), context);
}

function readDocument(value: unknown, context: ReadContext): Annotation[] {
  if (Array.isArray(value)) return readItems(value, '', context);
  if (!isObject(value)) throw new FieldError('(top level)', 'expected an annotation, an array or a collection');
  if (hasType(value, 'AnnotationCollection')) {
    if (value.first === undefined) return [];
    if (!isObject(value.first)) {
      throw new FieldError('first', 'expected an embedded AnnotationPage (linked pages cannot be fetched)');
    }
    return readPage(value.first, 'first', context);
  }
  if (hasType(value, 'AnnotationPage')) return readPage(value, '', context);
  return [readW3CAnnotation(value, '', context)];
}

/**
 * Two records with one id would leave one silently winning over the other, so the file is refused
 * whole, naming the first id that comes back and both places (1-based, in file order).
 */
function firstRepeatedId(annotations: readonly Annotation[]): string | undefined {
  const first = new Map<string, number>();
  for (let i = 0; i < annotations.length; i++) {
    const id = annotations[i]!.id;
    const earlier = first.get(id);
    if (earlier !== undefined) {
      return `The file has two annotations with the id "${id.slice(0, 200)}" (annotations ${earlier + 1} and ${i + 1}): each id must be used once.`;
    }
    first.set(id, i);
  }
  return undefined;
}

/** Never throws: any input, however malformed, gives `{ ok: false, error }`. */
export function parseAnnotationImport(text: string, options: ImportOptions = {}): ImportResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'The import is not text.' };
    const parsed = parseJsonInput(text, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES);
    if (!parsed.ok) return parsed;
    const context: ReadContext = { now: (options.now ?? new Date()).toISOString(), warnings: [] };
    const annotations = readDocument(parsed.value, context);
    const repeated = firstRepeatedId(annotations);
    if (repeated) return { ok: false, error: repeated };
    return { ok: true, annotations, warnings: context.warnings };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: error.message };
    // A file nested deeper than the engine's stack, or a bug here: still a message, not a crash.
    return { ok: false, error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
