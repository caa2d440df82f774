// Finds mentions in the page's text, slice by slice, and turns them into marks. It keeps what the
// page has told us so far: which people it identified, so that a bare surname ("Xi") found in one
// slice resolves once another slice names the person in full. The text is read whole before it is
// matched, so the matcher compiles only what the page's words can match (list-narrower.ts).
import type { ShadowRoots } from '../dom/shadow-roots';
import type { Matcher } from '../../core/matching/matcher';
import type { NarrowingMatcher } from '../../core/matching/narrowing-matcher';
import type { Mention } from '../../core/types';
import { CLAIM_SENTENCE_MAX, type ClaimCandidate, type ClaimVerdictView } from '../../shared/claim-messages';
import type { Highlighter, Mark } from '../highlight/highlighter';
import { swapTo } from '../marks/mark-alternatives';
import { SliceClock, runInSlices } from './scheduler';
import { VisibilityCache } from './exclusions';
import { TextCollector, nodeIndexAt, rangeFor, type TextSlice } from './text-model';
import { copyMark, markInText, startOf } from '../marks/lazy-range';
import { RootsCollector, type SliceSource } from './roots-collector';
import { claimSpot, type ClaimSpot } from '../claims/claim-spot';
import { VerdictMemo } from '../claims/verdict-memo';

/** Slices end at the first block boundary past this many characters (or when time is up). */
const SLICE_CHARS = 4000;
/**
 * A page's first this-many characters (a few screens from the top) are read, compiled for and
 * highlighted before the rest is read at all: on a 20 MB page the rest takes seconds of slices,
 * and what is on screen should not wait for it (issue 14).
 */
export const FIRST_PART_CHARS = 30_000;

interface Candidate {
  mark: Mark;
}

/** Asks the background's scorer which candidate sentences restate their claim. */
export type ClaimJudge = (candidates: ClaimCandidate[]) => Promise<ClaimVerdictView[]>;

interface ClaimCandidateMark {
  spot: ClaimSpot;
  candidate: ClaimCandidate;
  /** Its key in the verdict memo. */
  key: string;
}

/** A slice whose names are marked and whose claim sentences are still to be found. */
interface ClaimSlice {
  slice: TextSlice;
  matcher: Matcher;
}

/** Sentences sent in one message: a page of quotes could hold thousands. */
const JUDGE_BATCH = 500;

export class PageScanner {
  private readonly identified = new Set<string>();
  private candidates: Candidate[] = [];
  private visibility = new VisibilityCache();
  private claimCandidates: ClaimCandidateMark[] = [];
  /**
   * Claim sentences are looked for after the names are marked (issue 14): splitting sentences is
   * no part of painting the names, and claims wait for the background's judge anyway.
   */
  private claimSlices: ClaimSlice[] = [];
  /** The judge's verdicts on this page's sentences so far. */
  private readonly verdicts = new VerdictMemo();

  constructor(
    private readonly matcher: NarrowingMatcher,
    private readonly highlighter: Highlighter,
    private readonly judge: ClaimJudge = async (c) => c.map(() => ({ restates: false, why: '' })),
    /** The open shadow roots the walks read (shadow-roots.ts). */
    private readonly shadowRoots?: ShadowRoots,
  ) {}

  private readonly metShadowRoot = (root: ShadowRoot): void => this.shadowRoots?.met(root);

  /**
   * Scans the visible text under `root`, yielding to the page whenever the clock runs out.
   * `cancelled` is checked between slices so a switched-off page stops promptly. Names are
   * marked when this resolves; the claim sentences it found wait for judgePending(): the
   * background's answer (a model it may still be loading) must never hold the names back.
   */
  async scan(root: Node, clock: SliceClock, cancelled: () => boolean, { onFirstPart }: { onFirstPart?: () => Promise<void> } = {}): Promise<void> {
    // Work before the scan (compiling the matcher) may have used this slice up already.
    await clock.checkpoint();
    const collector = new TextCollector(root, false, this.metShadowRoot);
    this.visibility = new VisibilityCache();
    // With onFirstPart, the page's first characters go first (read, compiled for, highlighted).
    if (onFirstPart) {
      const more = await this.scanPart(collector, clock, cancelled, FIRST_PART_CHARS);
      if (cancelled()) return;
      await onFirstPart();
      if (!more) return;
    }
    await this.scanPart(collector, clock, cancelled, Infinity);
  }

