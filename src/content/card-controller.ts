// Opens the card for a mark: loading state at once, then the background's data. Previous/next in
// the card walk the same entity's (or claim's) marks on the page in document order.
import type { CardCallbacks, CardState } from '../ui/card/index';
import { toCardQuotes, toClaimCardData, toEntityCardData } from './card-data';
import type { CardHost } from './card-host';
import type { NameBook } from './findings';
import type { Highlighter, Mark } from './highlighter';
import { OrphanedError, askBackground } from './messaging';
import { swapTo } from './mark-alternatives';

export class CardController {
  /** The mark whose card is showing (also where keyboard stepping continues from). */
  current: Mark | null = null;
  /** Told whenever the card's mark changes (null: closed), to paint the open claim in full. */
  onCurrentChange: (mark: Mark | null) => void = () => {};
  /** Replies to an older request are ignored. */
  private request = 0;
  /** What the card shows now, so "show more" can add to it. */
  private shown: CardState | null = null;
  private loadingMore = false;

  constructor(
    private readonly host: CardHost,
    private readonly highlighter: Highlighter,
    private readonly names: NameBook,
    private readonly onOrphaned: () => void,
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
    const token = ++this.request;
    const name = this.names.nameOf(mark.id, mark.kind) ?? mark.text;
    this.shown = null;
    this.host.open(mark.range, { status: 'loading', name, kind: mark.kind }, this.callbacks());
    void this.load(mark).then((state) => {
      if (token !== this.request || !this.host.isOpen) return;
      this.shown = state;
      this.host.update(state);
    });
  }

  private callbacks(): CardCallbacks {
    return {
      onPrevious: () => this.stepWithin(-1),
      onNext: () => this.stepWithin(1),
      onClose: () => this.close(),
      onMoreQuotes: (which) => void this.moreQuotes(which),
      onChooseAlternative: (id) => this.openAlternative(id),
    };
  }

  /** The card of another entity the current mention may name, on the same words. */
  private openAlternative(id: string): void {
    const alternative = this.current?.alternatives?.find((a) => a.id === id);
    if (this.current && alternative) this.open(swapTo(this.current, alternative));
  }

  /** "Show more": the next page of one quote section, appended to what the card shows. */
  private async moreQuotes(which: 'by' | 'about'): Promise<void> {
    const state = this.shown;
    if (state?.status !== 'entity' || this.loadingMore) return;
    const token = this.request;
    const key = which === 'by' ? 'quotesBy' : 'quotesAbout';
    this.loadingMore = true;
    try {
      const reply = toCardQuotes(await askBackground('card/quotes', { entityId: state.data.entity.id, which, offset: state.data[key].length }));
      if (token !== this.request || !this.host.isOpen || this.shown !== state) return;
      const seen = new Set(state.data[key].map((q) => q.id));
      const quotes = [...state.data[key], ...reply.quotes.filter((q) => !seen.has(q.id))];
      const totalKey = which === 'by' ? 'quotesByTotal' : 'quotesAboutTotal';
      const next: CardState = { ...state, data: { ...state.data, [key]: quotes, [totalKey]: reply.total } };
      this.shown = next;
      this.host.update(next);
    } catch (error) {
      if (error instanceof OrphanedError) this.onOrphaned();
    } finally {
      this.loadingMore = false;
    }
  }

  /** The open card's mention was re-made by a rescan: the card stays, on the new mark. */
  follow(mark: Mark): void {
    if (!this.current) return;
    this.current = mark;
    this.onCurrentChange(mark);
  }

  close(restoreFocus = true): void {
    this.request++;
    this.current = null;
    this.onCurrentChange(null);
    this.shown = null;
    this.host.close(restoreFocus);
  }

  private stepWithin(direction: 1 | -1): void {
    if (!this.current) return;
    const same = this.siblings(this.current);
    if (same.length === 0) return;
    const at = same.indexOf(this.current);
    const next = same[(at + direction + same.length) % same.length]!;
    revealRange(next.range);
    this.open(next);
  }

  private async load(mark: Mark): Promise<CardState> {
    try {
      if (mark.kind === 'claim') {
        const data = toClaimCardData(await askBackground('card/claim', { claimId: mark.id }));
        return { status: 'claim', data, pageSentence: mark.text, why: mark.why, position: this.position(mark) };
      }
      const data = toEntityCardData(await askBackground('card/entity', { entityId: mark.id, url: location.href }));
      const alternatives = (mark.alternatives ?? []).flatMap((a) =>
        a.kind === 'claim' ? [] : [{ id: a.id, kind: a.kind, name: this.names.nameOf(a.id, a.kind) ?? a.id }],
      );
      return { status: 'entity', data, position: this.position(mark), ...(alternatives.length > 0 ? { alternatives } : {}) };
    } catch (error) {
      if (error instanceof OrphanedError) {
        this.onOrphaned();
        return { status: 'error', message: 'Dossier was updated or removed. Reload the page to use it again.' };
      }
      return { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
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
