// Code the content script needs only sometimes lives in chunks (ES modules in dist/<browser>/chunks,
// built from src/content/lazy/) that are imported when first needed. Every page evaluates only
// the highlighting path; the annotator and the quote harvest cost nothing on pages
// that never use them.
// The chunks are web-accessible (a dynamic import from a content script needs it); Chrome serves
// them under a per-session id (use_dynamic_url), so a page cannot probe for Dossier by URL.
import { runtimeApi } from '../first-stage/runtime';
import type * as AnnotateChunk from '../lazy/annotate';
import type * as CardChunk from '../lazy/card';
import type * as HarvestChunk from '../lazy/harvest';

export interface Chunks {
  annotate: typeof AnnotateChunk;
  harvest: typeof HarvestChunk;
  card: typeof CardChunk;
}
export type ChunkName = keyof Chunks;

/** The export each chunk must have: a chunk from another build or a broken file fails here, clearly. */
const REQUIRED_EXPORT: Record<ChunkName, string> = { annotate: 'Annotator', harvest: 'harvestPage', card: 'CardHost' };

/** Files in the extension package: the only URLs this module ever imports. */
const CHUNK_FILES: Record<ChunkName, string> = { annotate: 'chunks/annotate.js', harvest: 'chunks/harvest.js', card: 'chunks/card.js' };

const loading = new Map<ChunkName, Promise<unknown>>();

export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

async function importChunk(name: ChunkName): Promise<unknown> {
  let module: unknown;
  try {
    const runtime = runtimeApi();
    if (!runtime) throw new Error('Extension context invalidated.');
    module = await import(runtime.getURL(CHUNK_FILES[name]));
  } catch (error) {
    throw new ChunkLoadError(`Dossier could not load its ${name} code (${error instanceof Error ? error.message : String(error)}). Reload the page.`);
  }
  const exported = (module as Record<string, unknown>)[REQUIRED_EXPORT[name]];
  if (typeof exported !== 'function') throw new ChunkLoadError(`Dossier's ${name} code is incomplete (no ${REQUIRED_EXPORT[name]}). Reload the page.`);
  return module;
}

/** The chunk's exports; one import per page however often it is asked for (a failure may be retried). */
export function loadChunk<K extends ChunkName>(name: K): Promise<Chunks[K]> {
  let pending = loading.get(name);
  if (!pending) {
    pending = importChunk(name);
    loading.set(name, pending);
    pending.catch(() => loading.delete(name));
  }
  return pending as Promise<Chunks[K]>;
}
