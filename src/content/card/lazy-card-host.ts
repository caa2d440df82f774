// The card on the page, with its code loaded when first needed (issue 14): the frame code is not
// evaluated on the way to a page's first highlights. ContentApp loads it once the page is idle after
// them; the reader's press on a highlight (trusted events only), a command or the popup load it at
// once if it is not there yet. A page script cannot make it load earlier than the idle time, and
// loading it only makes the state every page with highlights reaches anyway.
import type { CardMention } from '../../shared/frame-messages';
import type { CardHost, CardHostHooks } from './card-host';
import { loadChunk } from '../runtime/chunks';

/** What CardController needs of the card. */
export interface CardSurface {
  open(anchor: Range, mention: CardMention): void;
  close(restoreFocus?: boolean): void;
}

export class LazyCardHost implements CardSurface {
  private host: CardHost | null = null;
  private loading: Promise<CardHost | null> | null = null;
  private destroyed = false;
  /** The card asked for while the code loads: the last ask wins, a close drops it. */
  private pending: { anchor: Range; mention: CardMention } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly hooks: CardHostHooks,
    private readonly onError: (error: unknown) => void,
  ) {}

  get isOpen(): boolean {
    return this.host?.isOpen ?? false;
  }

  /** True for the card's host element (none exists before the code is loaded). */
  isHostNode(node: Node): boolean {
    return this.host?.isHostNode(node) ?? false;
  }

  /** Loads the card's code once (a failure may be retried by the next ask). */
  load(): Promise<CardHost | null> {
    this.loading ??= loadChunk('card').then(
      ({ CardHost }) => {
        if (this.destroyed) return null;
        this.host ??= new CardHost(this.doc, this.hooks);
        return this.host;
      },
      (error: unknown) => {
        this.loading = null;
        this.onError(error);
        return null;
      },
    );
    return this.loading;
  }

  /** Loads the card's frame, hidden, ahead of the first open (the reader's press on a highlight). */
  prepare(): void {
    if (this.host) return this.host.prepare();
    void this.load().then((host) => host?.prepare());
  }

  open(anchor: Range, mention: CardMention): void {
    if (this.host) return this.host.open(anchor, mention);
    this.pending = { anchor, mention };
    void this.load().then((host) => {
      const wanted = this.pending;
      this.pending = null;
      if (host && wanted) host.open(wanted.anchor, wanted.mention);
    });
  }

  close(restoreFocus = true): void {
    this.pending = null;
    this.host?.close(restoreFocus);
  }

  destroy(): void {
    this.destroyed = true;
    this.pending = null;
    this.host?.destroy();
  }
}
