// Pages the browser tests serve: the fixture folder (with the dark variant of the article page made
// from the light one, so the two can never drift apart), and pages built from the seed article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_PAGES, ROOT } from './harness';

/** Page text is data: escape it before it goes into a test page's HTML. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A whole HTML document around `body`. */
export function htmlDocument(body: string, { title = 'Test page', head = '' }: { title?: string; head?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** The seed article (the Al Jazeera report the seed list comes from), one <p> per paragraph. */
export function seedArticleParagraphs(): string {
  return readFileSync(join(ROOT, 'src/data/seed-article.txt'), 'utf8')
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
}

/**
 * /article.html with light text on a near-black page: the colour tests check that highlights
 * stay readable there. Same text and ids as the light page, only the title and colours differ.
 */
export function darkArticlePage(): string {
  const light = readFileSync(join(FIXTURE_PAGES, 'article.html'), 'utf8');
  const dark = light
    .replace(/<title>[^<]*<\/title>/, '<title>Dark page</title>')
    .replace('color: #111; background: #fff;', 'color: #eee; background: #121212;');
  if (dark.includes('background: #fff')) throw new Error('article.html changed: the dark variant no longer applies');
  return dark;
}

/** In-memory pages served beside tests/fixtures/pages. */
export function fixtureVariants(): Record<string, string> {
  return { '/dark.html': darkArticlePage() };
}
