// Our timings (the benchmarks and some tests read them) go on the page's performance timeline,
// which every script on the page can read: a page could learn from them that Dossier runs. So
// they are written only while the user has diagnostics on (options page, off by default).

export interface Timeline {
  /** A mark at `startTime` (now when left out). */
  mark(name: string, startTime?: number, detail?: unknown): void;
  /** A measure from `start` to now. */
  measure(name: string, start: number): void;
}

export const SILENT_TIMELINE: Timeline = {
  mark() {},
  measure() {},
};

export const PAGE_TIMELINE: Timeline = {
  mark(name, startTime, detail) {
    performance.mark(name, startTime === undefined ? { detail } : { startTime, detail });
  },
  measure(name, start) {
    performance.measure(name, { start, end: performance.now() });
  },
};

/**
 * For work that goes on as long as the page lives (rescans of a growing page, the claim pass):
 * each measure lands in a trace, which is what the benchmarks read, and is then taken off the
 * timeline at once, so a live page's timeline stays empty of them however long it runs.
 */
export const LIVE_SLICE_MEASURE = 'dossier:live-slice';

export const LIVE_PAGE_TIMELINE: Timeline = {
  mark() {},
  measure(name, start) {
    performance.measure(name, { start, end: performance.now() });
    performance.clearMeasures(name);
  },
};
