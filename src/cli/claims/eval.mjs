#!/usr/bin/env node
// Bundles eval-main.ts with esbuild and runs it from the repository's root (`npm run eval:claims`).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'dist', 'cli', 'eval-claims.mjs');
await build({ entryPoints: [join(root, 'src/cli/claims/eval-main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
process.chdir(root);
await import(pathToFileURL(out).href);
