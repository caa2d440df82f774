#!/usr/bin/env node
// Bundles eval-speakers-main.ts with esbuild and runs it from the repository's root (`npm run eval:speakers`).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(root, 'dist', 'cli', 'eval-speakers.mjs');
await build({ entryPoints: [join(root, 'src/cli/eval/eval-speakers-main.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: out, logLevel: 'warning' });
process.chdir(root);
await import(pathToFileURL(out).href);
