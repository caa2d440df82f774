// The UTF-8 size of JSON.stringify(value), counted by walking the value instead of writing the
// string: checking a 40 MB backup against the limit once stringified it again (a 40 MB string, and
// a second pass to count its bytes). Hand-written because no npm package counts without
// stringifying (the ones that exist call JSON.stringify). It follows JSON.stringify's rules for
// plain data: keys in own-enumerable order, undefined, functions and symbols left out of objects
// and written as null in arrays, non-finite numbers as null, lone surrogates escaped; a value with
// toJSON (a Date) is counted by stringifying it alone.
import { utf8Length } from './annotations/json-input';

/** Bytes of a string's JSON form, quotes and escapes included. */
function stringBytes(text: string): number {
  let bytes = 2;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      if (unit >= 0x20) bytes += unit === 0x22 || unit === 0x5c ? 2 : 1;
      // \b \t \n \f \r, the rest of the control characters as \u00XX.
      else bytes += unit === 0x08 || unit === 0x09 || unit === 0x0a || unit === 0x0c || unit === 0x0d ? 2 : 6;
    } else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 6; // a lone surrogate: JSON.stringify writes \udXXX
    } else bytes += 3;
  }
  return bytes;
}

const omitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Bytes of JSON.stringify(value) in UTF-8; undefined where JSON.stringify writes nothing. */
export function jsonBytes(value: unknown): number | undefined {
  if (omitted(value)) return undefined;
  return valueBytes(value);
}

function valueBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      break;
  }
  if (value === null) return 4;
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === 'function') return utf8Length(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    // "[" "]" and a comma between items; an item JSON leaves out is written as null.
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value) bytes += omitted(item) ? 4 : valueBytes(item);
    return bytes;
  }
  let bytes = 2;
  let members = 0;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (omitted(item)) continue;
    bytes += stringBytes(key) + 1 + valueBytes(item);
    members++;
  }
  return bytes + Math.max(0, members - 1);
}
