// Routes of the annotation messages. Senders: a content script may save, list and report only
// its own page's annotations; deleting, importing and exporting are for extension pages only.
import { parseAnnotationImport } from '../../core/annotations/import';
import { normaliseUrl } from '../../core/web/url';
import type { AnnotationBackgroundMessages } from '../../shared/annotation-messages';
import type { Route, RouteContext } from './route';
import { StoreError } from '../store';

type AnnotationRoutes = { [K in keyof AnnotationBackgroundMessages]: Route<K> };

/**
 * Whether `url` (a normalised annotation key) names the sender's own page: either its address
 * normalised, or a canonical of it on the same origin (normaliseUrl follows no other). The address
 * is the one the browser gives for the sender's frame, never one the message claims.
 */
export function isOwnPage(context: RouteContext, url: string): boolean {
  if (context.kind === 'extension-page') return true;
  if (!context.senderUrl) return false;
  return normaliseUrl(context.senderUrl) === url || normaliseUrl(context.senderUrl, url) === url;
}

function refuseForeignPage(what: string): never {
  throw new StoreError('invalid', `A page may only ${what} its own annotations.`);
}

export const ANNOTATION_ROUTES: AnnotationRoutes = {
  'annotations/save': {
    senders: ['content', 'extension-page'],
    run: async (store, { annotation }, context) => {
      if (context.kind === 'content') {
        if (!isOwnPage(context, annotation.url) || annotation.target.source !== annotation.url) refuseForeignPage('save');
        const existing = await store.annotations.get(annotation.id);
        if (existing && existing.url !== annotation.url) refuseForeignPage('change');
      }
      return { annotation: await store.annotations.save(annotation, context.now) };
    },
  },
  'annotations/page': {
    senders: ['content', 'extension-page'],
    run: async (store, r, context) => {
      if (context.kind === 'content' && normaliseUrl(context.senderUrl) !== normaliseUrl(r.url)) refuseForeignPage('read');
      // A page's key is built on the address the browser reports for the sending frame; the page's
      // canonical may only move it within that origin.
      const url = normaliseUrl(context.kind === 'content' ? context.senderUrl : r.url, r.canonicalUrl);
      return { url, annotations: await store.annotations.ofPage(url) };
    },
  },
  'annotations/report': {
    senders: ['content'],
    run: async (store, r, context) => {
      if (!isOwnPage(context, r.url)) refuseForeignPage('report on');
      return { updated: await store.annotations.report(r.url, r.orphans, r.anchored) };
    },
  },
  'annotations/list': { senders: ['extension-page'], run: (store, filter) => store.annotations.list(filter) },
  'annotations/delete': {
    senders: ['extension-page'],
    run: async (store, r) => ({ deleted: await store.annotations.delete(r.id) }),
  },
  'annotations/import': {
    senders: ['extension-page'],
    run: async (store, r, { now }) => {
      // Every record is read and checked before the store is touched: a bad file changes nothing.
      const parsed = parseAnnotationImport(r.text, { now: new Date(now) });
      if (!parsed.ok) throw new StoreError('invalid', `Nothing was imported. ${parsed.error}`);
      const counts = await store.annotations.import(parsed.annotations);
      return { ...counts, warnings: parsed.warnings };
    },
  },
  'annotations/export': {
    senders: ['extension-page'],
    run: (store, r, { now }) =>
      store.annotations.export(r.format, {
        ...(r.url !== undefined ? { url: normaliseUrl(r.url) } : {}),
        ...(r.includeEntities !== undefined ? { includeEntities: r.includeEntities } : {}),
        now,
      }),
  },
};
