// An annotation as Dossier stores it: close to the W3C Web Annotation Data Model (id IRI, created,
// modified, target with text selectors), with the body flattened to what the UI edits.

import { describe } from '../anchoring/describe';
import type { TextSelector } from '../anchoring/selectors';
import { normaliseUrl } from '../web/url';

export const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Colour = (typeof COLOURS)[number];
export const DEFAULT_COLOUR: Colour = 'yellow';

export function isColour(value: unknown): value is Colour {
  return typeof value === 'string' && (COLOURS as readonly string[]).includes(value);
}

export interface AnnotationTarget {
  /** The page annotated (normalised URL for ours, as given for imported ones). */
  source: string;
  /**
   * Ours always hold [TextQuoteSelector, TextPositionSelector]. An imported annotation may hold
   * one, or none when another tool annotated the whole page.
   */
  selector: TextSelector[];
}

export interface AnnotationBody {
  /** Free text; plain text, never rendered as HTML. */
  note?: string;
  tags: string[];
  colour: Colour;
}

export interface Annotation {
  /** `urn:uuid:…` for ours; any IRI for imported ones. */
  id: string;
  /** Normalised page URL (see normaliseUrl): the key annotations of a page are looked up by. */
  url: string;
  /** The page's title when annotated, for lists and exports. */
  title: string;
  /** ISO 8601. */
  created: string;
  /** ISO 8601; the newer `modified` wins when an import meets a stored copy. */
  modified: string;
  target: AnnotationTarget;
  body: AnnotationBody;
  /** Ids of the entities and claims found inside the selection when it was made. */
  entities: string[];
}

type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => void;

/**
 * A random (version 4) UUID as a URN. `crypto.randomUUID` is missing on plain-http pages (it
 * needs a secure context) where content scripts also run; `getRandomValues` is not.
 */
export function newAnnotationId(fill: RandomFill = (bytes) => void globalThis.crypto.getRandomValues(bytes)): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface NewAnnotation {
  /** The page's address as the browser has it; normalised here. */
  pageUrl: string;
  canonicalUrl?: string;
  title: string;
  /** The page's text model and the selection's offsets in it. */
  text: string;
  start: number;
  end: number;
  note?: string;
  tags?: string[];
  colour?: Colour;
  entities?: string[];
  /** For tests and imports; defaults to the clock and a random id. */
  now?: Date;
  id?: string;
}

export function createAnnotation(input: NewAnnotation): Annotation {
  const url = normaliseUrl(input.pageUrl, input.canonicalUrl);
  const { quote, position } = describe(input.text, input.start, input.end);
  const time = (input.now ?? new Date()).toISOString();
  const body: AnnotationBody = { tags: [...(input.tags ?? [])], colour: input.colour ?? DEFAULT_COLOUR };
  if (input.note !== undefined) body.note = input.note;
  return {
    id: input.id ?? newAnnotationId(),
    url,
    title: input.title,
    created: time,
    modified: time,
    target: { source: url, selector: [quote, position] },
    body,
    entities: [...(input.entities ?? [])],
  };
}

/** The quoted text, or '' for an annotation of a whole page. */
export function quoteOf(annotation: Annotation): string {
  for (const selector of annotation.target.selector) if (selector.type === 'TextQuoteSelector') return selector.exact;
  return '';
}
