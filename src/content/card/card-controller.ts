// Opens the card for a mark. Previous/next in the card walk the same entity's (or claim's) marks on
// the page in document order. The card's data is the frame's business (it asks the background):
// this side knows only which mention is showing.
import type { CardMention } from '../../shared/frame-messages';
import type { CardSurface } from './lazy-card-host';
import type { NameBook } from '../findings';
import type { Highlighter, Mark } from '../highlight/highlighter';
import { swapTo } from '../marks/mark-alternatives';

export class CardController {
  /** The mark whose card is showing (also where keyboard stepping continues from). */
  current: Mark | null = null;
  /** Told whenever the card's mark changes (null: closed), to paint the open claim in full. */
  onCurrentChange: (mark: Mark | null) => void = () => {};

  constructor(
    private readonly host: CardSurface,
    private readonly highlighter: Highlighter,
    private readonly names: NameBook,
  ) {}

  /** Marks of the same entity or claim as `mark`, in document order. */
  private siblings(mark: Mark): Mark[] {
    return this.highlighter.inOrder().filter((m) => m.id === mark.id && m.kind === mark.kind);
  }

  private position(mark: Mark): { index: number; count: number } {
    const same = this.siblings(mark);
    return { index: Math.max(0, same.indexOf(mark)), count: same.length };
  }

  open(mark: Mark): void {
    this.current = mark;
    this.onCurrentChange(mark);
    const alternatives = (mark.alternatives ?? []).flatMap((a) =>
      a.kind === 'claim' ? [] : [{ id: a.id, kind: a.kind, name: this.names.nameOf(a.id, a.kind) ?? a.id }],
    );
    const mention: CardMention = {
      id: mark.id,
      kind: mark.kind,
      name: this.names.nameOf(mark.id, mark.kind) ?? mark.text,
      pageSentence: mark.kind === 'claim' ? mark.text : '',
      position: this.position(mark),
      pageUrl: location.href,
      ...(mark.kind === 'claim' && mark.why ? { why: mark.why } : {}),
      ...(alternatives.length > 0 ? { alternatives } : {}),
    };
    this.host.open(mark.range, mention);
  }

  /** The card of another entity the current mention may name, on the same words. */
  openAlternative(id: string): void {
    const alternative = this.current?.alternatives?.find((a) => a.id === id);
    if (this.current && alternative) this.open(swapTo(this.current, alternative));
  }

  /** The open card's mention was re-made by a rescan: the card stays, on the new mark. */
  follow(mark: Mark): void {
    if (!this.current) return;
    this.current = mark;
    this.onCurrentChange(mark);
  }

  close(restoreFocus = true): void {
    this.current = null;
    this.onCurrentChange(null);
    this.host.close(restoreFocus);
  }

  /** The card's previous / next buttons. */
  stepWithin(direction: 1 | -1): void {
    if (!this.current) return;
    const same = this.siblings(this.current);
    if (same.length === 0) return;
    const at = same.indexOf(this.current);
    const next = same[(at + direction + same.length) % same.length]!;
    revealRange(next.range);
    this.open(next);
  }
}

/** Scrolls a mention into the middle of the view and selects it, so the reader sees where it is. */
export function revealRange(range: Range): void {
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
  const selection = document.getSelection();
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(range.cloneRange());
  }
}
