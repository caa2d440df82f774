// The judge's verdicts, kept for the page that asked. A page asks again about sentences it has
// asked about: its rescans (a live page re-reads what changed around them), and sentences it
// repeats (a summary, a pull quote, the same paragraph in every update of a live blog); on a page
// holding the seed article 467 times, re-judging each copy held its first scan 40 s behind the
// background. The memo is per page: a verdict seen on one page must not answer, faster, a page of
// another site, which could time it to learn what the reader read elsewhere.
import type { ClaimVerdictView } from '../shared/claim-messages';

/** Verdicts kept at most, and the characters of their keys: ~2 MB of strings at worst. */
const MAX_VERDICTS = 4000;
const MAX_KEY_CHARS = 1_000_000;

export class VerdictMemo {
  /** Insertion order is use order: a hit moves its entry to the end, the first entry goes first. */
  private readonly kept = new Map<string, ClaimVerdictView>();
  private chars = 0;

  constructor(
    private readonly maxVerdicts = MAX_VERDICTS,
    private readonly maxKeyChars = MAX_KEY_CHARS,
  ) {}

  /** What decides a verdict: the asking page, the claim's statement, how it was found, the sentence. */
  static key(page: string, statement: string, via: string, sentence: string): string {
    return `${page}\u0000${statement}\u0000${via}\u0000${sentence}`;
  }

  get(key: string): ClaimVerdictView | undefined {
    const verdict = this.kept.get(key);
    if (verdict === undefined) return undefined;
    this.kept.delete(key);
    this.kept.set(key, verdict);
    return verdict;
  }

  set(key: string, verdict: ClaimVerdictView): void {
    if (key.length > this.maxKeyChars) return;
    if (this.kept.delete(key)) this.chars -= key.length;
    this.kept.set(key, verdict);
    this.chars += key.length;
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.maxVerdicts && this.chars <= this.maxKeyChars) break;
      this.kept.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  clear(): void {
    this.kept.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.kept.size;
  }
}
