// The card's UI alone, outside the extension: a preview script (mounting the card with made-up
// state) bundled for a plain page, so tests can look at the card's drawing in a hostile page.
import * as esbuild from 'esbuild';
import { ROOT } from './harness';

/** `source` (TypeScript importing from the repo root) bundled into one script for a page. */
export async function bundlePreview(source: string): Promise<string> {
  const bundle = await esbuild.build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'preview.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}
