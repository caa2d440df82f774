// Field readers for imported data: each either returns a value of the right type or throws a
// FieldError naming the path, which parseAnnotationImport turns into its error message.

export class FieldError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path}: ${expected}`);
  }
}

export type Json = Record<string, unknown>;

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readObject(value: unknown, path: string): Json {
  if (!isObject(value)) throw new FieldError(path, 'expected an object');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new FieldError(path, 'expected a string');
  return value;
}

export function readOptionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : readString(value, path);
}

/** An absolute IRI: a scheme, a colon, something after it ("https://…", "urn:uuid:…"). */
export function readIri(value: unknown, path: string): string {
  const text = readString(value, path);
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(text)) throw new FieldError(path, 'expected an absolute IRI');
  return text;
}

/**
 * The page an annotation belongs to. Only web (and local file) pages: the URL ends up as a link in
 * the UI and in exports, where "javascript:" or "data:" would run.
 */
export function readPageUrl(value: unknown, path: string): string {
  const text = readIri(value, path);
  if (!/^(https?|file):/i.test(text)) throw new FieldError(path, 'expected an http(s) or file URL');
  return text;
}

export function readOffset(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new FieldError(path, 'expected a non-negative integer');
  }
  return value;
}

/** Any date JavaScript reads, stored in one ISO form so times compare as strings and as dates. */
export function readTime(value: unknown, path: string): string {
  const text = readString(value, path);
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new FieldError(path, 'expected an ISO 8601 date and time');
  return new Date(time).toISOString();
}

export function readStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new FieldError(path, 'expected an array of strings');
  return value.map((item, index) => readString(item, join(path, index)));
}

/** The model allows one value or an array of them almost everywhere. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** `type` may be a string or an array of strings. */
export function hasType(value: Json, type: string): boolean {
  return asList(value.type).includes(type);
}
