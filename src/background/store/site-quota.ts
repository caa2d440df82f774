// How many new quotes one site has added to each entity's card today. A page already adds at most
// PAGE_QUOTES_MAX quotes (harvest.ts), but a page can change its address at will (pushState, a
// reload with a new query, a new subdomain), and each address was a new page: one open tab of
// evil.example could put any number of "quotes" of its own writing on top of a person's card.
// The counters live in a store of their own (schema v9), neither backed up nor synced: they bound a
// rate, they are no one's data; days before today are dropped at the next harvest.
/**
 * New quotes one site (a registrable domain, core/web/site.ts) may add under one entity (as its
 * speaker or a name it mentions) in one day. A long article holds a few dozen quotes in all and
 * rarely ten of one person; thirty lets a reader take in a site's whole day of coverage of someone,
 * while a flood gets thirty, not the whole card.
 */
export const SITE_QUOTES_PER_DAY = 30;

/** What the quota needs of the `siteQuotes` store (idb's, in a readwrite transaction). */
export interface QuotaStore {
  get(key: string): Promise<number | undefined>;
  getAllKeys(): Promise<string[]>;
  put(value: number, key: string): Promise<unknown>;
  delete(key: string | IDBKeyRange): Promise<void>;
}

/** The entity of a key "day|site|entityId": after the second bar (a day and a domain hold none; an id may). */
function entityOfKey(key: string): string {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  return first === -1 || second === -1 ? '' : key.slice(second + 1);
}

/** Drops an entity's counters (a few days' at most: save() prunes the older ones). */
export async function forgetEntityQuota(store: QuotaStore, entityId: string): Promise<void> {
  for (const key of await store.getAllKeys()) if (entityOfKey(key) === entityId) await store.delete(key);
}

export class SiteQuota {
  private readonly counts = new Map<string, number>();

  /** `day`: the reader's yyyy-mm-dd; `site`: "" when the page has none (then nothing is bounded). */
  constructor(
    private readonly store: QuotaStore,
    private readonly day: string,
    private readonly site: string,
  ) {}

  private key(entityId: string): string {
    return `${this.day}|${this.site}|${entityId}`;
  }

  private async count(entityId: string): Promise<number> {
    const key = this.key(entityId);
    let n = this.counts.get(key);
    if (n === undefined) {
      const stored = await this.store.get(key);
      n = typeof stored === 'number' && Number.isFinite(stored) ? stored : 0;
      this.counts.set(key, n);
    }
    return n;
  }

  /** Whether a new quote under every one of `entityIds` fits today's bound of each. */
  async allows(entityIds: readonly string[]): Promise<boolean> {
    if (this.site === '') return true;
    for (const id of entityIds) if ((await this.count(id)) >= SITE_QUOTES_PER_DAY) return false;
    return true;
  }

  /** Counts one new quote under each of `entityIds` (after `allows`). */
  async charge(entityIds: readonly string[]): Promise<void> {
    if (this.site === '') return;
    for (const id of entityIds) this.counts.set(this.key(id), (await this.count(id)) + 1);
  }

  /** Writes the counts and drops the days before this one (keys sort by day first). */
  async save(): Promise<void> {
    if (this.site === '') return;
    await this.store.delete(IDBKeyRange.upperBound(`${this.day}|`, true));
    for (const [key, n] of this.counts) await this.store.put(n, key);
  }
}
