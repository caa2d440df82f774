// The annotation messages, kept apart from messages.ts so that file only has to name them (its
// maps extend these). Shapes as the background validates them in payloads-annotations.ts.
import type { AnchorMethod } from '../core/anchoring/anchor';
import type { Annotation } from '../core/annotations/model';
import type { ExportFormat } from '../core/annotations/export';

/** An annotation as the store returns it: the model plus what the last visit of its page found. */
export interface StoredAnnotation extends Annotation {
  /** True when the passage could not be found the last time the page was read. */
  orphan: boolean;
}

/** Filters of the options page's list; every field narrows, none is required. */
export interface AnnotationFilter {
  /** Words in the quote, note, title, address or tags (case- and accent-insensitive). */
  query?: string;
  tag?: string;
  /** Entity or claim id linked to the annotation. */
  entity?: string;
  /** Host name, "www." ignored. */
  site?: string;
  /** yyyy-mm-dd, inclusive, on the day the annotation was made. */
  from?: string;
  to?: string;
  /** How many of the newest matching annotations to send (LISTING_PAGE when left out). */
  limit?: number;
}

/** The options page lists this many at first, and this many more per "Show more". */
export const LISTING_PAGE = 200;
/** A listing never sends more than this: rendering them all froze the page at ~20,000. */
export const LISTING_MAX = 5000;

export interface AnnotationListing {
  /** The newest matching annotations, at most `limit` of them. */
  annotations: StoredAnnotation[];
  /** How many annotations match the filter (the list may hold fewer). */
  matched: number;
  /** How many annotations the dossier holds before filtering. */
  total: number;
  /** Facets over all annotations, for the filter menus. */
  tags: string[];
  sites: string[];
  entities: { id: string; name: string }[];
}

export interface ImportSummary {
  added: number;
  updated: number;
  identical: number;
  /** Imported copies older than the stored ones: the stored ones were kept. */
  older: number;
  warnings: string[];
}

export interface ExportFile {
  text: string;
  filename: string;
  mimeType: string;
  count: number;
}

export interface AnnotationBackgroundMessages {
  /** Create or update one annotation. A content script may only save its own page's. */
  'annotations/save': { req: { annotation: Annotation }; res: { annotation: StoredAnnotation }; senders: 'content' | 'extension-page' };
  /** The annotations of one page (URL normalised with the page's rel=canonical, if any). */
  'annotations/page': {
    req: { url: string; canonicalUrl?: string };
    res: { url: string; annotations: StoredAnnotation[] };
    senders: 'content' | 'extension-page';
  };
  /** What re-anchoring found on a visit: orphans are kept and marked, never dropped. */
  'annotations/report': { req: { url: string; orphans: string[]; anchored: string[] }; res: { updated: number }; senders: 'content' };
  'annotations/list': { req: AnnotationFilter; res: AnnotationListing; senders: 'extension-page' };
  'annotations/delete': { req: { id: string }; res: { deleted: boolean }; senders: 'extension-page' };
  /** W3C JSON-LD text; all or nothing. */
  'annotations/import': { req: { text: string }; res: ImportSummary; senders: 'extension-page' };
  /** One page (`url`) or all. */
  'annotations/export': {
    req: { format: ExportFormat; url?: string; includeEntities?: boolean };
    res: ExportFile;
    senders: 'extension-page';
  };
}

/** One annotation of the page as the content script anchored it. */
export interface PageAnnotation {
  annotation: Annotation;
  orphan: boolean;
  method?: AnchorMethod;
}

export interface AnnotationContentMessages {
  /** This page's annotations and whether each was found again (for the popup). */
  'page/annotations': { req: Record<string, never>; res: { url: string; title: string; annotations: PageAnnotation[] } };
  /** Open the annotation form for the current selection (keyboard command, context menu). */
  'page/annotate': { req: Record<string, never>; res: { opened: boolean } };
}
