// A copy of the indexed lean list in storage.session, so a worker the browser stopped (MV3 stops it
// after 30 s idle: a reader's next page often meets a stopped worker) answers page/init without
// reading every entity from IndexedDB and indexing them again (15 ms for the seed list, most of
// its cold page/init; ~110 ms at 10,000 entities). storage.session is kept in memory until the
// browser quits, is emptied when Dossier is updated or reloaded, and only extension contexts can
// read it (never a content script, so no page process).
//
// Kept as one JSON string: storage hands a nested value over object by object (10,000 entities and
// their anchors: ~100 ms to read back), a string at once, and JSON.parse here is native.
//
// Trusted only while it is certainly current: it names the database it was read from (a restore
// switches to a new one) and the list's counts (listFingerprint), and every write that can change
// the list drops it before it writes and again after (memory.ts, the store's `writing`, sync's
// pulls): a worker stopped between a write and its drop leaves no copy behind.
import type { MatchList } from '../../../shared/messages';
import { isRecord, toMatchList } from '../../../shared/match-list-shape';

export const LIST_COPY_KEY = 'matchListCopy';
const FORMAT = 1;
/**
 * A bigger copy is not kept: storage.session holds 10 MB in all, and a private window's note drafts
 * go there too (drafts/), which a huge dossier's copy must not crowd out. 10,000 entities are ~1 MB.
 */
export const COPY_MAX_CHARS = 4_000_000;

export interface KeptList {
  fingerprint: string;
  list: MatchList;
}

export interface ListCopy {
  /** The copy of `database`'s list, if one is kept and readable. */
  read(database: string): Promise<KeptList | undefined>;
  /** Keeps `kept` as `database`'s list, a moment later (after the reply that read it has gone). */
  write(database: string, kept: KeptList): void;
  /** The list may change: the copy goes, and a write not yet made is not made. */
  drop(): void;
}

/** The part of `storage.session` used here. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** No copy (tests, or a browser without storage.session): every stopped worker reads the list again. */
export const NO_LIST_COPY: ListCopy = { read: async () => undefined, write: () => {}, drop: () => {} };

export function sessionListCopy(area: SessionArea | undefined, key = LIST_COPY_KEY, maxChars = COPY_MAX_CHARS): ListCopy {
  if (!area) return NO_LIST_COPY;
  /** Bumped by every drop: a write scheduled before it is not made. */
  let generation = 0;
  /** Whether a copy may be kept: unknown at a worker's start, so the first drop always removes. */
  let mayBeKept = true;
  return {
    async read(database) {
      try {
        const stored = (await area.get(key))[key];
        return typeof stored === 'string' ? readKept(JSON.parse(stored), database) : undefined;
      } catch {
        return undefined; // unreadable: the list is read from the database
      }
    },
    write(database, kept) {
      const mine = generation;
      // The reply to the page goes first: storage serializes the list at once, in this thread.
      setTimeout(() => {
        if (mine !== generation) return;
        const copy = JSON.stringify({ format: FORMAT, database, fingerprint: kept.fingerprint, list: kept.list });
        if (copy.length > maxChars) return;
        mayBeKept = true;
        // Storage full or failing (even at once, in the call): no copy, the next worker reads the database.
        Promise.resolve()
          .then(() => area.set({ [key]: copy }))
          .catch(() => {});
      }, 0);
    },
    drop() {
      generation++;
      if (!mayBeKept) return;
      mayBeKept = false;
      // Calls to one storage area run in the order made: a later write is not undone by this. A
      // remove that throws in the call must not break the write that dropped the copy.
      let removal: Promise<void>;
      try {
        removal = area.remove(key);
      } catch (error) {
        removal = Promise.reject(error);
      }
      removal.catch(() => {
        mayBeKept = true; // try again at the next drop
      });
    },
  };
}

function readKept(stored: unknown, database: string): KeptList | undefined {
  if (!isRecord(stored) || stored.format !== FORMAT || stored.database !== database || typeof stored.fingerprint !== 'string') return undefined;
  try {
    const list = toMatchList(stored.list);
    // The anchors (checked by every page that reads them) and the version are what the copy saves.
    if (!isRecord(list.index) || typeof list.version !== 'string') return undefined;
    return { fingerprint: stored.fingerprint, list };
  } catch {
    return undefined;
  }
}
