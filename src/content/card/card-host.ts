// The card on the page: an extension page in a frame (frames/frame-host.ts), placed beside the
// mention. The content script tells it which mention (entity or claim id, name, which of how many)
// and the frame asks the background for the dossier itself: no history, quote or claim passes
// through the page's document. Placement, following the page's scrolling, focus and giving focus
// back are ours; the page may remove the host, and the next open makes a new one.
import type { CardMention, FromFrame } from '../../shared/frame-messages';
import { frameAddress, type FrameAddress } from '../frames/frame-address';
import { FrameHost } from '../frames/frame-host';

/** The card's width, as its style sheet had it in the page. */
const CARD_WIDTH = 360;

export interface CardHostHooks {
  /** Esc or Close in the card. */
  onClose(): void;
  /** Previous / next mention of the same entity or claim. */
  onStep(direction: 1 | -1): void;
  /** The reader chose another entity the words may name. */
  onChoose(id: string): void;
}

export class CardHost {
  private readonly frame: FrameHost;
  private readonly listeners = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly hooks: CardHostHooks,
    address: () => FrameAddress = () => frameAddress('card'),
  ) {
    this.frame = new FrameHost(doc, { address, title: 'Dossier card', width: CARD_WIDTH, keep: true, onMessage: (m) => this.onMessage(m) });
    const view = doc.defaultView;
    const follow = (): void => this.frame.reposition();
    view?.addEventListener('scroll', follow, { passive: true, capture: true, signal: this.listeners.signal });
    view?.addEventListener('resize', follow, { passive: true, signal: this.listeners.signal });
    // Focus may fall back to <body> (a click on nothing): the reader's Esc still closes the card.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!event.isTrusted || event.key !== 'Escape' || !this.isOpen) return;
        const active = doc.activeElement;
        // The host itself: the page holds focus on the element that has our frame (window.find…).
        if (active === doc.body || active === null || this.frame.isHostNode(active)) {
          event.stopPropagation();
          this.hooks.onClose();
        }
      },
      { capture: true, signal: this.listeners.signal },
    );
  }

  get isOpen(): boolean {
    return this.frame.isOpen;
  }

  /** True for the host itself (what the page's DOM sees of the card). */
  isHostNode(node: Node): boolean {
    return this.frame.isHostNode(node);
  }

  /** Loads the card's frame, hidden, ahead of the first open (the reader's press on a highlight). */
  prepare(): void {
    this.frame.prepare();
  }

  /** Shows `mention`'s card beside `anchor` and moves focus into it. */
  open(anchor: Range, mention: CardMention): void {
    this.frame.showWithFocus(() => (anchor.startContainer.isConnected ? anchor.getBoundingClientRect() : null), { type: 'card', mention });
  }

  /** Closes the card; focus returns where it was unless the reader has moved it elsewhere. */
  close(restoreFocus = true): void {
    this.frame.closeAndReturnFocus(restoreFocus);
  }

  destroy(): void {
    this.close(false);
    this.listeners.abort();
  }

  private onMessage(message: FromFrame): void {
    if (message.type === 'close') this.hooks.onClose();
    else if (message.type === 'step') this.hooks.onStep(message.direction);
    else if (message.type === 'choose') this.hooks.onChoose(message.id);
  }
}
