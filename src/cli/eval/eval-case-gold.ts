// The gold of the case part of the eval, eval-case.ts: CoNLL documents as text with their names' spans,
// shared with the error breakdown (eval-case-errors.ts).
import type { EntityKind } from '../../core/types';

export interface GoldMention { start: number; end: number; kind: EntityKind; text: string }
export interface CoNLLDocument {
  text: string;
  mentions: GoldMention[];
  /** MISC spans ("U.S. Open", "West Indian"): not scored, but they name where a false mention stood. */
  misc: { start: number; end: number }[];
}
