// Compiling the whole list on every page is most of a page's start (20-28 ms for the seed list in
// a page's cold engine, ~190 ms for 10,000 names), though a page names a handful of the list or
// none. So each pattern gets an anchor, one run of a-z letters that every text it can match must
// contain as a whole token; the page's text is cut into tokens first, and only what the tokens
// can match is compiled.
//
// Why the narrowed matcher finds exactly what the whole list would, in every text whose tokens
// were seen: tokens are cut with the matcher's own fold table (src/core/text/normalize.ts), at every
// unit that does not fold to a-z. A match of pattern P covers units folding to P's letters, so the
// units of P's anchor form one run, bounded inside P by P's own non-letters and outside P by the
// word boundary the matcher requires. The only units the matcher skips inside a match are the
// IGNORED ones (soft hyphens, combining accents): a run with one yields the run joined and its
// parts, so either reading of it is a token. Every pattern that can match is then compiled, and
// leftmost-longest picks among the same candidates.

import { runSteps } from './automaton';
import { anchorGroupsOf, claimMatchGroups, popcount, type ClaimGroups } from '../claims/groups';
import { MAX_ANCHORS } from '../claims/anchors';
import { normalizePattern } from '../text/normalize';
import { forEachToken, tokenHash } from '../text/tokens';
import { forEachWideToken } from '../text/plain-runs';
import type { EntityList } from '../types';

// The token pass lives in tokens.ts, so the first stage can have it without the rest of this file.
export { forEachToken, tokenHash };

const A = 0x61;
const Z = 0x7a;

/** The longest run of a-z in a normalised pattern; null when it has none (kept on every page). */
export function anchorOf(pattern: string): string | null {
  let best: string | null = null;
  let start = -1;
  for (let i = 0; i <= pattern.length; i++) {
    const code = i < pattern.length ? pattern.charCodeAt(i) : 0;
    if (code >= A && code <= Z) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (best === null || i - start > best.length) best = pattern.slice(start, i);
      start = -1;
    }
  }
  return best;
}

/** What indexing reads of a list: the background's lean list will do, as will an EntityList. */
export interface NarrowableList {
  entities: readonly { name: string; aliases: readonly { text: string }[] }[];
  distinct: readonly { text: string }[];
  claims: readonly { statement: string; cues: readonly (readonly string[])[] }[];
}

/**
 * The anchors of a whole list, computed once by the background and sent with the list, so a page
 * does not normalise every pattern again. Owners are numbers: entity i is i, distinct name j is
 * E + j, group g of claim c is E + D + 32c + g (E entities, D distinct names).
 */
export interface AnchorIndex {
  anchors: string[];
  /** owners[k]: what anchors[k] can open. */
  owners: number[][];
  /** Owners of a pattern without a-z letters: kept on every page. */
  always: number[];
  /** Per claim, its statement's anchor groups (claims/anchors.ts): a page need not analyse every statement. */
  claimAnchors?: string[][][];
}

const MAX_ANCHOR_LENGTH = 500;

function isClaimAnchors(x: unknown, claims: number): x is string[][][] {
  return (
    Array.isArray(x) &&
    x.length === claims &&
    x.every((groups) => Array.isArray(groups) && groups.length <= MAX_ANCHORS && groups.every((g) => Array.isArray(g) && g.length > 0 && g.every((w) => typeof w === 'string' && w.length > 0 && w.length <= MAX_ANCHOR_LENGTH)))
  );
}

/**
 * The list narrowed to what the tokens seen so far can match. `see` every text before matching it
 * with a matcher built from `list()`; `grew()` says whether that list changed since it was last read.
 */
export class ListNarrower<L extends NarrowableList = EntityList> {
  private readonly owners = new Map<string, number[]>();
  /**
   * Anchors whose codes were all kept already (keep() is idempotent): a growing page repeats the
   * same names in every append, and each repeat went through all their codes again.
   */
  private readonly spent = new Set<string>();
  private readonly always: number[] = [];
  private readonly entityKept: Uint8Array;
  private readonly distinctKept: Uint8Array;
  /** Per claim, one bit per group seen (claims/groups.ts); kept when all its cue groups are, or enough anchor groups. */
  private readonly claimSeen: Int32Array;
  private readonly claimGroups: ClaimGroups[];
  private changed = false;
  private keptCount = 0;
  /** The longest anchor: longer tokens are not looked up. */
  private maxAnchor = 0;

  private constructor(
    private readonly full: L,
    claimAnchors?: readonly (readonly string[])[][],
  ) {
    this.entityKept = new Uint8Array(full.entities.length);
    this.distinctKept = new Uint8Array(full.distinct.length);
    this.claimSeen = new Int32Array(full.claims.length);
    this.claimGroups = full.claims.map((claim, i) => claimMatchGroups(claim, claimAnchors?.[i]));
  }

  private claimComplete(claim: number): boolean {
    const shape = this.claimGroups[claim]!;
    const seen = this.claimSeen[claim]!;
    return (shape.cueMask !== 0 && (seen & shape.cueMask) === shape.cueMask) || (shape.anchorNeed > 0 && popcount(seen & shape.anchorMask) >= shape.anchorNeed);
  }

  static create<L extends NarrowableList>(list: L): ListNarrower<L> {
    return runSteps(ListNarrower.steps(list));
  }

