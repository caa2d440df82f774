// One of Dossier's frames on the page: an element with a per-page random name, holding (in a
// closed shadow root) only an <iframe> whose document is an extension page. What the frame shows
// and what the reader types there live in another origin: the page's window.find(), Selection,
// key listeners and MutationObservers see none of it, and it cannot read the frame's document.
//
// The content script and the frame talk over a MessageChannel. Its second port goes to the frame
// in one postMessage addressed to the extension's origin, with a token the frame's URL carries
// (the URL sits in the closed shadow root, so the page cannot read it): a page that posts to the
// frame itself has no token, and a page that navigates the frame away gets no port. Nothing
// travels on the page's window that the page could read or forge.
import { FRAME_HELLO, fromFrameMessage, type FromFrame, type ToFrame } from '../../shared/frame-messages';
import type { FrameAddress } from './frame-address';
import { randomHostTag, randomToken } from './host-name';
import { styleBesidesPlace, watchHost } from './host-watch';
import { keepInTopLayer, makeTopLayerHost, showInTopLayer } from './top-layer';

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
  // The top layer's user-agent rules for a popover (border, padding, margin, a scroll box) are not ours.
  ['overflow', 'visible'],
  // The frame clips what is drawn outside it: the card's shadow is the host's.
  ['border-radius', '8px'],
  ['box-shadow', '0 6px 24px rgba(0, 0, 0, 0.28)'],
  ['background', 'transparent'],
];

