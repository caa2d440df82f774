// A private build of the Chrome extension for one test file. Other test files (and engineers)
// rebuild dist/ while tests run, and a half-written dist/ makes the worker never start; a file
// that launches its own copy is immune. Mirrors build.mjs: background, content, and every
// src/ui/<page>/index.tsx with its HTML/CSS, the icons and the Chrome manifest.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './harness';

/** Builds the extension into a new temp folder and returns its path. */
export async function buildExtensionCopy(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'dossier-test-ext-'));
  const entries = [
    { in: 'src/background/index.ts', out: 'background.js' },
    { in: 'src/content/index.ts', out: 'content.js' },
  ];
  for (const dir of readdirSync(join(ROOT, 'src/ui'))) {
    if (!existsSync(join(ROOT, 'src/ui', dir, 'index.tsx'))) continue;
    entries.push({ in: `src/ui/${dir}/index.tsx`, out: `${dir}/${dir}.js` });
    mkdirSync(join(out, dir), { recursive: true });
    for (const file of readdirSync(join(ROOT, 'src/ui', dir))) {
      if (/\.(html|css)$/.test(file)) cpSync(join(ROOT, 'src/ui', dir, file), join(out, dir, file));
    }
  }
  await Promise.all(
    entries.map((e) =>
      esbuild.build({
        entryPoints: [join(ROOT, e.in)],
        outfile: join(out, e.out),
        bundle: true,
        format: 'iife',
        target: ['chrome120'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        define: { 'process.env.NODE_ENV': '"development"', __BROWSER__: '"chrome"' },
        logLevel: 'silent',
      }),
    ),
  );
  cpSync(join(ROOT, 'icons'), join(out, 'icons'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, background: { service_worker: 'background.js' } }));
  return out;
}

/** Removes a folder made by buildExtensionCopy. */
export function removeExtensionCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
