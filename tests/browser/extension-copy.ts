// A private build of the Chrome extension for one test file. Other test files (and engineers)
// rebuild dist/ while tests run, and a half-written dist/ makes the worker never start; a file
// that launches its own copy is immune. Built by build.mjs's own buildTarget, so the copy is
// what ships (every bundle, chunk, page and the Chrome manifest), only unminified.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { buildTarget } from '../../build.mjs';

/** Builds the extension into a new temp folder and returns its path. */
export async function buildExtensionCopy(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'dossier-test-ext-'));
  await (buildTarget as (name: string, options: { minify: boolean; outdir: string }) => Promise<string>)('chrome', { minify: false, outdir: out });
  return out;
}

/** Removes a folder made by buildExtensionCopy. */
export function removeExtensionCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
