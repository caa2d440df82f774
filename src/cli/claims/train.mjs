#!/usr/bin/env node
// Bundles train-main.ts with esbuild and runs it from the repository's root.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'dist', 'cli', 'train-claims.mjs');
await build({ entryPoints: [join(root, 'src/cli/claims/train-main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
process.chdir(root);
await import(pathToFileURL(out).href);
