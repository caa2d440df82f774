// Finds mentions in the page's text, slice by slice, and turns them into marks. It keeps what the
// page has told us so far: which people it identified, so that a bare surname ("Xi") found in one
// slice resolves once another slice names the person in full. The text is read whole before it is
// matched, so the matcher compiles only what the page's words can match (list-narrower.ts).
import type { Matcher } from '../core/matcher';
import type { NarrowingMatcher } from '../core/narrowing-matcher';
import type { Mention } from '../core/types';
import type { Highlighter, Mark } from './highlighter';
import { swapTo } from './mark-alternatives';
import { runInSlices, type SliceClock } from './scheduler';
import { VisibilityCache } from './exclusions';
import { TextCollector, rangeFor, type TextSlice } from './text-model';

/** Slices end at the first block boundary past this many characters (or when time is up). */
const SLICE_CHARS = 4000;

interface Candidate {
  mark: Mark;
}

export class PageScanner {
  private readonly identified = new Set<string>();
  private candidates: Candidate[] = [];
  private visibility = new VisibilityCache();

  constructor(
    private readonly matcher: NarrowingMatcher,
    private readonly highlighter: Highlighter,
  ) {}

  /**
   * Scans the visible text under `root`, yielding to the page whenever the clock runs out.
   * `cancelled` is checked between slices so a switched-off page stops promptly.
   */
  async scan(root: Node, clock: SliceClock, cancelled: () => boolean): Promise<void> {
    // Work before the scan (compiling the matcher) may have used this slice up already.
    await clock.checkpoint();
    const collector = new TextCollector(root, false);
    this.visibility = new VisibilityCache();
    const slices: TextSlice[] = [];
    for (;;) {
      if (cancelled()) return;
      const slice = collector.next(SLICE_CHARS, () => clock.expired());
      if (!slice) break;
      this.matcher.see(slice.text);
      slices.push(slice);
      await clock.checkpoint();
    }
    await runInSlices(this.matcher.compileSteps(), clock);
    const matcher = this.matcher.current;
    // Nothing of the list can match these words: no pass over them at all.
    if (!matcher) return;
    for (const slice of slices) {
      if (cancelled()) return;
      this.scanSlice(slice, matcher);
      await clock.checkpoint();
    }
  }

  /** Forgets surname candidates inside the given roots (they are about to be rescanned). */
  forgetCandidatesUnder(isUnderRoot: (node: Node) => boolean): void {
    this.candidates = this.candidates.filter((c) => !isUnderRoot(c.mark.range.startContainer));
  }

  reset(): void {
    this.identified.clear();
    this.candidates = [];
  }

  private scanSlice(slice: TextSlice, matcher: Matcher): void {
    const result = matcher.scan(slice.text, this.identified);
    const marks: Mark[] = [];
    for (const mention of result.mentions) {
      const mark = this.toMark(slice, mention);
      if (mark) marks.push(mark);
    }
    for (const claim of matcher.findClaims(slice.text)) {
      const range = rangeFor(slice, claim.start, claim.end);
      if (range && this.isShown(range)) marks.push({ range, kind: 'claim', id: claim.claimId, text: range.toString() });
    }
    for (const mention of result.unresolved) {
      const mark = this.toMark(slice, mention);
      if (mark) this.candidates.push({ mark });
    }
    let learnt = false;
    for (const id of result.identified) {
      if (!this.identified.has(id)) {
        this.identified.add(id);
        learnt = true;
      }
    }
    if (learnt) marks.push(...this.resolveCandidates());
    this.highlighter.add(marks);
  }

  /** Candidates whose person is now identified become marks; stale ones are dropped. */
  private resolveCandidates(): Mark[] {
    const resolved: Mark[] = [];
    const waiting: Candidate[] = [];
    for (const candidate of this.candidates) {
      const { mark } = candidate;
      if (mark.range.collapsed || mark.range.toString() !== mark.text) continue;
      const identified = [mark, ...(mark.alternatives ?? [])].find((m) => this.identified.has(m.id));
      if (identified) resolved.push(identified === mark ? mark : swapTo(mark, identified));
      else waiting.push(candidate);
    }
    this.candidates = waiting;
    return resolved;
  }

  private isShown(range: Range): boolean {
    const start = range.startContainer.parentElement;
    const end = range.endContainer.parentElement;
    return Boolean(start && end && this.visibility.isVisible(start) && (end === start || this.visibility.isVisible(end)));
  }

  private toMark(slice: TextSlice, mention: Mention): Mark | null {
    const range = rangeFor(slice, mention.start, mention.end);
    if (!range || !this.isShown(range)) return null;
    const mark: Mark = { range, kind: mention.kind, id: mention.entityId, text: range.toString() };
    if (mention.alternatives) mark.alternatives = mention.alternatives.map((a) => ({ id: a.entityId, kind: a.kind }));
    return mark;
  }
}

