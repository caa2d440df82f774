// The lean match list, kept in memory for the worker's lifetime: every page load asks for it, and
// reading ~10,000 entities from IndexedDB each time cost more than highlighting the page. The
// store facade invalidates it before and after every write that can change entities, claims or
// distinct names; a cheap count check catches writers that bypass the facade. It carries the
// anchors of the list (core/list-narrower.ts), so pages do not each compute them. A worker's first
// read takes the copy a stopped worker left in storage.session, where it is current (session-copy.ts).
import { buildAnchorFilter, type AnchorFilter } from '../../../core/matching/anchor-filter';
import { ListNarrower } from '../../../core/matching/list-narrower';
import { hashText } from '../../../core/text/text-hash';
import type { MatchList } from '../../../shared/messages';
import { listFingerprint, readMatchList } from '../match-list';
import type { DossierDB } from '../open';
import { NO_LIST_COPY, type KeptList, type ListCopy } from './session-copy';

export interface MatchListCache {
  get(db: DossierDB): Promise<MatchList>;
  /** The first stage's filter of that list (core/anchor-filter.ts), built once per version of it, with the list's version. */
  filter(db: DossierDB): Promise<{ filter: AnchorFilter; version: string }>;
  /** A write changed (or may have changed) the list. */
  invalidate(): void;
  /**
   * A write that may change the list begins: the list is invalidated now and when `done` is called,
   * and no copy is kept meanwhile (a read that raced the write may hold what it replaces).
   */
  writing(): () => void;
}

export function createMatchListCache(
  read: (db: DossierDB) => Promise<{ list: MatchList; fingerprint: string }> = readMatchList,
  fingerprintOf: (db: DossierDB) => Promise<string> = listFingerprint,
  /** A kept list found stale by its fingerprint: written behind the store's back (the first stage's record follows). */
  onStale: () => void = () => {},
  copy: ListCopy = NO_LIST_COPY,
): MatchListCache {
  let version = 0;
  /** Writes under way (writing()): no copy is kept while one runs. */
  let writes = 0;
  /** The copy is read once, by the worker's first read: after that, this memory is the newer. */
  let copyTried = copy === NO_LIST_COPY;
  let cached: { version: number; fingerprint: string; list: MatchList } | undefined;
  let filtered: { list: MatchList; filter: AnchorFilter } | undefined;
  /**
   * The read under way: a worker woken by a page with frames gets their page/filter and page/init
   * together, and each once read every record and indexed them again (issue 14).
   */
  let reading: { version: number; list: Promise<MatchList> } | undefined;
  /** The copy a stopped worker kept, where its database and counts are this one's. */
  const fromCopy = async (db: DossierDB): Promise<KeptList | undefined> => {
    const kept = await copy.read(db.name);
    if (!kept) return undefined;
    if (kept.fingerprint === (await fingerprintOf(db))) return kept;
    onStale(); // written behind the store's back since it was kept
    return undefined;
  };
  const readAndIndex = async (db: DossierDB, started: number): Promise<MatchList> => {
    if (!copyTried) {
      copyTried = true;
      const kept = await fromCopy(db);
      if (kept && version === started) {
        cached = { version, ...kept };
        return kept.list;
      }
    }
    const { list, fingerprint } = await read(db);
    // What open pages compare when told the dossier changed: the list's content, not its counts.
    list.version = listVersion(list);
    // Once per version of the list here, instead of in every page (~10-40 ms there).
    list.index = ListNarrower.create(list).exportIndex();
    // A write that finished while we read may not be in `list`: serve it once, never keep it.
    if (version === started) {
      cached = { version, fingerprint, list };
      if (writes === 0) copy.write(db.name, { fingerprint, list });
    }
    return list;
  };
  const cache: MatchListCache = {
    async get(db) {
      const started = version;
      const kept = cached;
      if (kept && kept.version === started) {
        if (kept.fingerprint === (await fingerprintOf(db))) {
          if (version === started) return kept.list;
        } else onStale();
      }
      if (reading?.version === started && version === started) return reading.list;
      const list = readAndIndex(db, started);
      const entry = { version: started, list };
      reading = entry;
      const done = (): void => {
        if (reading === entry) reading = undefined;
      };
      list.then(done, done);
      return list;
    },
    async filter(db) {
      const list = await cache.get(db);
      if (filtered?.list !== list) filtered = { list, filter: buildAnchorFilter(list.index ?? ListNarrower.create(list).exportIndex(), { entities: list.entities.length, distinct: list.distinct.length }) };
      return { filter: filtered.filter, version: list.version ?? listVersion(list) };
    },
    invalidate() {
      version++;
      cached = undefined;
      reading = undefined;
      filtered = undefined;
      copy.drop();
    },
    writing() {
      writes++;
      cache.invalidate();
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        writes--;
        cache.invalidate();
      };
    },
  };
  return cache;
}

/** A fingerprint of everything a page's matcher reads from the list (not its anchors, derived from it). */
export function listVersion(list: Pick<MatchList, 'entities' | 'claims' | 'distinct'>): string {
  return hashText(JSON.stringify([list.entities, list.claims, list.distinct]));
}
