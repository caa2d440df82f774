// The element that carries the card: a custom-named element on documentElement with a closed
// shadow root, placed beside the mention. The card's content and styles are the UI's (mountCard,
// loaded on first use: see chunks.ts); placement, focus and Esc are ours. The page may remove or
// restyle the host: we recreate it on the next open and pin the few properties we depend on with
// !important.
import type { CardCallbacks, CardState, mountCard } from '../ui/card/index';
import { CARD_HOST_TAG } from './exclusions';

export type MountCard = typeof mountCard;

/**
 * The host's own box, each property !important so page rules (even `* { all: unset }` or
 * `!important` ones) cannot move, hide or shrink it. Not `all: initial`: in an inline style that
 * shorthand keeps `inset` pinned and later `top`/`left` updates never apply.
 */
const HOST_STYLE: readonly [string, string][] = [
  ['position', 'fixed'],
  ['top', '0px'],
  ['left', '0px'],
  ['right', 'auto'],
  ['bottom', 'auto'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['max-width', 'calc(100vw - 16px)'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['float', 'none'],
  ['pointer-events', 'auto'],
  ['contain', 'none'],
];

const GAP = 8;
const MARGIN = 8;

type Mounted = ReturnType<typeof mountCard>;

export class CardHost {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mounted: Mounted | null = null;
  private anchor: Range | null = null;
  /** Where focus was before the card took it, to give it back on close. */
  private returnFocusTo: Element | null = null;
  private readonly listeners = new AbortController();
  /** The UI, once its chunk has loaded. */
  private ui: MountCard | null = null;
  /** What to show as soon as the UI arrives (the card is open, its code still loading). */
  private waiting: { state: CardState; callbacks: CardCallbacks } | null = null;
  /** The card shows that its code could not be loaded (plain text, no UI). */
  private failed = false;

  constructor(
    private readonly doc: Document,
    private readonly onEscape: () => void,
    private readonly loadUi: () => Promise<MountCard>,
  ) {
    const view = doc.defaultView;
    const follow = (): void => this.place();
    view?.addEventListener('scroll', follow, { passive: true, capture: true, signal: this.listeners.signal });
    view?.addEventListener('resize', follow, { passive: true, signal: this.listeners.signal });
    // Focus may fall back to <body> (a remounted dialog, a click on nothing): Esc still closes.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape' || !this.isOpen) return;
        const active = doc.activeElement;
        if (active === this.host || active === doc.body || active === null) {
          event.stopPropagation();
          this.onEscape();
        }
      },
      { capture: true, signal: this.listeners.signal },
    );
  }

  get isOpen(): boolean {
    return this.mounted !== null || this.waiting !== null || this.failed;
  }

  /** Loads the UI ahead of the first click (idle time on a page with highlights). */
  prepare(): void {
    if (!this.ui) void this.loadUi().then((ui) => (this.ui ??= ui), () => {});
  }

  /** True for the host itself (what the page's DOM sees of the card). */
  isHostNode(node: Node): boolean {
    return node === this.host;
  }

  /** Shows `state` beside `anchor` and moves focus into the card. */
  open(anchor: Range, state: CardState, callbacks: CardCallbacks): void {
    if (!this.isOpen) {
      const active = this.doc.activeElement;
      this.returnFocusTo = active && active !== this.doc.body ? active : null;
    }
    this.anchor = anchor;
    if (!this.host?.isConnected || !this.root) {
      // The page removed our host: the old card lives in a detached root, so mount afresh.
      this.mounted?.unmount();
      this.mounted = null;
      this.createHost();
    }
    if (this.failed) {
      // The last try could not load the card's code: try again on a clean root.
      this.failed = false;
      this.root?.replaceChildren();
    }
    if (this.mounted) this.mounted.update(state);
    else if (this.ui) this.mounted = this.ui(this.root!, state, callbacks);
    else return this.mountWhenLoaded(state, callbacks);
    this.place();
    this.focusDialog();
  }

  private mountWhenLoaded(state: CardState, callbacks: CardCallbacks): void {
    const first = this.waiting === null;
    this.waiting = { state, callbacks };
    if (!first) return;
    this.loadUi().then(
      (ui) => {
        this.ui ??= ui;
        const waiting = this.waiting;
        this.waiting = null;
        // Closed meanwhile, or the page removed the host: the next open starts afresh.
        if (!waiting || !this.root || !this.host?.isConnected) return;
        this.mounted = this.ui(this.root, waiting.state, waiting.callbacks);
        this.place();
        this.focusDialog();
      },
      (error: unknown) => {
        this.waiting = null;
        this.showLoadError(error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Without its UI code the card can still say what went wrong, in plain text. */
  private showLoadError(message: string): void {
    if (!this.root) return;
    this.failed = true;
    const box = this.doc.createElement('p');
    box.setAttribute('role', 'alert');
    box.textContent = message;
    box.style.cssText = 'margin:0;padding:12px;max-width:320px;background:#fff;color:#222;border:1px solid #b00;font:14px/1.4 system-ui,sans-serif';
    this.root.replaceChildren(box);
    this.place();
  }

  update(state: CardState): void {
    if (this.waiting) {
      this.waiting = { ...this.waiting, state };
      return;
    }
    if (!this.mounted || !this.root) return;
    const hadFocus = this.doc.activeElement === this.host;
    this.mounted.update(state);
    this.place();
    // A re-render may replace the dialog element and drop focus with it.
    if (hadFocus && !this.root.activeElement) this.focusDialog();
  }

  /** Closes the card; focus returns where it was unless the user has moved it elsewhere. */
  close(restoreFocus = true): void {
    const hadFocus = this.doc.activeElement === this.host;
    this.waiting = null;
    this.failed = false;
    this.mounted?.unmount();
    this.mounted = null;
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.anchor = null;
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (!restoreFocus || !hadFocus) return;
    if (target instanceof HTMLElement && target.isConnected) target.focus({ preventScroll: true });
  }

  destroy(): void {
    this.close(false);
    this.listeners.abort();
  }

  private createHost(): void {
    this.host?.remove();
    const host = this.doc.createElement(CARD_HOST_TAG);
    for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
    this.root = host.attachShadow({ mode: 'closed' });
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.onEscape();
      }
    });
    this.doc.documentElement.append(host);
    this.host = host;
  }

  private focusDialog(): void {
    const dialog = this.root?.querySelector<HTMLElement>('[role=dialog]');
    dialog?.focus({ preventScroll: true });
  }

  /** Below the mention if it fits, else above; always inside the viewport. */
  private place(): void {
    const host = this.host;
    if (!host || !this.anchor) return;
    const view = this.doc.defaultView;
    if (!view) return;
    const mention = this.anchor.getBoundingClientRect();
    const card = host.getBoundingClientRect();
    const viewWidth = this.doc.documentElement.clientWidth || view.innerWidth;
    const viewHeight = view.innerHeight;
    let top = mention.bottom + GAP;
    if (top + card.height > viewHeight - MARGIN && mention.top - GAP - card.height >= MARGIN) {
      top = mention.top - GAP - card.height;
    }
    top = Math.max(MARGIN, Math.min(top, viewHeight - MARGIN - card.height));
    const left = Math.max(MARGIN, Math.min(mention.left, viewWidth - MARGIN - card.width));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }
}
