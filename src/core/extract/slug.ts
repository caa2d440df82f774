// Ids as slugs ("Vladimir Putin" → "vladimir-putin"), the shape the seed list uses.
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[’']/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '') || 'item';
}

/** A slug not yet in `taken` (adds -2, -3, …), recorded as taken. */
export function uniqueSlug(name: string, taken: Set<string>, prefix = ''): string {
  const base = prefix + slugify(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
