// Export of annotations: W3C JSON-LD (for other annotation tools and for our own import), CSV (for
// spreadsheets) and Markdown (for notes). One page or all; entity ids only when asked for.

import { normaliseUrl } from '../web/url';
import { csvTable } from './csv';
import { escapeBlock, escapeInline, linkTarget } from './markdown';
import { quoteOf, type Annotation } from './model';
import { toW3CCollection } from './w3c';

export type ExportFormat = 'jsonld' | 'csv' | 'markdown';

export interface ExportOptions {
  /** Only the annotations of this page (any form of its URL; it is normalised). */
  url?: string;
  /** Add the ids (or names, when `entityNames` has them) of entities inside each selection. */
  includeEntities?: boolean;
  /** Entity and claim id → display name, for CSV and Markdown. */
  entityNames?: ReadonlyMap<string, string>;
  /** JSON-LD: the collection's IRI; defaults to one derived from `generated`. */
  collectionId?: string;
  /** ISO time of the export, for the collection's id and the Markdown heading. */
  generated?: string;
}

function selected(annotations: readonly Annotation[], options: ExportOptions): Annotation[] {
  if (options.url === undefined) return [...annotations];
  const url = normaliseUrl(options.url);
  return annotations.filter((annotation) => annotation.url === url);
}

function entityLabels(annotation: Annotation, options: ExportOptions): string[] {
  return annotation.entities.map((id) => options.entityNames?.get(id) ?? id);
}

export function exportJsonLd(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const generated = options.generated ?? new Date().toISOString();
  const collection = toW3CCollection(selected(annotations, options), {
    id: options.collectionId ?? `urn:dossier:export:${generated}`,
    label: options.url === undefined ? 'Dossier annotations' : `Dossier annotations of ${normaliseUrl(options.url)}`,
    includeEntities: options.includeEntities ?? false,
  });
  return `${JSON.stringify(collection, null, 2)}\n`;
}

const CSV_COLUMNS = ['url', 'title', 'quote', 'note', 'tags', 'colour', 'created', 'modified', 'id'];

export function exportCsv(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const header = options.includeEntities ? [...CSV_COLUMNS, 'entities'] : CSV_COLUMNS;
  const rows = selected(annotations, options).map((annotation) => {
    const row = [
      annotation.url,
      annotation.title,
      quoteOf(annotation),
      annotation.body.note ?? '',
      annotation.body.tags.join('; '),
      annotation.body.colour,
      annotation.created,
      annotation.modified,
      annotation.id,
    ];
    if (options.includeEntities) row.push(entityLabels(annotation, options).join('; '));
    return row;
  });
  return csvTable([header, ...rows]);
}

function positionOf(annotation: Annotation): number {
  for (const selector of annotation.target.selector) if (selector.type === 'TextPositionSelector') return selector.start;
  return 0;
}

function groupByPage(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const pages = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const page = pages.get(annotation.url);
    if (page) page.push(annotation);
    else pages.set(annotation.url, [annotation]);
  }
  // In reading order within a page, as the reader met the passages.
  for (const page of pages.values()) page.sort((a, b) => positionOf(a) - positionOf(b));
  return pages;
}

function markdownOf(annotation: Annotation, options: ExportOptions): string[] {
  const lines: string[] = [];
  const quote = quoteOf(annotation);
  if (quote) lines.push(...escapeBlock(quote).map((line) => `> ${line}`), '');
  if (annotation.body.note) lines.push(...escapeBlock(annotation.body.note), '');
  const details: string[] = [];
  if (annotation.body.tags.length > 0) details.push(`Tags: ${annotation.body.tags.map(escapeInline).join(', ')}`);
  if (options.includeEntities && annotation.entities.length > 0) {
    details.push(`Mentions: ${entityLabels(annotation, options).map(escapeInline).join(', ')}`);
  }
  details.push(`Colour: ${annotation.body.colour} · ${annotation.modified}`);
  lines.push(...details.map((detail) => `*${detail}*`), '');
  return lines;
}

export function exportMarkdown(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const lines = ['# Annotations', ''];
  if (options.generated) lines.push(`*Exported ${options.generated}*`, '');
  for (const [url, page] of groupByPage(selected(annotations, options))) {
    const title = page.find((annotation) => annotation.title.trim())?.title ?? url;
    // Only web and file pages become links; anything else could run script when clicked.
    const heading = /^(https?|file):/i.test(url) ? `[${escapeInline(title)}](${linkTarget(url)})` : escapeInline(title);
    lines.push(`## ${heading}`, '');
    for (const annotation of page) lines.push(...markdownOf(annotation, options), '---', '');
  }
  return lines.join('\n');
}

export function exportAnnotations(format: ExportFormat, annotations: readonly Annotation[], options: ExportOptions = {}): string {
  if (format === 'csv') return exportCsv(annotations, options);
  if (format === 'markdown') return exportMarkdown(annotations, options);
  return exportJsonLd(annotations, options);
}
