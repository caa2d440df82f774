// "Add this article to my dossier": the entries the user reviewed and kept become their own list
// items (origin "user", which no seed update overwrites). A person the dossier already knows by
// that name is not added twice: the new names become aliases of the known entity. One
// transaction: the whole article goes in, or nothing does.
import type { Entity, EntityList } from '../../core/types';
import { freeQuoteId } from './harvest';
import { sameQuotes } from './same-quotes';
import type { DossierDB } from './open';
import { quoteTextKey, sourceFromProvenance, withSource } from './quote-sources';
import { entityRecord } from './records';
import type { EntityRecord, QuoteRecord } from './schema';
import { foldForSearch, searchKeysOf } from './search-keys';
import { allOrNothing } from './all-or-nothing';
import { withQuoteWriter } from './quote-writer';

export interface AddListResult {
  /** New entities. */
  added: number;
  /** Entities merged into one the dossier already had. */
  merged: number;
  claims: number;
  quotes: number;
}

type AddTx = ReturnType<typeof addTransaction>;

function addTransaction(db: DossierDB) {
  return db.transaction(['entities', 'claims', 'quotes', 'quoteCounts', 'sources'], 'readwrite');
}

function namesOf(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  return [entity.name, ...entity.aliases.map((a) => a.text)];
}

/** A stored entity of the same kind that has one of the entity's names as its name or alias. */
async function findSameEntity(tx: AddTx, entity: Entity): Promise<EntityRecord | undefined> {
  const index = tx.objectStore('entities').index('byKey');
  const wanted = new Set(namesOf(entity).map(foldForSearch));
  for (const key of wanted) {
    for (const record of await index.getAll(key)) {
      if (record.kind === entity.kind && namesOf(record).some((n) => wanted.has(foldForSearch(n)))) return record;
    }
  }
  return undefined;
}

/** The known entity with the new names added as aliases; editedAt marks it as the user's now. */
function mergeNames(record: EntityRecord, entity: Entity, now: number): EntityRecord {
  const known = new Set(namesOf(record).map(foldForSearch));
  const aliases = [...record.aliases];
  for (const name of namesOf(entity)) {
    if (known.has(foldForSearch(name))) continue;
    known.add(foldForSearch(name));
    aliases.push({ text: name });
  }
  const merged = { ...record, aliases, context: record.context !== '' ? record.context : entity.context, editedAt: now };
  return { ...merged, keys: searchKeysOf(merged) };
}

async function freeKey(store: { getKey(id: string): Promise<unknown> }, base: string): Promise<string> {
  let id = base;
  for (let n = 2; (await store.getKey(id)) !== undefined; n++) id = `${base}-${n}`;
  return id;
}

export async function addList(db: DossierDB, list: EntityList, now: number): Promise<AddListResult> {
  const result: AddListResult = { added: 0, merged: 0, claims: 0, quotes: 0 };
  const tx = addTransaction(db);
  return allOrNothing(tx, async () => {
    const entities = tx.objectStore('entities');
    /** The review's ids -> the ids they are stored under. */
    const stored = new Map<string, string>();

    for (const entity of list.entities) {
      const same = await findSameEntity(tx, entity);
      if (same) {
        await entities.put(mergeNames(same, entity, now));
        stored.set(entity.id, same.id);
        result.merged++;
      } else {
        const id = await freeKey(entities, entity.id);
        await entities.put(entityRecord({ ...entity, id }, 'user'));
        stored.set(entity.id, id);
        result.added++;
      }
    }
    const remap = (ids: readonly string[]): string[] => [...new Set(ids.map((id) => stored.get(id) ?? id))];

    const claims = tx.objectStore('claims');
    for (const claim of list.claims) {
      const id = await freeKey(claims, claim.id);
      await claims.put({ ...claim, id, entities: remap(claim.entities), origin: 'user' });
      result.claims++;
    }

    const quotes = tx.objectStore('quotes');
    const repeats = sameQuotes(quotes);
    await withQuoteWriter(tx, async (writer) => {
      for (const quote of list.quotes) {
        const speaker = stored.get(quote.speaker) ?? quote.speaker;
        const source = sourceFromProvenance(quote.provenance);
        const same = await repeats.find(speaker, '', quoteTextKey(quote.text));
        if (same) {
          const updated = withSource(same, source);
          if (updated) {
            await writer.put(updated, { previous: same });
            repeats.wrote(updated);
          }
        } else {
          const id = await freeQuoteId(quotes, quote.id);
          const record: QuoteRecord = { ...quote, id, speaker, mentions: remap(quote.mentions), origin: 'user', sources: [source] };
          // freeQuoteId found no record under this id.
          await writer.put(record, { previous: undefined });
          repeats.wrote(record);
        }
        result.quotes++;
      }
    });

    const sources = tx.objectStore('sources');
    for (const p of new Set([...list.entities, ...list.claims, ...list.quotes].map((item) => item.provenance))) {
      const key = p.url ? p.url : `${p.outlet}|${p.title}|${p.date}`;
      await sources.put({ key, ...sourceFromProvenance(p) });
    }
    return result;
  });
}
