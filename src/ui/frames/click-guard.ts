// Clickjacking guard for our frames. A page cannot read or script our frame, but it can fade it
// (`opacity`, `filter` on <html>), or lay a decoy over it that lets clicks through
// (`pointer-events: none`, even in the top layer, where our host cannot be above it), so that the
// reader's click on what they see lands on our Cancel, "Keep this version" or a source link.
// IntersectionObserver v2 tells a frame whether the browser actually painted it unobscured and
// unfaded; a click that comes from a pointer counts only when the frame has been seen whole for
// a while. Keys are not guarded: focus in the frame is the reader's (focus-guard.ts holds it).
//
// Chromium only: Firefox has no `trackVisibility` (entries carry no `isVisible`), so there the
// guard stands aside and every click counts, as before.

/**
 * How long the frame must have been seen whole before a pointer click counts: Chromium's own
 * prompts ignore input for 500 ms after they show, which is what a double-click hijack needs.
 */
export const SEEN_BEFORE_CLICK_MS = 500;
/** The browser checks visibility at most this often (its minimum is 100 ms). */
const CHECK_EVERY_MS = 100;
/** While the frame is not seen whole, how often it asks again (see `recheck`). */
const RECHECK_WHILE_COVERED_MS = 300;

interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

/** Whether the browser can say if a frame is painted unobscured (IntersectionObserver v2). */
export function canTrackVisibility(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/**
 * Whether a pointer click at `clickTime` counts, given since when the frame has been seen whole
 * (null: not seen whole now). Both times on the frame's clock (`event.timeStamp`, `entry.time`).
 */
export function pointerClickCounts(visibleSince: number | null, clickTime: number): boolean {
  return visibleSince !== null && clickTime - visibleSince >= SEEN_BEFORE_CLICK_MS;
}

/** A click made with a mouse, pen or finger, not one a key (Enter, Space) or our own code made. */
function fromPointer(event: MouseEvent): boolean {
  if (typeof PointerEvent !== 'undefined' && event instanceof PointerEvent) return event.pointerType !== '';
  return event.detail > 0;
}

/**
 * Guards every pointer click in the frame's window on how long `target` (the frame's visible
 * content) has been seen whole. `onRefused` hears each click dropped. While clicks count,
 * `<html data-pointer="ready">` says so (the tests wait for it; the page cannot read our document).
 */
export function guardPointerClicks(target: Element, onRefused: () => void): void {
  const doc = target.ownerDocument;
  const root = doc.documentElement;
  if (!canTrackVisibility()) {
    root.dataset.pointer = 'ready';
    return;
  }
  let visibleSince: number | null = null;
  let readyTimer: ReturnType<typeof setTimeout> | null = null;
  let recheckTimer: ReturnType<typeof setInterval> | null = null;
  const options = { trackVisibility: true, delay: CHECK_EVERY_MS } as IntersectionObserverInit;
  const observer = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1] as VisibilityEntry | undefined;
    if (!last) return;
    if (!last.isVisible) return notVisible(last.isIntersecting);
    stopRechecking();
    if (visibleSince !== null) return;
    visibleSince = last.time;
    readyTimer = setTimeout(() => {
      readyTimer = null;
      root.dataset.pointer = 'ready';
    }, Math.max(0, visibleSince + SEEN_BEFORE_CLICK_MS - performance.now()));
  }, options);
  observer.observe(target);
  // Chromium does not always tell an observer that a covered frame is whole again (seen after the
  // page took our host out of the top layer and we put it back): while it is on screen but not
  // seen whole, ask afresh. A frame off screen or hidden (a kept card between opens) asks nothing:
  // its coming back is an intersection change, which is always reported.
  const recheck = (): void => {
    observer.unobserve(target);
    observer.observe(target);
  };
  function stopRechecking(): void {
    if (recheckTimer !== null) clearInterval(recheckTimer);
    recheckTimer = null;
  }
  function notVisible(onScreen: boolean): void {
    visibleSince = null;
    if (readyTimer !== null) clearTimeout(readyTimer);
    readyTimer = null;
    delete root.dataset.pointer;
    if (!onScreen) stopRechecking();
    else recheckTimer ??= setInterval(recheck, RECHECK_WHILE_COVERED_MS);
  }
  const refuse = (event: MouseEvent): boolean => {
    if (!fromPointer(event) || pointerClickCounts(visibleSince, event.timeStamp)) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    return true;
  };
  const view = doc.defaultView;
  // A press that does not count moves no focus either: else the decoy's click would leave focus on
  // our Cancel, and the reader's next Enter or Space (typed for the note) would press it.
  view?.addEventListener('mousedown', refuse, true);
  for (const type of ['click', 'auxclick'] as const) {
    view?.addEventListener(type, (event) => {
      if (refuse(event)) onRefused();
    }, true);
  }
}

/** What the frame says when it drops a click. */
export const CLICK_REFUSED =
  'Dossier did not take that click: the page was covering or fading this box, or it had only just appeared. Click again once it shows clearly, or use Tab and Enter.';
