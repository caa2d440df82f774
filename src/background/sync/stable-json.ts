// A record's fingerprint for "did it change since we last synced it": JSON with sorted keys (two
// code paths may write the same record with fields in another order) and a 53-bit hash of it.
// Not a security measure (see core/text/text-hash.ts).
import { hashText } from '../../core/text/text-hash';

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export const fingerprint = (value: unknown): string => hashText(stableStringify(value));