const FRAME_STYLE: readonly [string, string][] = [
  ['display', 'block'],
  ['border', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border-radius', '8px'],
  // An opaque backdrop would be painted behind a light frame on a dark page otherwise.
  ['color-scheme', 'light'],
  ['background', 'transparent'],
];

/** How long a closed frame stays (hidden) before it leaves the page. */
const REMOVE_DELAY_MS = 100;
const GAP = 8;
const MARGIN = 8;
/** The frame's size before it reports its own: small, but not zero (a zero-area frame is not rendered). */
const FIRST_HEIGHT = 48;
/**
 * How long a kept frame may take to draw the next open before it is given up for a new one: a
 * frame whose script died or wedged would otherwise never be shown again, and every click on a
 * highlight would do nothing. Generous, so a slow but live frame is not thrown away under load.
 */
const SHOWN_TIMEOUT_MS = 3000;

export interface FrameHostOptions {
  /** The frame page's address and its document's origin (frame-address.ts). */
  address: () => FrameAddress;
  /** Read by screen readers before the frame's own dialog label. */
  title: string;
  /** The widest the frame may be, in CSS px. */
  width: number;
  onMessage(message: FromFrame): void;
  /**
   * Keep the frame on the page after close, hidden and inert, and reuse it for the next open (the
   * card): no new page to load on every click. The frame is told to forget what it showed ('hide'),
   * and it is shown again only once it says it has drawn the next message ('shown').
   */
  keep?: boolean;
  /**
   * While open, the page took the frame away: removed its host ('removed'), navigated the frame
   * ('navigated'), or rewrote the host's attributes to hide it ('hidden'; the host is pinned again
   * first). Given, the frame is not closed for it: the owner decides (show() again puts a new
   * frame on the page). Not given, a navigated frame closes as before.
   */
  onTakenAway?(how: 'removed' | 'navigated' | 'hidden'): void;
}

/**
 * A kept frame between opens: not painted, not hit, not focusable or tabbable (inert), not in the
 * accessibility tree, and of no size, so nothing of it shows or takes room.
 */
const HIDDEN_STYLE: readonly [string, string][] = [
  ['visibility', 'hidden'],
  ['pointer-events', 'none'],
  ['width', '0px'],
  ['height', '0px'],
  ['overflow', 'hidden'],
  ['top', '-10000px'],
  ['left', '-10000px'],
  ['box-shadow', 'none'],
];

/** How long after its first view focus may still settle into the frame (see FrameHost.opening). */
export const OPENING_SETTLE_MS = 500;

export class FrameHost {
  private readonly tag = randomHostTag();
  private host: HTMLElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  /** The host's closed root: only here can we tell the frame's focus from the host's own. */
  private root: ShadowRoot | null = null;
  /**
   * Told when focus moves between the frame and the host itself, which the page's document never
   * hears (a focus event that stays on the host after retargeting is not dispatched outside).
   */
  onFocusMove: (() => void) | null = null;
  private port: MessagePort | null = null;
  private anchor: (() => DOMRect | null) | null = null;
  private height = FIRST_HEIGHT;
  private focusPending = false;
  /** When the frame drew its first view with focus asked for (see `opening`). */
  private firstViewAt = -Infinity;
  /** Open in the reader's eyes (between show and close), though a reused frame may not be revealed yet. */
  private open = false;
  /** A kept frame is hidden until it has drawn what the last show sent it. */
  private hidden = false;
  /** What the last show sent, to send again to a new frame if the kept one never answers. */
  private lastMessage: ToFrame | null = null;
  private shownTimer: ReturnType<typeof setTimeout> | null = null;
  /** Where focus was before the frame took it, to give it back on close. */
  private returnFocusTo: Element | null = null;
  /** The host's inline style as we set it, but for top and left (styleBesidesPlace). */
  private pinnedStyle = '';
  /** Stops watching the host for the page's hand (onTakenAway). */
  private unwatch: (() => void) | null = null;
  /** Puts the host back in the top layer when the page takes it out (top-layer.ts). */
  private topLayer: { reset(): void } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: FrameHostOptions,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** True for the host (all the page's DOM sees of the frame). */
  isHostNode(node: Node): boolean {
    return node === this.host;
  }

  /** The frame's host is on the page with its frame live (not removed, not navigated away). */
  get isOnPage(): boolean {
    return this.host?.isConnected === true && this.port !== null;
  }

  /** True when focus is in the frame (the page sees the host as its active element). */
  get hasFocus(): boolean {
    return this.open && this.host !== null && this.doc.activeElement === this.host;
  }

  /**
   * Shows the frame beside what `anchor` returns (a mention's or a selection's box), creating it
   * if it is not on the page (first open, or the page removed it), and sends it `message`.
   */
  show(anchor: () => DOMRect | null, message: ToFrame): void {
    if (!this.host?.isConnected || !this.port) this.create();
    if (!this.open) this.topLayer?.reset();
    this.open = true;
    this.anchor = anchor;
    this.lastMessage = message;
    this.send(this.limits());
    this.send(message);
    this.place();
    if (this.hidden) this.awaitShown();
  }

  /**
   * Loads a kept frame, hidden, ahead of its first show: called on the reader's press on a
   * highlight, so the frame's page loads while the button is still down and the click's card
   * does not wait for it. Does nothing if the frame is there already.
   */
  prepare(): void {
    if (!this.options.keep || this.open || (this.host?.isConnected && this.port)) return;
    this.create();
    this.hide();
  }

  /** A kept frame that has not drawn the show's message in time is replaced by a new one. */
  private awaitShown(): void {
    if (this.shownTimer !== null) clearTimeout(this.shownTimer);
    this.shownTimer = setTimeout(() => {
      this.shownTimer = null;
      const message = this.lastMessage;
      if (!this.open || !this.hidden || !message) return;
      const anchor = this.anchor;
      const focus = this.focusPending;
      this.discard();
      this.create();
      this.open = true;
      this.anchor = anchor;
      this.focusPending = focus;
      this.send(this.limits());
      this.send(message);
      this.place();
    }, SHOWN_TIMEOUT_MS);
  }

  private stopAwaitingShown(): void {
    if (this.shownTimer === null) return;
    clearTimeout(this.shownTimer);
    this.shownTimer = null;
  }

  /**
   * Shows the frame and moves focus into it. On the first show since a close it notes where focus
   * was in the page, for `closeAndReturnFocus`.
   */
  showWithFocus(anchor: () => DOMRect | null, message: ToFrame): void {
    if (!this.open) {
      const active = this.doc.activeElement;
      this.returnFocusTo = active && active !== this.doc.body ? active : null;
    }
    this.show(anchor, message);
    this.focus();
  }

  /** Closes the frame; focus goes back where it was, unless the reader had moved it out of the frame. */
  closeAndReturnFocus(restoreFocus: boolean): void {
    const hadFocus = this.hasFocus;
    this.close();
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (!restoreFocus || !hadFocus) return;
    if (target instanceof HTMLElement && target.isConnected) target.focus({ preventScroll: true });
    else this.doc.defaultView?.focus();
  }

  send(message: ToFrame): void {
    this.port?.postMessage(message);
  }

  /**
   * Moves focus into the frame (its own script focuses its dialog), and again once it has drawn:
   * a frame still loading may not keep it.
   */
  focus(): void {
    this.focusPending = true;
    if (!this.hidden) this.frame?.focus({ preventScroll: true });
  }

  /**
   * Open and still drawing its first view, or just after: the frame's own script then focuses its
   * field, and Chromium (the frame is another process) takes focus off our host and gives it back
   * a few ms later, without anyone's doing (measured in a real window, on every opening).
   */
  get opening(): boolean {
    return this.open && (this.focusPending || performance.now() - this.firstViewAt < OPENING_SETTLE_MS);
  }

  /**
   * Focus is in the frame's document: the page's activeElement is our host, and inside the host's
   * closed root the frame is. A page may give our host a tabindex and focus the host itself: the
   * page's activeElement is the same, but the keys then go to the page.
   */
  holdsFocus(): boolean {
    return this.open && this.host !== null && this.doc.activeElement === this.host && this.root?.activeElement === this.frame;
  }

  /**
   * Focus back into a shown frame the page took it from: the owner element, and the frame's own
   * window, which asks the browser to route keys to the frame's process at once.
   */
  refocus(): void {
    if (!this.open || this.hidden) return;
    this.frame?.focus({ preventScroll: true });
    this.frame?.contentWindow?.focus();
  }

  close(): void {
    this.open = false;
    this.stopAwaitingShown();
    if (this.options.keep && this.host?.isConnected && this.port) {
      this.hide();
      return;
    }
    this.discard();
  }

  /** Hides a kept frame and has it forget what it showed; its page and its port stay. */
  private hide(): void {
    const host = this.host!;
    // A hidden frame that keeps focus takes the reader's keys (Tab, Shift+Arrow) out of the page,
    // whoever closed it: a page change that removes the card's mention closes it with no focus to
    // return. Making the host inert does not move focus out of the frame's own process, and the
    // page's focus would stay on the host until the next style update: both leave now.
    if (this.doc.activeElement === host) {
      this.frame?.blur();
      this.doc.defaultView?.focus();
    }
    this.focusPending = false;
    this.anchor = null;
    this.hidden = true;
    this.send({ type: 'hide' });
    host.inert = true;
    host.setAttribute('aria-hidden', 'true');
    for (const [property, value] of HIDDEN_STYLE) host.style.setProperty(property, value, 'important');
  }

  /** Shows a kept frame again, once it has drawn the next open's content. */
  private reveal(): void {
    const host = this.host;
    if (!this.hidden || !host || !this.open) return;
    this.stopAwaitingShown();
    this.hidden = false;
    host.inert = false;
    host.removeAttribute('aria-hidden');
    for (const [property] of HIDDEN_STYLE) {
      const value = HOST_STYLE.find(([p]) => p === property)?.[1];
      if (value) host.style.setProperty(property, value, 'important');
      else host.style.removeProperty(property);
    }
    this.place();
    if (this.focusPending) this.frame?.focus({ preventScroll: true });
  }

  private discard(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.open = false;
    this.hidden = false;
    this.port?.close();
    this.port = null;
    this.focusPending = false;
    const host = this.host;
    if (host) {
      // Hidden at once, removed a moment later: the key that closed the frame (Esc, Enter on Close)
      // is still being delivered to it, and a frame removed under its own keydown left the key's
      // keyup with nowhere to go (Chromium then never acknowledged the key press).
      host.style.setProperty('visibility', 'hidden', 'important');
      host.style.setProperty('pointer-events', 'none', 'important');
      setTimeout(() => host.remove(), REMOVE_DELAY_MS);
    }
    this.host = null;
    this.frame = null;
    this.root = null;
    this.anchor = null;
  }

  /** Follows the page's scrolling and resizing. */
  reposition(): void {
    if (!this.host || !this.open) return;
    this.send(this.limits());
    this.place();
  }

  private limits(): ToFrame {
    const view = this.doc.defaultView;
    const width = (this.doc.documentElement.clientWidth || view?.innerWidth || 0) - 2 * MARGIN;
    const height = (view?.innerHeight ?? 0) - 2 * MARGIN;
    return { type: 'limits', maxWidth: Math.max(0, Math.min(this.options.width, width)), maxHeight: Math.max(0, height) };
  }

  private create(): void {
    this.discard();
    const host = this.doc.createElement(this.tag);
    applyHostStyle(host);
    const root = host.attachShadow({ mode: 'closed' });
    const frame = this.doc.createElement('iframe');
    for (const [property, value] of FRAME_STYLE) frame.style.setProperty(property, value, 'important');
    this.height = FIRST_HEIGHT;
    this.sizeFrame(frame, this.options.width, FIRST_HEIGHT);
    frame.title = this.options.title;
    const token = randomToken();
    const { url, origin } = this.options.address();
    frame.src = `${url}#${token}`;
    const channel = new MessageChannel();
    this.port = channel.port1;
    const port = channel.port1;
    port.onmessage = (event) => {
      if (port !== this.port) return;
      const message = fromFrameMessage(event.data);
      if (!message) return;
      if (message.type === 'shown') {
        this.reveal();
        return;
      }
      if (message.type === 'size') {
        this.resize(message.width, message.height);
        if (this.focusPending && !this.hidden) {
          this.focusPending = false;
          this.firstViewAt = performance.now();
          this.frame?.focus({ preventScroll: true });
        }
      }
      this.options.onMessage(message);
    };
    let loads = 0;
    frame.addEventListener('load', () => {
      // A second load is a navigation we did not make (the page set the frame's location): whatever
      // is in the frame now is not ours, so it goes.
      if (++loads > 1 || port !== this.port) {
        if (port !== this.port) return;
        const takenAway = this.options.onTakenAway;
        if (this.open && takenAway) {
          // Not ours any more; the owner decides whether a new frame goes up (show() makes one).
          this.port = null;
          port.close();
          takenAway('navigated');
          return;
        }
        if (this.open) this.options.onMessage({ type: 'close' });
        // Kept or not, this frame is not ours any more: it leaves the page.
        this.discard();
        return;
      }
      frame.contentWindow?.postMessage({ type: FRAME_HELLO, token }, origin, [channel.port2]);
    });
    for (const type of ['focusin', 'focusout'] as const) root.addEventListener(type, () => this.onFocusMove?.());
    root.append(frame);
    makeTopLayerHost(host);
    this.doc.documentElement.append(host);
    showInTopLayer(host);
    this.topLayer = keepInTopLayer(host, () => host === this.host && this.open);
    this.host = host;
    this.frame = frame;
    this.root = root;
    this.pinnedStyle = styleBesidesPlace(host);
    if (this.options.onTakenAway) this.unwatch = watchHost(this.doc, host, (change) => this.pageChanged(host, change));
  }

  /** The page's hand on our host (watchHost) while it is open. */
  private pageChanged(host: HTMLElement, change: 'removed' | 'attributes'): void {
    const takenAway = this.options.onTakenAway;
    if (host !== this.host || !this.open || !takenAway) return;
    if (change === 'removed') return takenAway('removed');
    if (this.hidden || this.isPinned(host)) return; // our own moves (top, left) and hiding
    this.pin(host);
    takenAway('hidden');
  }

  /** The host's box is as we set it (its style but where it sits), and nothing hides it. */
  private isPinned(host: HTMLElement): boolean {
    if (host.hidden || host.inert || host.getAttribute('popover') !== 'manual') return false;
    return styleBesidesPlace(host) === this.pinnedStyle;
  }

  private pin(host: HTMLElement): void {
    for (const name of ['hidden', 'inert']) host.removeAttribute(name);
    makeTopLayerHost(host);
    host.removeAttribute('style');
    applyHostStyle(host);
    showInTopLayer(host);
    this.pinnedStyle = styleBesidesPlace(host);
    this.place();
  }

  private sizeFrame(frame: HTMLIFrameElement, width: number, height: number): void {
    frame.style.setProperty('width', `${Math.ceil(width)}px`, 'important');
    frame.style.setProperty('height', `${Math.ceil(height)}px`, 'important');
  }

  private resize(width: number, height: number): void {
    if (!this.frame) return;
    this.height = height;
    this.sizeFrame(this.frame, width, height);
    this.place();
  }

  /** Below the anchor if it fits, else above; always inside the viewport. */
  private place(): void {
    const host = this.host;
    const box = this.anchor?.();
    const view = this.doc.defaultView;
    if (!host || !box || !view) return;
    const card = host.getBoundingClientRect();
    const height = Math.max(card.height, this.height);
    const viewWidth = this.doc.documentElement.clientWidth || view.innerWidth;
    const viewHeight = view.innerHeight;
    let top = box.bottom + GAP;
    if (top + height > viewHeight - MARGIN && box.top - GAP - height >= MARGIN) top = box.top - GAP - height;
    top = Math.max(MARGIN, Math.min(top, viewHeight - MARGIN - height));
    const left = Math.max(MARGIN, Math.min(box.left, viewWidth - MARGIN - card.width));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }
}

/** The host's own box (HOST_STYLE), each property !important: on a new host, and when pinned again. */
function applyHostStyle(host: HTMLElement): void {
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
}
