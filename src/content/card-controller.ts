// Opens the card for a mark. Previous/next in the card walk the same entity's (or claim's) marks on
// the page in document order. The card's data is the frame's business (it asks the background):
// this side knows only which mention is showing.
import type { CardMention } from '../shared/frame-messages';
import type { CardHost } from './card-host';
import type { NameBook } from './findings';
import type { Highlighter, Mark } from './highlighter';

export class CardController {
  /** The mark whose card is showing (also where keyboard stepping continues from). */
  current: Mark | null = null;

  constructor(
    private readonly host: CardHost,
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
    const mention: CardMention = {
      id: mark.id,
      kind: mark.kind,
      name: this.names.nameOf(mark.id, mark.kind) ?? mark.text,
      pageSentence: mark.kind === 'claim' ? mark.text : '',
      position: this.position(mark),
      pageUrl: location.href,
    };
    this.host.open(mark.range, mention);
  }

  close(restoreFocus = true): void {
    this.current = null;
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
