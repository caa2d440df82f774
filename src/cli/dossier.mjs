#!/usr/bin/env node
// Launcher for the `dossier` command: bundles src/cli/main.ts with esbuild when the bundle is
// missing or older than any source file, so the command always runs the code in src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'dist', 'cli', 'dossier.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'src'))) {
  const { buildCli } = await import(pathToFileURL(join(root, 'build.mjs')).href);
  await buildCli();
}
await import(pathToFileURL(bundle).href);
