// Our frame hosts live in the browser's top layer (each a manual popover): there no element of the
// page's, whatever its z-index, is painted over them, and no opacity, filter or transform of <html>
// or <body> reaches them. A page can no longer fade our frame out, and a banner or a decoy must
// itself be in the top layer, opened after ours, to cover it (the frame's click guard,
// src/ui/frames/click-guard.ts, sees that). Where popovers are missing, the host stays an ordinary
// fixed element with the highest z-index.

/**
 * How many times one open of a frame is put back in the top layer after the page took it out
 * (`hidePopover()`; it reaches the element): enough for a script that closes every popover it
 * finds once, not an endless fight with one that keeps doing it.
 */
export const TOP_LAYER_RETURNS_MAX = 3;

/** Marks `host` as a manual popover; call before it goes on the page, then `showInTopLayer`. */
export function makeTopLayerHost(host: HTMLElement): void {
  host.setAttribute('popover', 'manual');
}

/** Puts the host (a manual popover on the page) in the top layer, if it is not there. */
export function showInTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function' || !host.isConnected) return;
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Not a valid popover any more (the page removed the attribute): pinning it again restores it.
  }
}

/**
 * Puts `host` back in the top layer when the page takes it out while `wanted()` says it is ours
 * and open, at most TOP_LAYER_RETURNS_MAX times between `reset()`s (one per open). It goes back
 * after the page's next rendering: shown again before it, Chromium's IntersectionObserver v2 went
 * on reporting the frame as covered (and its clicks would have waited for good).
 */
export function keepInTopLayer(host: HTMLElement, wanted: () => boolean): { reset(): void } {
  let returns = 0;
  host.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState !== 'closed' || !wanted()) return;
    if (++returns > TOP_LAYER_RETURNS_MAX) return;
    const view = host.ownerDocument.defaultView;
    view?.requestAnimationFrame(() => view.setTimeout(() => showInTopLayer(host), 0));
  });
  return {
    reset() {
      returns = 0;
    },
  };
}
