// A page's published day is what the page declares, and cards list quotes newest first: a page
// dated 2099 would stay on top of every card it touches, above all the reader meets later. A
// declared day later than tomorrow is the page's claim, not a fact: what the page gave (a
// harvested quote, an added article) is filed under the day the reader met it. Pure: the
// background's harvest and the review page ("Add this article") read dates the same way.

const DAY_MS = 86_400_000;

/** yyyy-mm-dd of `epochMs` in the browser's time zone (the content script's "today" too). */
export function localDay(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * `declared` (yyyy-mm-dd) when it is no later than tomorrow, the reader's day at `now` otherwise.
 * Tomorrow is allowed: a site east of the reader publishes on its own date, up to a day ahead.
 */
export function metDay(declared: string, now: number): string {
  return declared > localDay(now + DAY_MS) ? localDay(now) : declared;
}
