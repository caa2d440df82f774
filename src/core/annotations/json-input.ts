// The untrusted half of an import: size, syntax and prototype-polluting keys are checked before
// any field is read, and each problem comes back as a sentence, never as an exception.

import { jsonErrorOffset } from './json-error';

export const DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** UTF-8 size without allocating a copy of a 10 MB string. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function describeSyntaxError(text: string, message: string): string {
  const offset = jsonErrorOffset(text);
  if (offset >= text.length) {
    return `The file is not complete JSON: it ends early at ${lineAndColumn(text, text.length)} (character ${text.length}). Was it truncated?`;
  }
  if (offset >= 0) return `The file is not valid JSON at ${lineAndColumn(text, offset)} (character ${offset}): ${message}`;
  return `The file is not valid JSON: ${message}`;
}

function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Whether the JSON text may hold a forbidden key at all. A key is written either as its letters or
 * with \u escapes (no other escape can make one of these names), so a text with neither the names
 * nor a "\u" has none, and the walk below (~1 s over a 40 MB backup) is skipped.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\u') || [...FORBIDDEN_KEYS].some((key) => text.includes(key));
}

/** Where a value sits: its parent's place and its own key, turned into a path only when needed. */
interface Place {
  parent: Place | null;
  key: string | number;
}

function pathAt(place: Place | null): string {
  const keys: (string | number)[] = [];
  for (let at = place; at; at = at.parent) keys.push(at.key);
  return keys.reverse().reduce<string>((path, key) => pathOf(path, key), '');
}

/** Walks with an explicit stack: a deeply nested file must not overflow the call stack. */
function findForbiddenKey(root: unknown): string | undefined {
  const stack: { value: unknown; place: Place | null }[] = [{ value: root, place: null }];
  while (stack.length > 0) {
    const { value, place } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item !== null && typeof item === 'object') stack.push({ value: item, place: { parent: place, key: index } });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return pathAt({ parent: place, key });
        const child = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push({ value: child, place: { parent: place, key } });
      }
    }
  }
  return undefined;
}

export function parseJsonInput(text: string, maxBytes: number): Parsed {
  const megabytes = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
  // The length check first: every character is at least one byte, so no need to count them all.
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return { ok: false, error: `The file is larger than the ${megabytes} MB import limit.` };
  }
  return parseJsonText(text);
}

/** parseJsonInput without its size check, for a caller that checked the size its own way. */
export function parseJsonText(text: string): Parsed {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, error: 'The file is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { ok: false, error: describeSyntaxError(source, error instanceof Error ? error.message : String(error)) };
  }
  const forbidden = mayHoldForbiddenKey(source) ? findForbiddenKey(value) : undefined;
  if (forbidden !== undefined) return { ok: false, error: `${forbidden}: this key is not allowed in an import.` };
  return { ok: true, value };
}
