// The first stage's filter (issue 14): the tokenHash of every anchor of the list (see
// list-narrower.ts), built once per version of the list by the background and sent to every page
// and frame, which reads its text against it before loading anything else. A token whose hash is
// not in the set is no anchor, so a page that names nobody on the list is told apart without the
// list, the matcher or the rest of the content script. A hash can collide (a word that is no
// anchor): the page then loads the second stage, which finds nothing. It never misses, because
// it is the narrower's own token pass over the same anchors.
import { forEachToken, tokenHash, type AnchorIndex } from './list-narrower';

/** As sent: 32-bit hashes, sorted, little-endian, base64 (10,000 anchors are ~53 KB). */
export interface AnchorFilter {
  hashes: string;
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
  const hashes = new Int32Array([...new Set(chosen.map(tokenHash))].sort((a, b) => a - b));
  const bytes = new Uint8Array(hashes.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return { hashes: btoa(binary), maxAnchor: chosen.reduce((most, a) => Math.max(most, a.length), 0), always };
}

const MAX_HASHES = 1 << 20;

/** An open-addressing set of the filter's hashes: one multiply and a probe or two per token. */
export class AnchorTable {
  private readonly slots: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  private constructor(hashes: Int32Array) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const hash of hashes) this.add(hash);
  }

  /** The table of a filter from the background; null when it is malformed (the page then loads everything). */
  static from(filter: unknown): { table: AnchorTable; maxAnchor: number; always: boolean } | null {
    if (typeof filter !== 'object' || filter === null) return null;
    const { hashes, maxAnchor, always } = filter as Partial<Record<keyof AnchorFilter, unknown>>;
    if (typeof hashes !== 'string' || typeof maxAnchor !== 'number' || !Number.isInteger(maxAnchor) || maxAnchor < 0 || typeof always !== 'boolean') return null;
    let binary: string;
    try {
      binary = atob(hashes);
    } catch {
      return null;
    }
    if (binary.length % 4 !== 0 || binary.length / 4 > MAX_HASHES) return null;
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { table: new AnchorTable(new Int32Array(bytes.buffer)), maxAnchor, always };
  }

  has(hash: number): boolean {
    for (let slot = Math.imul(hash, 0x9e3779b1) & this.mask; this.used[slot] === 1; slot = (slot + 1) & this.mask) {
      if (this.slots[slot] === hash) return true;
    }
    return false;
  }

  private add(hash: number): void {
    let slot = Math.imul(hash, 0x9e3779b1) & this.mask;
    while (this.used[slot] === 1 && this.slots[slot] !== hash) slot = (slot + 1) & this.mask;
    this.slots[slot] = hash;
    this.used[slot] = 1;
  }
}

const FOUND = Symbol('anchor found');

/** Whether `text` has a token whose hash is an anchor's: the first stage's whole test. */
export function hasAnchor(text: string, table: AnchorTable, maxAnchor: number): boolean {
  try {
    forEachToken(
      text,
      maxAnchor,
      () => {
        throw FOUND;
      },
      (hash) => table.has(hash),
    );
  } catch (error) {
    if (error === FOUND) return true;
    throw error;
  }
  return false;
}
