// Compiling the whole list on every page is most of a page's start (20-28 ms for the seed list in
// a page's cold engine, ~190 ms for 10,000 names), though a page names a handful of the list or
// none. So each pattern gets an anchor, one run of a-z letters that every text it can match must
// contain as a whole token; the page's text is cut into tokens first, and only what the tokens
// can match is compiled.
//
// Why the narrowed matcher finds exactly what the whole list would, in every text whose tokens
// were seen: tokens are cut with the matcher's own fold table (src/core/normalize.ts), at every
// unit that does not fold to a-z. A match of pattern P covers units folding to P's letters, so the
// units of P's anchor form one run, bounded inside P by P's own non-letters and outside P by the
// word boundary the matcher requires. The only units the matcher skips inside a match are the
// IGNORED ones (soft hyphens, combining accents): a run with one yields the run joined and its
// parts, so either reading of it is a token. Every pattern that can match is then compiled, and
// leftmost-longest picks among the same candidates.

import { runSteps } from './automaton';
import { foldMap, IGNORED, normalizePattern, UNFILLED } from './normalize';
import type { Claim, Entity, EntityList } from './types';

/** Cue groups a claim needs at most (as in claims.ts): groups past it are not matched either. */
const MAX_CUE_GROUPS = 31;

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

/** The hash forEachToken gives a token: over its folded letters, as they come. */
export function tokenHash(token: string): number {
  let hash = 0;
  for (let i = 0; i < token.length; i++) hash = (Math.imul(hash, 31) + token.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Calls `onToken` with every token of `text` up to `maxLength` units long: each maximal run of
 * units that fold to a-z, folded, and for a run broken by IGNORED units, also each part between
 * them. Longer tokens cannot be an anchor and are skipped. With `wanted`, a token is built only
 * when its hash (tokenHash) is wanted: most words of a page are no anchor, and building a string
 * for each made this pass several times slower than the matcher's own.
 */
export function forEachToken(text: string, maxLength: number, onToken: (token: string) => void, wanted?: (hash: number) => boolean): void {
  const map = foldMap();
  const values = map.values;
  let start = -1; // first unit of the current run, -1 between runs
  let partStart = 0; // first unit after the run's last IGNORED unit
  let plain = true; // the run is ASCII letters only: its token is a lower-cased slice
  let broken = false; // the run has an IGNORED unit inside
  let hash = 0;
  let length = 0;
  let partHash = 0;
  let partLength = 0;
  const emit = (from: number, to: number, tokenHashValue: number, tokenLength: number, asciiOnly: boolean): void => {
    if (tokenLength === 0 || tokenLength > maxLength || (wanted && !wanted(tokenHashValue))) return;
    onToken(asciiOnly ? text.slice(from, to).toLowerCase() : String.fromCharCode.apply(null, foldedRun(text, from, to)));
  };
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    let unit: number;
    if (code < 0x80) {
      unit = code >= 0x41 && code <= 0x5a ? code | 0x20 : code;
    } else {
      unit = values[code]!;
      if (unit === UNFILLED) unit = map.fill(code);
    }
    if (unit >= A && unit <= Z) {
      if (start < 0) {
        start = partStart = i;
        plain = true;
        broken = false;
        hash = length = partHash = partLength = 0;
      }
      if (code >= 0x80) plain = false;
      hash = (Math.imul(hash, 31) + unit) | 0;
      partHash = (Math.imul(partHash, 31) + unit) | 0;
      length++;
      partLength++;
    } else if (unit === IGNORED && start >= 0) {
      // Skipped inside a match, yet maybe a boundary beside one: the part so far is a token too.
      emit(partStart, i, partHash, partLength, false);
      plain = false;
      broken = true;
      partStart = i + 1;
      partHash = partLength = 0;
    } else if (start >= 0) {
      emit(start, i, hash, length, plain);
      if (broken) emit(partStart, i, partHash, partLength, false);
      start = -1;
    }
  }
}

/** The folded units of text[from, to), IGNORED ones left out: the run so far. */
function foldedRun(text: string, from: number, to: number): number[] {
  const map = foldMap();
  const units: number[] = [];
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let unit = map.values[code]!;
    if (unit === UNFILLED) unit = map.fill(code);
    if (unit !== IGNORED) units.push(unit);
  }
  return units;
}

/** An owner of a pattern: what to keep when its anchor is seen. */
type Owner = { entity: number } | { distinct: number } | { claim: number; group: number };

