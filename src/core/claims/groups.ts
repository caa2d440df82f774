// The phrase groups a claim is matched on, shared by the claim finder (claims.ts) and the list
// narrower (list-narrower.ts) so both agree on what a page can match: bits 0-25 are the claim's
// cue groups (all needed), bits 26-30 its statement's anchor groups (two needed).
import { ANCHOR_SHIFT, MAX_CUE_GROUPS, anchorsNeeded, claimAnchors } from './anchors';

export interface ClaimGroups {
  /** Group g is bit g; null where the claim has no group of that bit. */
  groups: (readonly string[] | null)[];
  cueMask: number;
  anchorMask: number;
  anchorNeed: number;
}

const cache = new WeakMap<object, ClaimGroups>();

export function claimMatchGroups(claim: { statement: string; cues: readonly (readonly string[])[] }, anchorGroups?: readonly (readonly string[])[]): ClaimGroups {
  const known = cache.get(claim);
  if (known) return known;
  const cues = claim.cues.slice(0, MAX_CUE_GROUPS).filter((group) => group.length > 0);
  // Given by the background with the list's index (list-narrower.ts): analysing every statement
  // was a good part of a page's start.
  const anchors = anchorGroups ?? claimAnchors(claim.statement);
  const groups: (readonly string[] | null)[] = new Array<readonly string[] | null>(ANCHOR_SHIFT + anchors.length).fill(null);
  cues.forEach((group, g) => (groups[g] = group));
  anchors.forEach((group, g) => (groups[ANCHOR_SHIFT + g] = group));
  const shape: ClaimGroups = {
    groups,
    cueMask: cues.length === 0 ? 0 : 2 ** cues.length - 1,
    anchorMask: anchors.length === 0 ? 0 : ((2 ** anchors.length - 1) * 2 ** ANCHOR_SHIFT) | 0,
    anchorNeed: anchorsNeeded(anchors.length),
  };
  cache.set(claim, shape);
  return shape;
}

/** The statement's anchor groups of a claim's groups, as claimAnchors gives them. */
export function anchorGroupsOf(shape: ClaimGroups): string[][] {
  return shape.groups.slice(ANCHOR_SHIFT).map((group) => [...(group ?? [])]);
}

export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) n++;
  return n;
}