  /**
   * Scans the visible text under each of `roots` (a rescan's), read as one text: one walk, one
   * compile and one matcher pass per slice for all of them, not one per root (BENCHMARKS part 3).
   */
  async scanRoots(roots: Iterable<Node>, clock: SliceClock, cancelled: () => boolean): Promise<void> {
    await clock.checkpoint();
    this.visibility = new VisibilityCache();
    await this.scanPart(new RootsCollector(roots, this.metShadowRoot), clock, cancelled, Infinity);
  }

  /**
   * Reads up to `chars` characters more from `collector`, compiles what their words can match
   * (the matcher only grows: what an earlier part compiled stays), and marks them. Whether the
   * collector has more text.
   */
  private async scanPart(collector: SliceSource, clock: SliceClock, cancelled: () => boolean, chars: number): Promise<boolean> {
    const slices: TextSlice[] = [];
    let read = 0;
    let more = true;
    while (read < chars) {
      if (cancelled()) return false;
      const slice = collector.next(SLICE_CHARS, () => clock.expired());
      if (!slice) {
        more = false;
        break;
      }
      this.matcher.see(slice.text);
      slices.push(slice);
      read += slice.text.length;
      await clock.checkpoint();
    }
    await runInSlices(this.matcher.compileSteps(), clock);
    const matcher = this.matcher.current;
    // Nothing of the list can match these words: no pass over them at all.
    if (!matcher) return more;
    for (const slice of slices) {
      if (cancelled()) return false;
      this.scanSlice(slice, matcher);
      await clock.checkpoint();
    }
    return more;
  }

  /**
   * The claim sentences of the pass go to the background's scorer (off the page's thread, with a
   * model the content script never loads); those that restate their claim become marks. One
   * question for every scan since the last call. The sentences are found first, in the slices
   * the scans since the last call read, yielding to the page whenever `clock` runs out.
   */
  async judgePending(cancelled: () => boolean, clock: SliceClock = new SliceClock(), { sameVisibility = false }: { sameVisibility?: boolean } = {}): Promise<void> {
    const slices = this.claimSlices;
    this.claimSlices = [];
    // A rescan judges right after its scan: the visibility the scan read holds (its own slices
    // reuse it too), and asking each appended block again cost a style check per block.
    if (!sameVisibility) this.visibility = new VisibilityCache();
    for (const { slice, matcher } of slices) {
      if (cancelled()) return;
      await clock.checkpoint();
      this.findClaims(slice, matcher);
    }
    const pending = this.claimCandidates;
    this.claimCandidates = [];
    // A sentence judged before on this page is not asked again, and each distinct one is asked
    // once however often it repeats (verdict-memo.ts); every spot of it gets the verdict.
    const known: Mark[] = [];
    const asked = new Map<string, ClaimCandidateMark[]>();
    for (const p of pending) {
      const key = p.key;
      const verdict = this.verdicts.get(key);
      if (verdict) {
        const mark = markFor(p.spot, verdict);
        if (mark) known.push(mark);
        continue;
      }
      const same = asked.get(key);
      if (same) same.push(p);
      else asked.set(key, [p]);
    }
    if (known.length > 0) this.highlighter.add(known);
    const questions = [...asked];
    for (let from = 0; from < questions.length; from += JUDGE_BATCH) {
      const batch = questions.slice(from, from + JUDGE_BATCH);
      let verdicts: ClaimVerdictView[];
      try {
        verdicts = await clock.wait(this.judge(batch.map(([, spots]) => spots[0]!.candidate)));
      } catch {
        return; // no verdict, no claim marks: the names stay marked
      }
      if (cancelled()) return;
      const marks: Mark[] = [];
      batch.forEach(([key, spots], i) => {
        const verdict = verdicts[i];
        if (!verdict || typeof verdict.restates !== 'boolean' || typeof verdict.why !== 'string') return;
        this.verdicts.set(key, verdict);
        for (const { spot } of spots) {
          const mark = markFor(spot, verdict);
          if (mark) marks.push(mark);
        }
      });
      if (marks.length > 0) this.highlighter.add(marks);
    }
  }