/**
 * The list narrowed to what the tokens seen so far can match. `see` every text before matching it
 * with a matcher built from `list()`; `grew()` says whether that list changed since it was last read.
 */
export class ListNarrower {
  private readonly owners = new Map<string, Owner[]>();
  private readonly entityKept: Uint8Array;
  private readonly distinctKept: Uint8Array;
  /** Per claim, one bit per cue group seen; kept when all its groups are. */
  private readonly claimSeen: Int32Array;
  private readonly claimFull: Int32Array;
  private changed = false;
  private keptCount = 0;
  /** The longest anchor: longer tokens are not looked up. */
  private maxAnchor = 0;
  /** tokenHash of every anchor: a token whose hash is not here is no anchor. */
  private readonly anchorHashes = new Set<number>();

  private constructor(private readonly full: EntityList) {
    this.entityKept = new Uint8Array(full.entities.length);
    this.distinctKept = new Uint8Array(full.distinct.length);
    this.claimSeen = new Int32Array(full.claims.length);
    this.claimFull = new Int32Array(full.claims.length);
  }

  static create(list: EntityList): ListNarrower {
    return runSteps(ListNarrower.steps(list));
  }

  /** create() in resumable steps: indexing 10,000 names is too long for one task of the page's. */
  static *steps(list: EntityList): Generator<void, ListNarrower> {
    const narrower = new ListNarrower(list);
    let work = 0;
    for (let index = 0; index < list.entities.length; index++) {
      if (++work % 512 === 0) yield;
      narrower.indexEntity(list.entities[index]!, index);
    }
    for (let index = 0; index < list.distinct.length; index++) {
      if (++work % 512 === 0) yield;
      narrower.indexPattern(list.distinct[index]!.text, { distinct: index });
    }
    for (let index = 0; index < list.claims.length; index++) {
      if (++work % 128 === 0) yield;
      narrower.indexClaim(list.claims[index]!, index);
    }
    return narrower;
  }

  /** Reads the tokens of `text`: what they can match joins the list. */
  see(text: string): void {
    forEachToken(
      text,
      this.maxAnchor,
      (token) => {
        const owners = this.owners.get(token);
        if (owners) for (const owner of owners) this.keep(owner);
      },
      (hash) => this.anchorHashes.has(hash),
    );
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
  list(): EntityList {
    return {
      version: this.full.version,
      entities: this.full.entities.filter((_, i) => this.entityKept[i] === 1),
      claims: this.full.claims.filter((_, i) => this.claimFull[i] !== 0 && this.claimSeen[i] === this.claimFull[i]),
      quotes: [],
      distinct: this.full.distinct.filter((_, i) => this.distinctKept[i] === 1),
    };
  }

  private indexEntity(entity: Entity, index: number): void {
    const owner: Owner = { entity: index };
    this.indexPattern(entity.name, owner);
    for (const alias of entity.aliases) this.indexPattern(alias.text, owner);
  }

  private indexClaim(claim: Claim, index: number): void {
    const groups = claim.cues.slice(0, MAX_CUE_GROUPS).filter((group) => group.length > 0);
    // A claim without cues matches nothing (claims.ts): it is never kept.
    this.claimFull[index] = groups.length === 0 ? 0 : 2 ** groups.length - 1;
    groups.forEach((group, g) => {
      for (const phrase of group) this.indexPattern(phrase, { claim: index, group: g });
    });
  }

  private indexPattern(text: string, owner: Owner): void {
    const pattern = normalizePattern(text);
    if (pattern === '') return; // never compiled, never matches
    const anchor = anchorOf(pattern);
    if (anchor === null) return this.keep(owner);
    this.maxAnchor = Math.max(this.maxAnchor, anchor.length);
    const owners = this.owners.get(anchor);
    if (owners) owners.push(owner);
    else {
      this.owners.set(anchor, [owner]);
      this.anchorHashes.add(tokenHash(anchor));
    }
  }

  private keep(owner: Owner): void {
    if ('entity' in owner) {
      if (this.entityKept[owner.entity] === 1) return;
      this.entityKept[owner.entity] = 1;
    } else if ('distinct' in owner) {
      if (this.distinctKept[owner.distinct] === 1) return;
      this.distinctKept[owner.distinct] = 1;
    } else {
      const bit = 1 << owner.group;
      if ((this.claimSeen[owner.claim]! & bit) !== 0) return;
      this.claimSeen[owner.claim]! |= bit;
      if (this.claimSeen[owner.claim] !== this.claimFull[owner.claim]) return;
    }
    this.keptCount++;
    this.changed = true;
  }
}
