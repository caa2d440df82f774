// Part 5 of issue 6: the size of each bundle of the built extension (dist/chrome), minified as
// shipped and gzipped (level 9, what a store download and the disk cache roughly cost).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { table } from './lib/stats';

const DIST = resolve(import.meta.dirname, '../../dist/chrome');
const BUNDLES = [
  ['content script', 'content.js'],
  ['background', 'background.js'],
  ['popup', 'popup/popup.js'],
  ['options', 'options/options.js'],
] as const;
const CONTENT_TARGET_KB = 40;

console.log('# Bundles (dist/chrome, minified)\n');
const rows = BUNDLES.map(([what, file]) => {
  const path = join(DIST, file);
  if (!existsSync(path)) return [what, file, 'missing', 'missing', ''];
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length / 1024;
  const verdict = what === 'content script' ? (gz <= CONTENT_TARGET_KB ? `≤ ${CONTENT_TARGET_KB} KB: met` : `> ${CONTENT_TARGET_KB} KB: MISSED`) : '';
  return [what, file, (bytes.length / 1024).toFixed(1), gz.toFixed(1), verdict];
});
console.log(table(['bundle', 'file', 'minified KB', 'gzip KB', 'target'], rows));
