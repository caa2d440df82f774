// The project's root, found by walking up from this module to the folder holding package.json:
// the same from the source (tests import src/cli/**) and from the dist/cli bundles, wherever the
// importing file sits.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function repoRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error('no package.json above the command line code');
  }
}
