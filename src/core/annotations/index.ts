// Annotations: the model, W3C JSON-LD / CSV / Markdown export, import and merge planning.
export {
  COLOURS,
  createAnnotation,
  DEFAULT_COLOUR,
  isColour,
  newAnnotationId,
  quoteOf,
  type Annotation,
  type AnnotationBody,
  type AnnotationTarget,
  type Colour,
  type NewAnnotation,
} from './model';
export { exportAnnotations, exportCsv, exportJsonLd, exportMarkdown, type ExportFormat, type ExportOptions } from './export';
export { parseAnnotationImport, type ImportOptions, type ImportResult } from './import';
export { mergeById, type MergePlan } from './merge';
export { ANNOTATION_CONTEXT, DOSSIER_KEY, toW3CAnnotation, toW3CCollection, type W3CAnnotation } from './w3c';
export { DEFAULT_MAX_IMPORT_BYTES } from './json-input';
