// A figure the claim leaves implicit: "met 42 times over the previous decade" counts one decade,
// so "over the previous two decades" changes a figure although every number the claim writes is
// there. The figure rule (features.ts) compares only written numbers; this compares the counts
// written before a unit of time, where one side writes one and the other writes none.
import { lemmaCandidates, numberOf, type Analysis } from './text';

const UNITS: ReadonlySet<string> = new Set(['decade', 'year', 'month', 'week', 'day', 'century', 'hour', 'minute', 'quarter']);

/** Ordinals name a unit ("the third quarter"), they do not count them. */
const ORDINALS: ReadonlySet<string> = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);

/**
 * For each unit of time the text names: the cardinal counts written before it, undefined for a
 * bare singular ("the previous decade": one). A bare plural ("in recent years", "the next few
 * years") counts nothing: MSRP's annotators take "few years" and "four years" for a paraphrase.
 */
function unitCounts(a: Analysis): Map<string, (number | undefined)[]> {
  const out = new Map<string, (number | undefined)[]>();
  a.tokens.forEach((t, i) => {
    const unit = lemmaCandidates(t.lower).find((l) => UNITS.has(l)) ?? (t.lower === 'centuries' ? 'century' : undefined);
    if (!unit) return;
    const previous = i > 0 ? a.tokens[i - 1]! : undefined;
    if (previous && ORDINALS.has(previous.lower)) return;
    const before = previous ? numberOf(previous) : undefined;
    if (before === undefined && t.lower !== unit) return;
    const counts = out.get(unit) ?? [];
    counts.push(before);
    out.set(unit, counts);
  });
  return out;
}

/** Whether a unit of time both name has a count other than one on one side and none on the other. */
export function unitFigureChanged(claim: Analysis, sentence: Analysis): boolean {
  const inClaim = unitCounts(claim);
  const inSentence = unitCounts(sentence);
  const countedOnly = (counts: readonly (number | undefined)[]) => counts.every((c) => c !== undefined);
  const bareOnly = (counts: readonly (number | undefined)[]) => counts.every((c) => c === undefined);
  for (const [unit, claimCounts] of inClaim) {
    const sentenceCounts = inSentence.get(unit);
    if (!sentenceCounts) continue;
    if (bareOnly(claimCounts) && countedOnly(sentenceCounts) && sentenceCounts.some((c) => c !== 1)) return true;
    if (bareOnly(sentenceCounts) && countedOnly(claimCounts) && claimCounts.some((c) => c !== 1)) return true;
  }
  return false;
}
