// The article on the page, found by Mozilla's Readability: its main text only, so comments,
// navigation, link lists and teasers never count as the article. Readability rewrites the
// document it is given, so it works on a clone and the reader's page is never touched.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { blockText } from './block-text';

export interface ReadArticle {
  title: string;
  /** Main text, one line per paragraph. */
  text: string;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Cheap check (no clone, no parse): does the page look like an article at all? */
export function looksLikeArticle(doc: Document): boolean {
  return isProbablyReaderable(doc);
}

/** Readability's main text, or null when it finds no article. Costly on big pages: call it idle. */
export function readArticle(doc: Document): ReadArticle | null {
  const clone = doc.cloneNode(true) as Document;
  // The serializer hands back the element itself instead of an HTML string: no HTML is ever parsed.
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  if (text === '') return null;
  return { title: parsed.title ?? doc.title, text, siteName: parsed.siteName, publishedTime: parsed.publishedTime };
}
