// The first stage's filter (issue 14): every anchor of the list (see list-narrower.ts), built
// once per version of the list by the background and sent to every page and frame, which reads
// its text against it before loading anything else (anchor-test.ts). A page with no anchor names
// nobody on the list, and is told apart without the list, the matcher or the rest of the content
// script. It never misses, because its tokens are the narrower's own over the same anchors.
import type { AnchorIndex } from './list-narrower';

/** As sent: the anchors, sorted, one space between them (each is folded a-z letters only). */
export interface AnchorFilter {
  anchors: string;
  /** Longer tokens are no anchor and are not looked up. */
  maxAnchor: number;
  /** Some pattern has no a-z letters (all CJK, say): it is kept on every page, so every page loads. */
  always: boolean;
}

/** How many entities and distinct names the indexed list has: what an owner code means (AnchorIndex). */
export interface ListShape {
  entities: number;
  distinct: number;
}

/**
 * Only what can make a page show something: every anchor of an entity; for each claim, the
 * anchors of ONE of its cue groups (a claim needs every group, so a page without that group's
 * anchors cannot state it); no distinct name (alone it highlights nothing). The group chosen adds
 * the fewest anchors that are no entity's (a group of names, "Putin" or "Kyiv", adds none, where
 * "talks" or "met" would send most pages on), then the one with the longest shortest anchor.
 */
export function buildAnchorFilter(index: AnchorIndex, shape: ListShape): AnchorFilter {
  const { entities, distinct } = shape;
  const chosen: string[] = [];
  let always = index.always.some((code) => code < entities);
  const groups = new Map<number, Map<number, string[]>>(); // claim → group → anchors
  const alwaysGroups = new Set(index.always.filter((code) => code >= entities + distinct));
  index.anchors.forEach((anchor, k) => {
    for (const code of index.owners[k] ?? []) {
      if (code < entities) chosen.push(anchor);
      else if (code >= entities + distinct) {
        const claim = (code - entities - distinct) >> 5;
        const byGroup = groups.get(claim) ?? new Map<number, string[]>();
        groups.set(claim, byGroup);
        byGroup.set(code, [...(byGroup.get(code) ?? []), anchor]);
      }
    }
  });
  const named = new Set(chosen);
  const claims = new Set([...groups.keys(), ...[...alwaysGroups].map((code) => (code - entities - distinct) >> 5)]);
  for (const claim of claims) {
    let best: string[] | null = null;
    let bestScore = -Infinity;
    for (const [code, anchors] of groups.get(claim) ?? []) {
      if (alwaysGroups.has(code)) continue; // a phrase of the group has no a-z letters: seen on any page
      const score = -1000 * anchors.filter((a) => !named.has(a)).length + Math.min(...anchors.map((a) => a.length));
      if (score > bestScore) [best, bestScore] = [anchors, score];
    }
    if (best) chosen.push(...best);
    else always = true;
  }
  const anchors = [...new Set(chosen)].sort();
  return { anchors: anchors.join(' '), maxAnchor: anchors.reduce((most, a) => Math.max(most, a.length), 0), always };
}
