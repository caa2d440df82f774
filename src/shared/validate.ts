// Field-by-field checks for data that crosses a trust boundary (messages, storage, imports).
// Each failure names the field, so a bad caller learns what to fix.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
}

/** Keys that would reach an object's prototype if anyone ever merged the object into another. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Runs a reader and turns its ValidationError into a result; other errors are bugs and rethrow. */
export function parseWith<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.message };
    throw error;
  }
}

/** A plain object with only the allowed keys. */
export function readRecord(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  const record = readPlainObject(value, path);
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new ValidationError(`${path}.${key} is not an allowed field`);
  }
  return record;
}

export function readPlainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`${path} must be an object`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ValidationError(`${path} must be a plain object`);
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ValidationError(`${path} has a forbidden key "${key}"`);
  }
  return value as Record<string, unknown>;
}

/**
 * A plain object whose keys are data (entity ids and the like), not field names: every string is a
 * valid key, `__proto__` and `constructor` included. The entries come back in a Map, so no key
 * can ever meet Object.prototype; the caller checks each value.
 */
export function readKeyedEntries(value: unknown, path: string, maxKeys: number): Map<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(`${path} must be an object`);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new ValidationError(`${path} must be a plain object`);
  const keys = Object.keys(value);
  if (keys.length > maxKeys) throw new ValidationError(`${path} has more than ${maxKeys} entries`);
  const entries = new Map<string, unknown>();
  // Read through the property descriptor: an own "__proto__" key is a value, never the prototype.
  for (const key of keys) entries.set(key, Object.getOwnPropertyDescriptor(value, key)?.value);
  return entries;
}

export function readString(record: Record<string, unknown>, field: string, path: string, limits: { min?: number; max: number }): string {
  const value = record[field];
  const at = `${path}.${field}`;
  if (typeof value !== 'string') throw new ValidationError(`${at} must be a string`);
  if (value.length < (limits.min ?? 0)) throw new ValidationError(`${at} must not be empty`);
  if (value.length > limits.max) throw new ValidationError(`${at} is longer than ${limits.max} characters`);
  return value;
}

export function readBoolean(record: Record<string, unknown>, field: string, path: string): boolean {
  const value = record[field];
  if (typeof value !== 'boolean') throw new ValidationError(`${path}.${field} must be true or false`);
  return value;
}

export function readInteger(record: Record<string, unknown>, field: string, path: string, limits: { min: number; max: number }): number {
  const value = record[field];
  const at = `${path}.${field}`;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ValidationError(`${at} must be an integer`);
  if (value < limits.min || value > limits.max) throw new ValidationError(`${at} must be between ${limits.min} and ${limits.max}`);
  return value;
}

/** A URL string of one of the given schemes, e.g. ['http:', 'https:', 'file:']. */
export function readUrl(record: Record<string, unknown>, field: string, path: string, schemes: readonly string[], max = 4096): string {
  const value = readString(record, field, path, { min: 1, max });
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new ValidationError(`${path}.${field} must be an absolute URL`);
  }
  if (!schemes.includes(protocol)) throw new ValidationError(`${path}.${field} must be a ${schemes.join(' or ')} URL`);
  return value;
}
