// Finds the sentences that restate a claim: every cue group of the claim must be matched, as whole
// words, inside one sentence. All cue phrases of the list go into one automaton, so the text is
// read once whatever the number of claims.

import { WordAutomaton } from './automaton';
import { normalizePattern } from './normalize';
import { splitSentences } from './sentences';
import type { Claim, ClaimMention } from './types';

interface CueRef {
  claim: number;
  groupBit: number;
}

export interface ClaimFinder {
  findClaims(text: string): ClaimMention[];
}

const MAX_GROUPS = 31; // one bit per group in an int

export function createClaimFinder(claims: readonly Claim[]): ClaimFinder {
  const phraseIndex = new Map<string, number>();
  const refs: CueRef[][] = [];
  const fullMask: number[] = [];
  claims.forEach((claim, claimIndex) => {
    const groups = claim.cues.slice(0, MAX_GROUPS).filter((group) => group.length > 0);
    // A claim without cues would match every sentence: it matches none instead.
    fullMask.push(groups.length === 0 ? -1 : 2 ** groups.length - 1);
    groups.forEach((group, groupIndex) => {
      for (const phrase of group) {
        const normalized = normalizePattern(phrase);
        if (normalized === '') continue;
        let index = phraseIndex.get(normalized);
        if (index === undefined) {
          index = refs.length;
          phraseIndex.set(normalized, index);
          refs.push([]);
        }
        refs[index]!.push({ claim: claimIndex, groupBit: 1 << groupIndex });
      }
    });
  });
  // Compiled on first use: creating a matcher (every content script, every frame) should not pay
  // for the cue automaton before any text asks for claims.
  let automaton: WordAutomaton | undefined;

  return {
    findClaims(text: string): ClaimMention[] {
      const hits: { phrase: number; start: number; end: number }[] = [];
      automaton ??= WordAutomaton.compile([...phraseIndex.keys()]);
      automaton.scan(text, (phrase, start, end) => hits.push({ phrase, start, end }));
      if (hits.length === 0) return [];
      hits.sort((a, b) => a.start - b.start);
      const found: ClaimMention[] = [];
      let h = 0;
      for (const sentence of splitSentences(text)) {
        while (h < hits.length && hits[h]!.start < sentence.start) h++;
        const masks = new Map<number, number>();
        for (; h < hits.length && hits[h]!.start < sentence.end; h++) {
          const hit = hits[h]!;
          if (hit.end > sentence.end) continue;
          for (const ref of refs[hit.phrase]!) {
            masks.set(ref.claim, (masks.get(ref.claim) ?? 0) | ref.groupBit);
          }
        }
        const complete = [...masks].filter(([claim, mask]) => mask === fullMask[claim]);
        complete.sort((a, b) => a[0] - b[0]);
        for (const [claim] of complete) {
          found.push({
            claimId: claims[claim]!.id,
            start: sentence.start,
            end: sentence.end,
            sentence: text.slice(sentence.start, sentence.end),
          });
        }
      }
      return found;
    },
  };
}
