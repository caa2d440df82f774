// Escaping for page titles, quotes and notes written into Markdown: they are page or user text,
// and must not become links, images or HTML when the file is rendered.

const INLINE_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~]/g;

/** Inline text with every character Markdown might read as syntax escaped. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`).replace(/\s+/g, ' ').trim();
}

/** A block of text, line breaks kept, each line escaped. */
export function escapeBlock(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(INLINE_SPECIAL, (char) => `\\${char}`));
}

/** A link target in angle brackets, so spaces and parentheses in the URL cannot end it early. */
export function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}
