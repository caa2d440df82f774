// The annotation half of the Store facade: each call opens the database lazily and fails with a
// StoreError (quota, private mode…) rather than a raw DOMException.
import { exportAnnotations, type ExportFormat } from '../../core/annotations/export';
import type { Annotation } from '../../core/annotations/model';
import type { AnnotationFilter, AnnotationListing, ExportFile, StoredAnnotation } from '../../shared/annotation-messages';
import * as annotations from './annotations';
import type { DossierDB } from './open';

export interface AnnotationStore {
  get(id: string): Promise<StoredAnnotation | undefined>;
  save(annotation: Annotation, now: number): Promise<StoredAnnotation>;
  ofPage(url: string): Promise<StoredAnnotation[]>;
  report(url: string, orphans: readonly string[], anchored: readonly string[]): Promise<number>;
  list(filter: AnnotationFilter): Promise<AnnotationListing>;
  delete(id: string): Promise<boolean>;
  import(incoming: readonly Annotation[]): Promise<annotations.ImportCounts>;
  export(format: ExportFormat, options: { url?: string; includeEntities?: boolean; now: number }): Promise<ExportFile>;
}

const MIME: Record<ExportFormat, string> = {
  jsonld: 'application/ld+json',
  csv: 'text/csv',
  markdown: 'text/markdown',
};
const EXTENSION: Record<ExportFormat, string> = { jsonld: 'jsonld', csv: 'csv', markdown: 'md' };

export function createAnnotationStore(run: <T>(operation: (db: DossierDB) => Promise<T>) => Promise<T>): AnnotationStore {
  return {
    get: (id) => run((db) => annotations.getAnnotation(db, id)),
    save: (annotation, now) => run((db) => annotations.saveAnnotation(db, annotation, now)),
    ofPage: (url) => run((db) => annotations.annotationsOfPage(db, url)),
    report: (url, orphans, anchored) => run((db) => annotations.reportAnchoring(db, url, orphans, anchored)),
    list: (filter) => run((db) => annotations.listAnnotations(db, filter)),
    delete: (id) => run((db) => annotations.deleteAnnotation(db, id)),
    import: (incoming) => run((db) => annotations.importAnnotations(db, incoming)),
    export: (format, { url, includeEntities, now }) =>
      run(async (db) => {
        const all = url === undefined ? await annotations.allAnnotations(db) : await annotations.annotationsOfPage(db, url);
        const entityNames = includeEntities ? await annotations.namesForExport(db, all) : undefined;
        const generated = new Date(now).toISOString();
        const text = exportAnnotations(format, all, {
          ...(url !== undefined ? { url } : {}),
          includeEntities: includeEntities ?? false,
          ...(entityNames ? { entityNames } : {}),
          generated,
        });
        const scope = url === undefined ? 'all' : 'page';
        return {
          text,
          filename: `dossier-annotations-${scope}-${generated.slice(0, 10)}.${EXTENSION[format]}`,
          mimeType: MIME[format],
          count: all.length,
        };
      }),
  };
}
