// The lean list (names, aliases, claim cues) comes from the background: it is checked before the
// matcher compiles it, so a broken list is an error message, not a crash mid-scan. The matcher and
// the quote harvest take the full EntityList shape; the fields the page never needs (contexts,
// provenance, quotes: they come with the card) are filled empty here rather than sent.
import type { EntityList, Provenance } from '../../core/types';
import { ENTITY_KINDS } from '../../core/types';
import type { MatchList, PageInit } from '../../shared/messages';

function isRecord(x: unknown): x is Record<string, unknown> {
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

/** The page/init reply, checked: the list only where the site is on. */
export function toPageInit(x: unknown): PageInit {
  if (!isRecord(x) || typeof x.disabled !== 'boolean') throw new Error('The page set-up from the background is malformed.');
  const colours = isRecord(x.colours) ? (x.colours as PageInit['colours']) : {};
  const init: PageInit = x.disabled ? { disabled: true, colours } : { disabled: false, colours, list: toMatchList(x.list) };
  if (x.diagnostics === true) init.diagnostics = true;
  return init;
}

const NO_PROVENANCE: Provenance = { outlet: '', title: '', date: '', sentence: '' };

/** The EntityList shape the matcher and the harvest read, without what they never read. */
export function asEntityList(list: MatchList): EntityList {
  return {
    version: 1,
    entities: list.entities.map((e) => ({ ...e, context: '', provenance: NO_PROVENANCE })),
    claims: list.claims.map((c) => ({ ...c, provenance: NO_PROVENANCE })),
    quotes: [],
    distinct: list.distinct.map((d) => ({ text: d.text, note: typeof d.note === 'string' ? d.note : '' })),
  };
}