  /** Forgets surname candidates inside the given roots (they are about to be rescanned). */
  forgetCandidatesUnder(isUnderRoot: (node: Node) => boolean): void {
    this.candidates = this.candidates.filter((c) => !isUnderRoot(startOf(c.mark).node));
    // Claim sentences not yet judged there (rescans judge later, together): the rescan finds them again.
    this.claimCandidates = this.claimCandidates.filter((c) => !isUnderRoot(c.spot.startNode));
    this.claimSlices = this.claimSlices.filter((c) => !c.slice.nodes.some(isUnderRoot));
  }

  reset(): void {
    this.identified.clear();
    this.verdicts.clear();
    this.candidates = [];
    this.claimCandidates = [];
    this.claimSlices = [];
  }

  private scanSlice(slice: TextSlice, matcher: Matcher): void {
    const result = matcher.scan(slice.text, this.identified);
    const marks: Mark[] = [];
    for (const mention of result.mentions) {
      const mark = this.toMark(slice, mention);
      if (mark) marks.push(mark);
    }
    this.claimSlices.push({ slice, matcher });
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

  private findClaims(slice: TextSlice, matcher: Matcher): void {
    for (const claim of matcher.findClaims(slice.text)) {
      const candidate: ClaimCandidate = { claimId: claim.claimId, sentence: claim.sentence.slice(0, CLAIM_SENTENCE_MAX), via: claim.via ?? 'cues' };
      const key = VerdictMemo.keyOf(candidate);
      // A sentence the judge already refused on this page makes no mark wherever it is: no DOM
      // position, no visibility check (a live page repeats its standing lines in every update).
      if (this.verdicts.get(key)?.restates === false) continue;
      const spot = claimSpot(slice, claim.start, claim.end, claim.claimId);
      if (!spot || !this.isShownAt(spot.startNode, spot.endNode)) continue;
      this.claimCandidates.push({ spot, candidate, key });
    }
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
    return this.isShownAt(range.startContainer, range.endContainer);
  }

  private isShownAt(startNode: Node, endNode: Node): boolean {
    const start = startNode.parentElement;
    const end = endNode.parentElement;
    return Boolean(start && end && this.visibility.isVisible(start) && (end === start || this.visibility.isVisible(end)));
  }

  private toMark(slice: TextSlice, mention: Mention): Mark | null {
    const alternatives = mention.alternatives?.map((a) => ({ id: a.entityId, kind: a.kind }));
    // In one text node (nearly every name): no Range until one is needed (lazy-range.ts).
    const a = nodeIndexAt(slice, mention.start);
    if (mention.end > mention.start && a === nodeIndexAt(slice, mention.end - 1)) {
      const node = slice.nodes[a]!;
      const start = mention.start - slice.starts[a]!;
      const end = mention.end - slice.starts[a]!;
      if (end > node.length || !this.isShownAt(node, node)) return null;
      return markInText(node, start, end, mention.kind, mention.entityId, node.data.slice(start, end), alternatives);
    }
    const range = rangeFor(slice, mention.start, mention.end);
    if (!range || !this.isShown(range)) return null;
    const mark: Mark = { range, kind: mention.kind, id: mention.entityId, text: range.toString() };
    if (alternatives) mark.alternatives = alternatives;
    return mark;
  }
}

/** The claim mark of a judged sentence that restates its claim; null if not, or if the page changed it meanwhile. */
function markFor(spot: ClaimSpot, verdict: ClaimVerdictView): Mark | null {
  if (verdict.restates !== true) return null;
  const mark = spot.toMark();
  return mark ? copyMark(mark, { why: verdict.why }) : null;
}
