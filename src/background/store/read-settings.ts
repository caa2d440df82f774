// Settings come back from storage as unknown: check them before anyone relies on their shape.
import type { DistinctName } from '../../core/types';

export function asDistinctNames(value: unknown): DistinctName[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is DistinctName =>
      typeof item === 'object' && item !== null && typeof item.text === 'string' && typeof item.note === 'string',
  ).map(({ text, note }) => ({ text, note }));
}
