// The lean list's shape (shared/messages.ts MatchList), checked wherever it arrives from another
// context or from storage: a page checks the background's reply before the matcher compiles it, and
// the background checks the copy it kept in storage.session (background/store/list-cache/session-copy.ts).
import { ENTITY_KINDS } from '../core/types';
import type { MatchList } from './messages';

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

function badEntity(e: unknown): boolean {
  if (!isRecord(e) || typeof e.id !== 'string' || typeof e.name !== 'string') return true;
  if (!(ENTITY_KINDS as readonly unknown[]).includes(e.kind)) return true;
  return !Array.isArray(e.aliases) || e.aliases.some((a) => !isRecord(a) || typeof a.text !== 'string');
}

function badClaim(c: unknown): boolean {
  if (!isRecord(c) || typeof c.id !== 'string' || typeof c.statement !== 'string' || !isStringArray(c.entities)) return true;
  return !Array.isArray(c.cues) || !c.cues.every(isStringArray);
}

/** The lean list if its shape is what the matcher needs; throws with a reason otherwise. */
export function toMatchList(x: unknown): MatchList {
  if (!isRecord(x)) throw new Error('The entity list from the background is not an object.');
  const { entities, claims, distinct } = x;
  if (!Array.isArray(entities) || entities.some(badEntity)) throw new Error('The entity list has a malformed entity.');
  if (!Array.isArray(claims) || claims.some(badClaim)) throw new Error('The entity list has a malformed claim.');
  if (!Array.isArray(distinct) || distinct.some((d) => !isRecord(d) || typeof d.text !== 'string')) {
    throw new Error('The entity list has a malformed distinct name.');
  }
  if (x.version !== undefined && typeof x.version !== 'string') throw new Error("The entity list's version is malformed.");
  return x as unknown as MatchList;
}

