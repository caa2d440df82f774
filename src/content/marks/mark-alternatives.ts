// A mention the page left ambiguous ("Jordan": the country or Michael Jordan) is one mark with
// alternatives; reading it as another of them keeps the rest, itself included, as alternatives.
import type { Mark } from '../highlight/highlighter';
import { copyMark } from './lazy-range';

/** The same mark read as one of its alternatives (`to`), the others (and itself) kept as alternatives. */
export function swapTo(mark: Mark, to: { id: string; kind: Mark['kind'] }): Mark {
  const others = [{ id: mark.id, kind: mark.kind }, ...(mark.alternatives ?? [])].filter((a) => a.id !== to.id);
  return copyMark(mark, { id: to.id, kind: to.kind, alternatives: others.length > 0 ? others : undefined });
}
