// The judge's verdicts already given on this page. A live page repeats sentences (bylines,
// captions, a standing line under every update), and each repeat was sent to the background again:
// the question and its reply's continuation were ~a third of an append's cost (BENCHMARKS part 3).
// The judge's verdict depends only on the claim, how it was found and the sentence
// (background/claim-judge.ts), so a repeat is answered here. Cleared when the page is switched on
// again (the claims may have changed meanwhile); bounded, so a page of endless distinct sentences
// keeps only the latest.
import type { ClaimCandidate, ClaimVerdictView } from '../../shared/claim-messages';

/** Verdicts kept at most (the oldest go first). */
export const VERDICT_MEMO_MAX = 2000;

export class VerdictMemo {
  private readonly verdicts = new Map<string, ClaimVerdictView>();

  constructor(private readonly max = VERDICT_MEMO_MAX) {}

  /** The key under which a candidate's verdict is kept: everything the judge reads of it. */
  static keyOf(candidate: ClaimCandidate): string {
    return `${candidate.claimId}\u0000${candidate.via}\u0000${candidate.sentence}`;
  }

  get(key: string): ClaimVerdictView | undefined {
    return this.verdicts.get(key);
  }

  set(key: string, verdict: ClaimVerdictView): void {
    if (this.verdicts.size >= this.max && !this.verdicts.has(key)) {
      const oldest = this.verdicts.keys().next();
      if (!oldest.done) this.verdicts.delete(oldest.value);
    }
    this.verdicts.set(key, verdict);
  }

  clear(): void {
    this.verdicts.clear();
  }
}
