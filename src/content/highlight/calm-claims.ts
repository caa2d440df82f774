// The quiet marking of claims (see highlight-look.ts): each claim's first words as its visible
// mark (the "lead"), and the whole sentence only while its card is open. Two highlights of their
// own beside the Highlighter's; claims are few on a page (tens), so every lead is registered, not
// only those near the viewport.
import type { MentionKind } from '../../core/types';
import { highlightName } from './highlight-styles';
import type { Mark } from './highlighter';
import type { PaintedElements } from './painted-elements';

/** The lead covers up to this many words and characters of the claim, within its first text node. */
const LEAD_WORDS = 3;
const LEAD_MAX_CHARS = 32;

export const claimLeadName = (): string => `${highlightName('claim')}-lead`;
export const claimActiveName = (): string => `${highlightName('claim')}-active`;

/** The claim's first words, as a range inside its first text node (a link or <em> ends it early). */
export function leadRange(claim: Range): Range {
  const lead = claim.cloneRange();
  const node = claim.startContainer;
  if (!(node instanceof Text)) return lead;
  const from = claim.startOffset;
  const until = node === claim.endContainer ? claim.endOffset : node.length;
  const text = node.data.slice(from, Math.min(until, from + LEAD_MAX_CHARS));
  // The end of the LEAD_WORDS-th word, or the whole slice.
  const words = [...text.matchAll(/\S+/g)].slice(0, LEAD_WORDS);
  const last = words.at(-1);
  const end = last ? from + last.index + last[0].length : from + text.length;
  lead.setEnd(node, Math.max(from, end));
  return lead;
}

export class CalmClaims {
  private readonly lead = new Highlight();
  private readonly active = new Highlight();
  private readonly leads = new Map<Mark, Range>();
  private readonly leadHolders = new Map<Mark, Element | null>();
  private activeHolder: Element | null = null;
  private last: readonly Mark[] = [];
  /** The claim marks with their lead as range, in document order: for hit-testing. */
  private leadMarks: Mark[] = [];
  private shown = false;

  /** `elements`: the Highlighter's, whose attribute our rules hang from (painted-elements.ts). */
  constructor(private readonly elements: PaintedElements) {
    // Names inside a claim paint over it (they have priority 1 in the Highlighter).
    this.lead.priority = 0;
    this.active.priority = 0;
  }

  /** Follows the Highlighter's claim marks (in document order); cheap when they did not change. */
  sync(claims: readonly Mark[]): void {
    if (claims === this.last) return;
    this.last = claims;
    const now = new Set(claims);
    for (const [mark, range] of this.leads) {
      if (now.has(mark)) continue;
      this.lead.delete(range);
      this.leads.delete(mark);
      this.elements.release(this.leadHolders.get(mark));
      this.leadHolders.delete(mark);
    }
    this.leadMarks = claims.map((mark) => {
      let range = this.leads.get(mark);
      if (!range) {
        range = leadRange(mark.range);
        this.leads.set(mark, range);
        this.lead.add(range);
        this.leadHolders.set(mark, this.elements.hold(range));
      }
      return { ...mark, range };
    });
  }

  /** The claim whose lead is at the point: a claim opens from its visible mark, not from plain-looking text. */
  claimLeads(): readonly Mark[] {
    return this.leadMarks;
  }

  /** The original claim mark of a lead mark from claimLeads(). */
  claimOf(leadMark: Mark): Mark | undefined {
    for (const [mark, range] of this.leads) if (range === leadMark.range) return mark;
    return undefined;
  }

  /** Paints the whole sentence of the claim whose card is open (null: none). */
  setActive(mark: Mark | null): void {
    this.active.clear();
    const before = this.activeHolder;
    this.activeHolder = null;
    if (mark?.kind === ('claim' satisfies MentionKind)) {
      this.active.add(mark.range);
      this.activeHolder = this.elements.hold(mark.range);
    }
    this.elements.release(before);
  }

  ensureRegistered(): void {
    if (!this.shown) this.shown = true;
    if (CSS.highlights.get(claimLeadName()) !== this.lead) CSS.highlights.set(claimLeadName(), this.lead);
    if (CSS.highlights.get(claimActiveName()) !== this.active) CSS.highlights.set(claimActiveName(), this.active);
  }

  hide(): void {
    this.shown = false;
    if (CSS.highlights.get(claimLeadName()) === this.lead) CSS.highlights.delete(claimLeadName());
    if (CSS.highlights.get(claimActiveName()) === this.active) CSS.highlights.delete(claimActiveName());
  }

  clear(): void {
    this.lead.clear();
    this.active.clear();
    for (const element of this.leadHolders.values()) this.elements.release(element);
    this.elements.release(this.activeHolder);
    this.leadHolders.clear();
    this.activeHolder = null;
    this.leads.clear();
    this.leadMarks = [];
    this.last = [];
  }
}
