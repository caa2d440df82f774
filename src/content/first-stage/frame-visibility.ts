// Frames that are too small to read (tracking pixels, 1×1 ad slots) or out of sight wait until
// they are seen: a page with 200 frames should not pay for 200 frames at its load.

/** Smaller than this (CSS px) is no place for an article's text. */
export const MIN_WIDTH = 80;
export const MIN_HEIGHT = 30;

const bigEnough = (): boolean => innerWidth >= MIN_WIDTH && innerHeight >= MIN_HEIGHT;

/** Resolves when this frame is at least MIN_WIDTH × MIN_HEIGHT and on screen (at once if it is). */
export function untilSeen(doc: Document = document): Promise<void> {
  return new Promise((resolve) => {
    let onScreen = false;
    // The implicit root of a frame's observer is the top page's viewport, across origins too.
    const observer = new IntersectionObserver((entries) => {
      onScreen = entries[entries.length - 1]?.isIntersecting ?? onScreen;
      check();
    });
    const check = (): void => {
      if (!onScreen || !bigEnough()) return;
      observer.disconnect();
      removeEventListener('resize', check);
      resolve();
    };
    addEventListener('resize', check, { passive: true });
    observer.observe(doc.documentElement);
  });
}
