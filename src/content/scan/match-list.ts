// The lean list (names, aliases, claim cues) comes from the background: it is checked before the
// matcher compiles it, so a broken list is an error message, not a crash mid-scan. The matcher and
// the quote harvest take the full EntityList shape; the fields the page never needs (contexts,
// provenance, quotes: they come with the card) are filled empty here rather than sent.
import type { EntityList, Provenance } from '../../core/types';
import type { MatchList, PageInit } from '../../shared/messages';
import { isRecord, toMatchList } from '../../shared/match-list-shape';

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
