// The entity list comes from another context (the background, fed by imports): it is checked
// before the matcher compiles it, so a broken list is an error message, not a crash mid-scan.
import type { EntityList } from '../core/types';
import { ENTITY_KINDS } from '../core/types';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

function badEntity(e: unknown): boolean {
  if (!isRecord(e)) return true;
  if (typeof e.id !== 'string' || typeof e.name !== 'string' || typeof e.context !== 'string') return true;
  if (!(ENTITY_KINDS as readonly unknown[]).includes(e.kind)) return true;
  return !Array.isArray(e.aliases) || e.aliases.some((a) => !isRecord(a) || typeof a.text !== 'string');
}

function badClaim(c: unknown): boolean {
  if (!isRecord(c)) return true;
  if (typeof c.id !== 'string' || typeof c.statement !== 'string' || !isStringArray(c.entities)) return true;
  return !Array.isArray(c.cues) || !c.cues.every(isStringArray);
}

/** The list if its shape is what the matcher needs; throws with a reason otherwise. */
export function toEntityList(x: unknown): EntityList {
  if (!isRecord(x) || x.version !== 1) throw new Error('The entity list has no version 1 header.');
  const { entities, claims, quotes, distinct } = x;
  if (!Array.isArray(entities) || entities.some(badEntity)) throw new Error('The entity list has a malformed entity.');
  if (!Array.isArray(claims) || claims.some(badClaim)) throw new Error('The entity list has a malformed claim.');
  if (!Array.isArray(quotes)) throw new Error('The entity list has no quotes array.');
  if (!Array.isArray(distinct) || distinct.some((d) => !isRecord(d) || typeof d.text !== 'string')) {
    throw new Error('The entity list has a malformed distinct name.');
  }
  return x as unknown as EntityList;
}
