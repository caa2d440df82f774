// A time budget for anchoring, so a long page cannot stall the content script.

export interface Deadline {
  passed(): boolean;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

export function deadlineAfter(ms: number): Deadline {
  const end = now() + ms;
  return { passed: () => now() > end };
}
