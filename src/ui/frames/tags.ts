// The note form's tags field, read.

/** "a, b ,, c" → ["a", "b", "c"], without repeats, each at most 100 characters. */
export function parseTags(text: string): string[] {
  const tags = text.split(/[,;\n]/).map((t) => t.trim().slice(0, 100)).filter(Boolean);
  return [...new Set(tags)].slice(0, 50);
}
