// Conversions between what the list says and what the store keeps. Store-only fields never leave
// the background, so other contexts see exactly the shared types.
import type { Claim, Entity, Quote } from '../../core/types';
import type { ClaimRecord, EntityRecord, Origin, QuoteRecord } from './schema';
import { searchKeysOf } from './search-keys';

export function entityRecord(entity: Entity, origin: Origin): EntityRecord {
  return { ...entity, origin, keys: searchKeysOf(entity) };
}

export function toEntity(record: EntityRecord): Entity {
  const { id, name, kind, aliases, context, provenance } = record;
  return { id, name, kind, aliases, context, provenance };
}

export function toClaim(record: ClaimRecord): Claim {
  const { id, statement, entities, cues, provenance } = record;
  return { id, statement, entities, cues, provenance };
}

export function toQuote(record: QuoteRecord): Quote {
  const { id, text, speaker, mentions, provenance } = record;
  return { id, text, speaker, mentions, provenance };
}

/** The user's own or user-edited records belong to the user: no seed update may overwrite them. */
export function belongsToUser(record: { origin?: Origin; editedAt?: number }): boolean {
  return record.origin === 'user' || typeof record.editedAt === 'number';
}

/** Sightings and the card compare pages without their #fragment: it is the same article. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