  /** create() in resumable steps: indexing 10,000 names is too long for one task of the page's. */
  static *steps<L extends NarrowableList>(list: L): Generator<void, ListNarrower<L>> {
    const narrower = new ListNarrower(list);
    const entities = list.entities.length;
    const distinct = list.distinct.length;
    let work = 0;
    for (let index = 0; index < entities; index++) {
      if (++work % 512 === 0) yield;
      const entity = list.entities[index]!;
      narrower.indexPattern(entity.name, index);
      for (const alias of entity.aliases) narrower.indexPattern(alias.text, index);
    }
    for (let index = 0; index < distinct; index++) {
      if (++work % 512 === 0) yield;
      narrower.indexPattern(list.distinct[index]!.text, entities + index);
    }
    for (let index = 0; index < list.claims.length; index++) {
      if (++work % 128 === 0) yield;
      narrower.claimGroups[index]!.groups.forEach((group, g) => {
        if (group) for (const phrase of group) narrower.indexPattern(phrase, entities + distinct + index * 32 + g);
      });
    }
    return narrower;
  }

  /**
   * A narrower from the index the background computed for this very list (see AnchorIndex); null
   * when the index is missing or malformed in any way (then the page indexes the list itself).
   */
  static fromIndex<L extends NarrowableList>(list: L, index: unknown): ListNarrower<L> | null {
    if (typeof index !== 'object' || index === null) return null;
    const { anchors, owners, always, claimAnchors } = index as Partial<Record<keyof AnchorIndex, unknown>>;
    if (!Array.isArray(anchors) || !Array.isArray(owners) || !Array.isArray(always) || anchors.length !== owners.length) return null;
    // Optional (an older background's index lacks them); when given, one group list per claim.
    if (claimAnchors !== undefined && !isClaimAnchors(claimAnchors, list.claims.length)) return null;
    const narrower = new ListNarrower(list, claimAnchors);
    const valid = (code: unknown): code is number => typeof code === 'number' && narrower.isOwner(code);
    for (let k = 0; k < anchors.length; k++) {
      const anchor: unknown = anchors[k];
      const codes: unknown = owners[k];
      if (typeof anchor !== 'string' || anchor.length > MAX_ANCHOR_LENGTH || !/^[a-z]+$/.test(anchor) || narrower.owners.has(anchor)) return null;
      if (!Array.isArray(codes) || codes.length === 0 || !codes.every(valid)) return null;
      narrower.addAnchor(anchor, [...codes]);
    }
    if (!always.every(valid)) return null;
    for (const code of always as number[]) narrower.keepAlways(code);
    return narrower;
  }

  /** The anchors of the whole list, for fromIndex in a page. */
  exportIndex(): AnchorIndex {
    return {
      anchors: [...this.owners.keys()],
      owners: [...this.owners.values()].map((codes) => [...codes]),
      always: [...this.always],
      claimAnchors: this.claimGroups.map(anchorGroupsOf),
    };
  }

  /**
   * Reads the tokens of `text`: what they can match joins the list. Mostly native (plain-runs.ts):
   * this runs cold on every page that names someone, where forEachToken's loop over every
   * character cost 13-14 ms of the start. It may read a few tokens more (never fewer): the list
   * then holds a few names more, and the matcher finds the same.
   */
  see(text: string): void {
    forEachWideToken(text, this.maxAnchor, (token) => {
      const codes = this.owners.get(token);
      if (!codes || this.spent.has(token)) return;
      for (const code of codes) this.keep(code);
      this.spent.add(token);
    });
  }

  /** True when something joined the list since the last call. */
  grew(): boolean {
    const changed = this.changed;
    this.changed = false;
    return changed;
  }

  /** Nothing on the page can match: no need for a matcher at all. */
  get isEmpty(): boolean {
    return this.keptCount === 0;
  }

  /** The narrowed list, in the full list's order (which the matcher's tie-breaks follow). */
  list(): L {
    return {
      ...this.full,
      entities: this.full.entities.filter((_, i) => this.entityKept[i] === 1),
      claims: this.full.claims.filter((_, i) => this.claimComplete(i)),
      distinct: this.full.distinct.filter((_, i) => this.distinctKept[i] === 1),
    };
  }

  private indexPattern(text: string, code: number): void {
    const pattern = normalizePattern(text);
    if (pattern === '') return; // never compiled, never matches
    const anchor = anchorOf(pattern);
    if (anchor === null) return this.keepAlways(code);
    const codes = this.owners.get(anchor);
    this.spent.delete(anchor); // a code it owns now is not kept yet
    if (codes) codes.push(code);
    else this.addAnchor(anchor, [code]);
  }

  private addAnchor(anchor: string, codes: number[]): void {
    this.owners.set(anchor, codes);
    this.maxAnchor = Math.max(this.maxAnchor, anchor.length);
  }

  private keepAlways(code: number): void {
    this.always.push(code);
    this.keep(code);
  }

  /** A code this list can have (see AnchorIndex). */
  private isOwner(code: number): boolean {
    if (!Number.isInteger(code) || code < 0) return false;
    const entities = this.full.entities.length;
    const distinct = this.full.distinct.length;
    if (code < entities + distinct) return true;
    const claim = (code - entities - distinct) >> 5;
    const group = (code - entities - distinct) & 31;
    return claim < this.full.claims.length && group < 31 && this.claimGroups[claim]!.groups[group] != null;
  }

  private keep(code: number): void {
    const entities = this.full.entities.length;
    const distinct = this.full.distinct.length;
    if (code < entities) {
      if (this.entityKept[code] === 1) return;
      this.entityKept[code] = 1;
    } else if (code < entities + distinct) {
      if (this.distinctKept[code - entities] === 1) return;
      this.distinctKept[code - entities] = 1;
    } else {
      const claim = (code - entities - distinct) >> 5;
      const bit = 1 << ((code - entities - distinct) & 31);
      if ((this.claimSeen[claim]! & bit) !== 0) return;
      const before = this.claimComplete(claim);
      this.claimSeen[claim]! |= bit;
      if (before || !this.claimComplete(claim)) return;
    }
    this.keptCount++;
    this.changed = true;
  }
}
