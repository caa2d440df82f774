// Writes src/data/public-suffixes/rules.txt: the Public Suffix List's rules (ICANN and private
// sections, "*." wildcards and "!" exceptions), one per line, read out of the trie that the tldts
// package (a dev dependency) ships. The background fetches this file the first time it needs a
// page's site (src/core/web/site.ts) instead of bundling tldts: its trie is 140 KB of array
// literals that each waking service worker had to compile (+5.7 ms per wake, BENCHMARKS part 5).
// tests/unit/public-suffixes.test.ts holds our lookup over this file to tldts's own answers.
//   node scripts/public-suffixes.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('tldts/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const trie = await import(pathToFileURL(join(packageDir, 'dist/es6/src/data/trie.js')).href);
const { nodeFlags, edgeStart, edgeLength, edgeChild, labelText, rulesRoot, exceptionsRoot } = trie;

// Where each edge's label starts in labelText: the labels are laid out edge after edge.
const edgeOffset = new Uint32Array(edgeLength.length);
for (let edge = 0, offset = 0; edge < edgeLength.length; offset += edgeLength[edge], edge++) edgeOffset[edge] = offset;

/** Every rule under `root`: the trie is keyed from the top-level label down. */
function rulesUnder(root) {
  const out = [];
  const walk = (node, labels) => {
    if (labels.length > 0 && (nodeFlags[node] & 3) !== 0) out.push([...labels].reverse().join('.'));
    for (let edge = edgeStart[node]; edge < edgeStart[node + 1]; edge++) {
      walk(edgeChild[edge], [...labels, labelText.slice(edgeOffset[edge], edgeOffset[edge] + edgeLength[edge])]);
    }
  };
  walk(root, []);
  return out;
}

// tldts keeps each Unicode rule in its punycode spelling too, the one a URL's host has.
const rules = [...rulesUnder(rulesRoot), ...rulesUnder(exceptionsRoot).map((r) => `!${r}`)].sort();
const header = [
  `// The Public Suffix List (https://publicsuffix.org/), ICANN and private sections, as shipped by tldts ${version}.`,
  '// Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/). Written by scripts/public-suffixes.mjs; do not edit.',
];
writeFileSync('src/data/public-suffixes/rules.txt', `${[...header, ...rules].join('\n')}\n`);
console.log(`${rules.length} rules (${rules.filter((r) => r.startsWith('!')).length} exceptions, ${rules.filter((r) => r.startsWith('*.')).length} wildcards) from tldts ${version}`);
