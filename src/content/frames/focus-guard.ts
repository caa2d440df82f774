// While the reader types in one of our frames (the note form), the keys go to the frame's own
// document, which the page cannot hear. But the page may move focus: focus() on a field of its own,
// blur() on our host (its activeElement), or a tabindex and focus() on our host itself, and the
// next keys, the rest of the note, went to the page's field or to its window listeners. Focus may leave the frame only by the
// reader's own hand (a trusted press on the page) or with the browser window; anything else puts
// it back in the frame at once, in a microtask: after the page's script, before another key.
//
// Not a wall: Chromium routes keys by the focused frame as its browser process last heard it, and
// a key sent between the page's move and ours still reaches the page (measured: 0-2 keys of 32
// typed at 15 ms while the page moved focus every 20 ms; every key before this guard). So the
// reader is told the first time (taken), and if focus cannot go back (the page removed or
// disabled our host) the form is closed rather than left to take keys it never gets (lost).

export interface GuardedFrame {
  /** Focus is in the frame's document (not merely on our host, which a page can focus itself). */
  holdsFocus(): boolean;
  /** Moves focus into the frame again. */
  refocus(): void;
  /** The page took focus (first time for this form): tell the reader. */
  taken(): void;
  /** Focus could not go back: close the form. */
  lost(): void;
  /**
   * The frame is still drawing its first view. Focus leaves it then without anyone taking it (the
   * frame's document replaces the empty one it was focused in): put back, but no news.
   */
  opening(): boolean;
}

/** A press this recent on the page is the reader choosing where focus goes. */
const PRESS_MS = 1000;

export class FocusGuard {
  private listeners: AbortController | null = null;
  /** The reader's last trusted press on the page since focus was last in the frame. */
  private lastPress = -Infinity;
  private told = false;

  constructor(
    private readonly doc: Document,
    private readonly frame: GuardedFrame,
  ) {}

  /** `told`: the reader has already been told keys may have reached the page (a form put back). */
  start(told = false): void {
    if (this.listeners) return;
    const listeners = new AbortController();
    this.listeners = listeners;
    this.lastPress = -Infinity;
    this.told = told;
    const options = { capture: true, signal: listeners.signal } as const;
    const pressed = (event: Event): void => {
      if (event.isTrusted) this.lastPress = performance.now();
    };
    for (const type of ['pointerdown', 'mousedown', 'touchstart'] as const) this.doc.addEventListener(type, pressed, { ...options, passive: true });
    // Every move: to the page's elements, to our host itself (given a tabindex by the page), or
    // out of our host for nothing (the page's <body>), which fires no focusin.
    this.doc.addEventListener('focusin', () => this.focusMoved(), options);
    this.doc.addEventListener('focusout', () => this.focusMoved(), options);
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
  }

  /** Focus moved (the document's events, and our host's own root's: see FrameHost.onFocusMove). */
  focusMoved(): void {
    const listeners = this.listeners;
    if (!listeners) return;
    queueMicrotask(() => {
      if (listeners !== this.listeners || listeners.signal.aborted) return;
      if (this.frame.holdsFocus()) {
        // Back in the frame: a press on the page before it no longer lets focus go.
        this.lastPress = -Infinity;
        return;
      }
      if (performance.now() - this.lastPress < PRESS_MS) return; // the reader pressed on the page
      // Before its first view (measured: once on every opening, in a real window too) a move is
      // the frame loading: telling the reader the page took the keyboard was a false alarm.
      if (this.frame.opening()) return this.frame.refocus();
      if (!this.doc.hasFocus()) return; // the window lost focus: another tab, app or the address bar
      this.frame.refocus();
      if (!this.frame.holdsFocus()) return this.frame.lost();
      if (!this.told) {
        this.told = true;
        this.frame.taken();
      }
    });
  }
}
