// Finds the sentences that may restate a claim, in one pass over the text: a sentence that matches
// every cue group of the claim (hand-written cues, when the list gives them), or that shares
// enough of the statement's anchor words (claims/anchors.ts). All phrases of the list go into one
// automaton, so the text is read once whatever the number of claims. These are candidates: the
// background's scorer (claims/model.ts) says which restate the claim.

import { WordAutomaton } from '../matching/automaton';
import { claimMatchGroups, popcount } from './groups';
import { normalizePattern } from '../text/normalize';
import { splitSentences } from '../text/sentences';
import type { Claim, ClaimMention } from '../types';

interface CueRef {
  claim: number;
  groupBit: number;
}

export interface ClaimFinder {
  findClaims(text: string): ClaimMention[];
}

export function createClaimFinder(claims: readonly Pick<Claim, 'id' | 'statement' | 'cues'>[]): ClaimFinder {
  const phraseIndex = new Map<string, number>();
  const refs: CueRef[][] = [];
  const shapes = claims.map((claim) => claimMatchGroups(claim));
  claims.forEach((_, claimIndex) => {
    shapes[claimIndex]!.groups.forEach((group, groupIndex) => {
      if (group === null) return;
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
  const hitPhrase: number[] = [];
  const hitStart: number[] = [];
  const hitEnd: number[] = [];
  // One sentence's groups matched per claim, and the claims it touched (in the order touched):
  // a typed array, not a Map per sentence. A name of the story is an anchor of many claims (the
  // seed's "Putin" of 27), so each line of a live page's update set and read dozens of entries.
  const masks = new Int32Array(claims.length);
  const touched: number[] = [];

  return {
    findClaims(text: string): ClaimMention[] {
      // Hits in three plain arrays and an order by start, not an object per hit and a sort by
      // comparator: every line of a live page's update has a few (BENCHMARKS part 3).
      hitPhrase.length = 0;
      hitStart.length = 0;
      hitEnd.length = 0;
      automaton ??= WordAutomaton.compile([...phraseIndex.keys()]);
      automaton.scan(text, (phrase, start, end) => {
        hitPhrase.push(phrase);
        hitStart.push(start);
        hitEnd.push(end);
      });
      const count = hitPhrase.length;
      if (count === 0) return [];
      const order = byStart(hitStart);
      const found: ClaimMention[] = [];
      // Only the lines with a hit are split into sentences: a line break always ends a sentence
      // and furniture is found line by line (sentences.ts), so a line's sentences are the same
      // read alone as in the whole text, and splitting every line was most of a page's claim pass.
      let h = 0;
      while (h < count) {
        const first = hitStart[order[h]!]!;
        const lineStart = text.lastIndexOf('\n', first) + 1;
        const newline = text.indexOf('\n', first);
        const lineEnd = newline < 0 ? text.length : newline;
        for (const span of splitSentences(text.slice(lineStart, lineEnd))) {
          const sentenceStart = lineStart + span.start;
          const sentenceEnd = lineStart + span.end;
          while (h < count && hitStart[order[h]!]! < sentenceStart) h++;
          touched.length = 0;
          for (; h < count && hitStart[order[h]!]! < sentenceEnd; h++) {
            const k = order[h]!;
            if (hitEnd[k]! > sentenceEnd) continue;
            for (const ref of refs[hitPhrase[k]!]!) {
              if (masks[ref.claim] === 0) touched.push(ref.claim);
              masks[ref.claim]! |= ref.groupBit;
            }
          }
          if (touched.length === 0) continue;
          const complete: [number, 'cues' | 'anchors'][] = [];
          for (const claim of touched) {
            const mask = masks[claim]!;
            masks[claim] = 0;
            const shape = shapes[claim]!;
            if (shape.cueMask !== 0 && (mask & shape.cueMask) === shape.cueMask) complete.push([claim, 'cues']);
            else if (shape.anchorNeed > 0 && popcount(mask & shape.anchorMask) >= shape.anchorNeed) complete.push([claim, 'anchors']);
          }
          if (complete.length > 1) complete.sort((a, b) => a[0] - b[0]);
          for (const [claim, via] of complete) {
            found.push({
              claimId: claims[claim]!.id,
              start: sentenceStart,
              end: sentenceEnd,
              sentence: text.slice(sentenceStart, sentenceEnd),
              via,
            });
          }
        }
        // Hits of this line outside its sentences (furniture, spaces), then the next line.
        while (h < count && hitStart[order[h]!]! < lineEnd) h++;
      }
      return found;
    },
  };
}

/**
 * Indices of `starts` ordered by start, ties in their order: insertion sort, since the automaton
 * reports hits by end and their starts are out of order only where hits overlap.
 */
function byStart(starts: readonly number[]): Int32Array {
  const order = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    let j = i;
    while (j > 0 && starts[order[j - 1]!]! > start) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}
