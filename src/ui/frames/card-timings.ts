// The card frame's own timings of an open, for the benchmarks (BENCHMARKS part 4): when the frame
// heard which mention, when the background's reply came, when the card was drawn. They go on this
// frame's timeline, which is the extension's origin: the page cannot read it. Only the last open's
// marks are kept, so a frame kept for a long reading session holds three entries at most.
const NAMES = ['dossier:card-asked', 'dossier:card-reply', 'dossier:card-drawn'] as const;

export type CardStep = 'asked' | 'reply' | 'drawn';

export function markCardStep(step: CardStep): void {
  const name = `dossier:card-${step}`;
  if (step === 'asked') for (const old of NAMES) performance.clearMarks(old);
  performance.mark(name);
}
