// The background's keeper of note drafts (src/core/drafts/drafts.ts): the latest of each in
// memory as it arrives, written to extension storage (storage.session: index.ts) a moment later (one write for a burst of typing)
// and at once when asked (the frame went, the note was saved or cancelled). Every read-modify-write
// of the stored book runs one after another, so two tabs typing at once never drop each other's.
import { findDraft, putDraft, readDraftBook, removeDraft, storedDraftBook, type Draft, type DraftBook } from '../../core/drafts/drafts';

export const DRAFTS_STORAGE_KEY = 'noteDrafts';
/** A burst of typing is written once, this long after its last key. */
export const DRAFT_WRITE_DELAY_MS = 400;

/** The part of a storage area (storage.session) used here. */
export interface DraftStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface DraftKeeper {
  find(key: string): Promise<Draft | null>;
  /** Keeps the draft (in memory now, in storage soon). */
  edit(key: string, draft: Draft): void;
  /** Writes what is waiting now. */
  flush(): Promise<void>;
  clear(key: string): Promise<void>;
  /**
   * Drops what the stored book keeps past its bounds (a draft older than 14 days, one too many):
   * the bounds hold on disk too, not only when the next draft is written.
   */
  prune(): Promise<void>;
}

export function createDraftKeeper(storage: DraftStorage, clock: () => number = Date.now): DraftKeeper {
  const waiting = new Map<string, { draft: Draft; at: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const change = (edit: (book: DraftBook, now: number) => DraftBook): Promise<void> => {
    const run = queue.then(async () => {
      const now = clock();
      const book = readDraftBook((await storage.get(DRAFTS_STORAGE_KEY))[DRAFTS_STORAGE_KEY], now);
      const next = edit(book, now);
      if (next !== book) await storage.set({ [DRAFTS_STORAGE_KEY]: storedDraftBook(next) });
    });
    queue = run.catch((error: unknown) => console.error('Dossier: could not keep a note draft', error));
    return run;
  };

  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (waiting.size === 0) return queue.then(() => undefined);
    const batch = [...waiting];
    waiting.clear();
    return change((book) => batch.reduce((b, [key, { draft, at }]) => putDraft(b, key, draft, at), book));
  };

  return {
    async find(key) {
      const pending = waiting.get(key);
      if (pending) return pending.draft;
      await queue;
      const now = clock();
      const found = findDraft(readDraftBook((await storage.get(DRAFTS_STORAGE_KEY))[DRAFTS_STORAGE_KEY], now), key, now);
      return found ? { note: found.note, tags: found.tags, colour: found.colour } : null;
    },
    edit(key, draft) {
      waiting.set(key, { draft, at: clock() });
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void flush().catch(() => undefined), DRAFT_WRITE_DELAY_MS);
    },
    flush,
    clear(key) {
      waiting.delete(key);
      return change((book) => removeDraft(book, key));
    },
    prune() {
      const run = queue.then(async () => {
        const raw = (await storage.get(DRAFTS_STORAGE_KEY))[DRAFTS_STORAGE_KEY];
        if (raw === undefined) return;
        const kept = storedDraftBook(readDraftBook(raw, clock()));
        if (JSON.stringify(kept) !== JSON.stringify(raw)) await storage.set({ [DRAFTS_STORAGE_KEY]: kept });
      });
      queue = run.catch((error: unknown) => console.error('Dossier: could not prune note drafts', error));
      return run;
    },
  };
}
