// Seed entities the user deleted. The seed ships them again on every update, so the deletion is
// remembered in settings (one key per id) and the seed sync skips those ids; the user can bring
// one back by adding or importing an entity with that id.
const PREFIX = 'entity-removed:';

export const tombstoneKey = (id: string): string => `${PREFIX}${id}`;

export function isTombstoneKey(key: string): boolean {
  return key.startsWith(PREFIX);
}

/** Any settings store of a transaction (idb's typed stores fit this). */
interface SettingsKeys {
  getAllKeys(query: IDBKeyRange): Promise<string[]>;
}

export async function removedEntityIds(settings: SettingsKeys): Promise<Set<string>> {
  const keys = await settings.getAllKeys(IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`));
  return new Set(keys.map((key) => key.slice(PREFIX.length)));
}
