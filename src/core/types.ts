// The shapes every context shares: the entity list (seed, user additions, imports) and what the
// matcher reports. Pure types, so they cost nothing in any bundle.

export type EntityKind = 'person' | 'organisation' | 'place';
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'place'];

/** Where an item of the list was learnt: enough to cite it and to find the sentence again. */
export interface Provenance {
  outlet: string;
  title: string;
  /** ISO date, yyyy-mm-dd */
  date: string;
  url?: string;
  /** The sentence the item comes from, verbatim from the source text. */
  sentence: string;
}

export interface Alias {
  text: string;
  /**
   * Match only as written (short forms, acronyms, names that are also common words: "Xi", "UN",
   * "Hale"). Other aliases match whatever their case, since headlines and datelines are often in
   * capitals.
   */
  exactCase?: boolean;
  /**
   * A surname many people share ("Lai", "Mao"): it counts only where the page identifies the
   * person, by another alias of the same entity on the page or by a title right before it
   * ("President Xi", "Mr. Xi").
   */
  needsContext?: boolean;
}

export interface Entity {
  /** Stable slug, e.g. "vladimir-putin". */
  id: string;
  /** Canonical name, e.g. "Vladimir Putin". Always matched, like an alias. */
  name: string;
  kind: EntityKind;
  aliases: Alias[];
  /** One line, as the source gives it: role, title, age. */
  context: string;
  provenance: Provenance;
}

export interface Claim {
  id: string;
  /** A short statement of the claim, in our words. */
  statement: string;
  /** Ids of the entities the claim involves. */
  entities: string[];
  /**
   * Optional hand-written cues, empty when the list gives none (the statement is enough: its
   * words find candidate sentences and a model judges them). When given, a sentence that matches
   * every group (one of its phrases each: whole words, any case, typographic variants folded)
   * restates the claim unless it changes a figure or the polarity.
   */
  cues: string[][];
  provenance: Provenance;
}

export interface Quote {
  id: string;
  /** The quoted words, verbatim, without the quotation marks. */
  text: string;
  /** Entity id of the speaker. */
  speaker: string;
  /**
   * Who said it for the speaker, where that is not the entity itself: a role speaking for the
   * organisation in `speaker` ("A Kremlin spokesman"). Cards show it as the speaker.
   */
  speakerName?: string;
  /** Ids of entities the quote mentions. */
  mentions: string[];
  provenance: Provenance;
}

/**
 * A name that is a different thing from an entity it contains or resembles ("National Security
 * Council", a US body, is not the "Security Council" of the UN). It takes part in
 * leftmost-longest matching and reports nothing, so the shorter name inside it is not a mention.
 */
export interface DistinctName {
  text: string;
  note: string;
}

export interface EntityList {
  version: 1;
  entities: Entity[];
  claims: Claim[];
  quotes: Quote[];
  distinct: DistinctName[];
}

/** One mention of an entity in a text. Offsets are UTF-16 indexes into the original text. */
export interface Mention {
  entityId: string;
  kind: EntityKind;
  start: number;
  end: number;
  /** The text as it stands on the page, original[start..end). */
  text: string;
  /**
   * Other entities the same words may name when the page does not decide between them ("Jordan":
   * the country, or Michael Jordan named earlier); the card offers them all. entityId is the likeliest.
   */
  alternatives?: { entityId: string; kind: EntityKind }[];
}

/** A sentence of the text that restates a claim of the list. */
export interface ClaimMention {
  claimId: string;
  /** The sentence's offsets in the original text. */
  start: number;
  end: number;
  sentence: string;
  /** How the sentence was found: all the claim's cues matched, or its statement's anchor words (a candidate to score). */
  via?: 'cues' | 'anchors';
}

export type MentionKind = EntityKind | 'claim';
