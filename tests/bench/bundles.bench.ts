// Part 5: the size of every script and model of the built extension (dist/chrome), minified as
// shipped and gzipped (level 9, what a store download and the disk cache roughly cost), with the
// size targets of the issues that set one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { table } from './lib/stats';

const DIST = resolve(import.meta.dirname, '../../dist/chrome');
/** What each file is, and the most it may weigh gzipped (KB) where an issue says so. */
const KNOWN: Record<string, { what: string; targetKb?: number }> = {
  'content.js': { what: 'content script (first stage, every page and frame)', targetKb: 40 },
  'chunks/app.js': { what: 'second stage (list, matcher, highlights): only where an anchor is seen' },
  'chunks/card.js': { what: "the card's host in the page: after the first highlights" },
  'chunks/annotate.js': { what: 'the annotator: on first use' },
  'chunks/harvest.js': { what: 'the quote harvest: pages naming a person, when idle' },
  'background.js': { what: 'background (service worker)' },
  'models/claim-model.json': { what: "claims' judge model (background, lazily)", targetKb: 1536 },
  'models/ner-model.bin': { what: 'named-entity recogniser (review page, lazily)', targetKb: 2048 },
  'models/public-suffixes.txt': { what: "the Public Suffix List (background, on a page's first sighting or harvest)" },
};

/** Every .js under a folder of dist/chrome (the extension pages' scripts and the chunks). */
function scriptsUnder(folder: string): string[] {
  const dir = join(DIST, folder);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => `${folder}/${f}`) : [];
}

const files = [...new Set([...Object.keys(KNOWN), ...['chunks', 'card', 'note', 'review', 'popup', 'options'].flatMap(scriptsUnder)])];
console.log('# Bundles and models (dist/chrome, minified)\n');
const rows = files.map((file) => {
  const { what, targetKb } = KNOWN[file] ?? { what: 'extension page' };
  const path = join(DIST, file);
  if (!existsSync(path)) return [file, what, 'missing', 'missing', ''];
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length / 1024;
  const verdict = targetKb === undefined ? '' : gz <= targetKb ? `≤ ${targetKb} KB: met` : `> ${targetKb} KB: MISSED`;
  return [file, what, (bytes.length / 1024).toFixed(1), gz.toFixed(1), verdict];
});
console.log(table(['file', 'what', 'minified KB', 'gzip KB', 'target (gzip)'], rows));
