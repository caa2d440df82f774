// An entity an article names, as the extractors (the rules in entities.ts, the recogniser in
// recognised.ts) report it.
import type { EntityKind } from '../types';

export interface FoundEntity {
  name: string;
  kind: EntityKind;
  /** Other forms the article used: surname, acronym. */
  aliases: string[];
  /** Roles the article gives ("Russia’s Foreign Minister", "71-year-old", "an associate fellow at …"). */
  contexts: string[];
  /** Offset of the first mention. */
  firstOffset: number;
  mentions: number;
}
