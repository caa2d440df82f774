// The corpus pages of ../shared/corpus (real news pages, as readability's test-pages): raw HTML
// and the visible text the content script would read, through the CLI's html-text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { visibleTextOfHtml } from '../../../src/cli/html-text';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus');

export interface CorpusPage {
  slug: string;
  html: string;
}

export function corpusPages(dir = CORPUS_DIR): CorpusPage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
    .map((d) => ({ slug: d.name, html: readFileSync(join(dir, d.name, 'source.html'), 'utf8') }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

export const visibleText = (page: CorpusPage): string => visibleTextOfHtml(page.html);
