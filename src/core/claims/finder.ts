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

  return {
    findClaims(text: string): ClaimMention[] {
      const hits: { phrase: number; start: number; end: number }[] = [];
      automaton ??= WordAutomaton.compile([...phraseIndex.keys()]);
      automaton.scan(text, (phrase, start, end) => hits.push({ phrase, start, end }));
      if (hits.length === 0) return [];
      hits.sort((a, b) => a.start - b.start);
      const found: ClaimMention[] = [];
      // Only the lines with a hit are split into sentences: a line break always ends a sentence
      // and furniture is found line by line (sentences.ts), so a line's sentences are the same
      // read alone as in the whole text, and splitting every line was most of a page's claim pass.
      let h = 0;
      while (h < hits.length) {
        const lineStart = text.lastIndexOf('\n', hits[h]!.start) + 1;
        const newline = text.indexOf('\n', hits[h]!.start);
        const lineEnd = newline < 0 ? text.length : newline;
        for (const span of splitSentences(text.slice(lineStart, lineEnd))) {
          const sentence = { start: lineStart + span.start, end: lineStart + span.end };
          while (h < hits.length && hits[h]!.start < sentence.start) h++;
          const masks = new Map<number, number>();
          for (; h < hits.length && hits[h]!.start < sentence.end; h++) {
            const hit = hits[h]!;
            if (hit.end > sentence.end) continue;
            for (const ref of refs[hit.phrase]!) {
              masks.set(ref.claim, (masks.get(ref.claim) ?? 0) | ref.groupBit);
            }
          }
          const complete: [number, 'cues' | 'anchors'][] = [];
          for (const [claim, mask] of masks) {
            const shape = shapes[claim]!;
            if (shape.cueMask !== 0 && (mask & shape.cueMask) === shape.cueMask) complete.push([claim, 'cues']);
            else if (shape.anchorNeed > 0 && popcount(mask & shape.anchorMask) >= shape.anchorNeed) complete.push([claim, 'anchors']);
          }
          complete.sort((a, b) => a[0] - b[0]);
          for (const [claim, via] of complete) {
            found.push({
              claimId: claims[claim]!.id,
              start: sentence.start,
              end: sentence.end,
              sentence: text.slice(sentence.start, sentence.end),
              via,
            });
          }
        }
        // Hits of this line outside its sentences (furniture, spaces), then the next line.
        while (h < hits.length && hits[h]!.start < lineEnd) h++;
      }
      return found;
    },
  };
}
