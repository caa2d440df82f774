// Builds Dossier for Chrome and Firefox from one table of entries.
//   node build.mjs            production build of dist/chrome, dist/firefox and their zips
//   node build.mjs --dev      the same, unminified with inline source maps
//   node build.mjs --cli      only the Node command line (dist/cli/dossier.mjs)
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));

/** Every bundle of the extension: source entry -> output path inside each dist folder. */
export const ENTRIES = [
  { in: 'src/background/index.ts', out: 'background.js' },
  { in: 'src/content/index.ts', out: 'content.js' },
  { in: 'src/ui/popup/index.tsx', out: 'popup/popup.js' },
  { in: 'src/ui/options/index.tsx', out: 'options/options.js' },
  { in: 'src/ui/review/index.tsx', out: 'review/review.js' },
  // Dossier's frames on pages (src/content/frames): the card, the note form and bubble.
  { in: 'src/ui/frames/card-frame.tsx', out: 'card/card.js' },
  { in: 'src/ui/frames/note-frame.ts', out: 'note/note.js' },
  // The content script's chunks: ES modules it imports when first needed (src/content/runtime/chunks.ts).
  { in: 'src/content/lazy/annotate.ts', out: 'chunks/annotate.js', format: 'esm' },
  { in: 'src/content/lazy/harvest.ts', out: 'chunks/harvest.js', format: 'esm' },
  // The card's host and frame code: loaded after the first highlights, or at the first press (issue 14).
  { in: 'src/content/lazy/card.ts', out: 'chunks/card.js', format: 'esm' },
  // The second stage: content.js is the first stage, which loads this where the page names someone (issue 14).
  { in: 'src/content/lazy/app.ts', out: 'chunks/app.js', format: 'esm' },
];

/** Static files copied beside the bundles (HTML shells and their CSS). */
const STATIC = [
  { from: 'src/ui/popup/popup.html', to: 'popup/popup.html' },
  { from: 'src/ui/popup/popup.css', to: 'popup/popup.css' },
  { from: 'src/ui/options/options.html', to: 'options/options.html' },
  { from: 'src/ui/options/options.css', to: 'options/options.css' },
  { from: 'src/ui/review/review.html', to: 'review/review.html' },
  { from: 'src/ui/review/review.css', to: 'review/review.css' },
  // The trained recogniser's weights: fetched by the review page only (src/ui/review/ner-model.ts).
  { from: 'src/data/ner/ner-model.bin', to: 'models/ner-model.bin' },
  // The claim restatement model (npm run train:claims): fetched by the background, never by a page.
  { from: 'src/data/claim-model/model.json', to: 'models/claim-model.json' },
  { from: 'src/data/claim-model/WORDNET-LICENSE', to: 'models/WORDNET-LICENSE' },
  // The Public Suffix List's rules (scripts/public-suffixes.mjs): fetched by the background, for a page's site.
  { from: 'src/data/public-suffixes/rules.txt', to: 'models/public-suffixes.txt' },
  { from: 'src/ui/frames/card.html', to: 'card/card.html' },
  { from: 'src/ui/frames/note.html', to: 'note/note.html' },
];

const TARGETS = {
  chrome: (manifest) => ({
    ...manifest,
    // A per-session address for the chunks: a page cannot load a fixed URL to learn Dossier is installed.
    // (Firefox needs no such thing: its extension addresses are random per install.)
    web_accessible_resources: manifest.web_accessible_resources.map((entry) => ({ ...entry, use_dynamic_url: true })),
    background: { service_worker: 'background.js' },
    minimum_chrome_version: '120',
  }),
  firefox: (manifest) => ({
    ...manifest,
    background: { scripts: ['background.js'] },
    browser_specific_settings: {
      gecko: {
        id: 'dossier@dossier-extension.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
};

const common = {
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox140'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
  // Sync (PouchDB): the changes-filter plugin evaluates strings as code; see the stand-in's comment.
  alias: { 'pouchdb-changes-filter': join(root, 'src/background/sync/no-string-filters.ts') },
};

/**
 * Builds one browser's extension into `outdir` (dist/<name> unless given: tests build private
 * copies, see tests/browser/extension-copy.ts).
 */
export async function buildTarget(name, { minify, outdir = join(root, 'dist', name) }) {
  const hash = await bundledSeedHash();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await Promise.all(
    ENTRIES.filter((e) => existsSync(join(root, e.in))).map((e) =>
      esbuild.build({
        ...common,
        entryPoints: [join(root, e.in)],
        outfile: join(outdir, e.out),
        format: e.format ?? common.format,
        minify,
        sourcemap: minify ? false : 'inline',
        define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"', __BROWSER__: JSON.stringify(name), __DOSSIER_SEED_HASH__: JSON.stringify(hash) },
      }),
    ),
  );
  for (const s of STATIC) {
    if (existsSync(join(root, s.from))) {
      mkdirSync(dirname(join(outdir, s.to)), { recursive: true });
      cpSync(join(root, s.from), join(outdir, s.to));
    }
  }
  cpSync(join(root, 'icons'), join(outdir, 'icons'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  manifest.version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(TARGETS[name](manifest), null, 2) + '\n');
  return outdir;
}

/**
 * The seed's hash (src/background/store/seed-hash.ts) as the background would compute it at every
 * open of a stopped worker: computed once here and bundled in.
 */
async function bundledSeedHash() {
  const { outputFiles } = await esbuild.build({
    stdin: {
      contents: "import { SEED } from './src/data/seed'; import { seedHash } from './src/background/store/seed-hash'; export const hash = seedHash(SEED);",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const { hash } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  return hash;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function zipFolder(dir, zipPath) {
  const files = {};
  for (const f of listFiles(dir)) files[relative(dir, f).split('\\').join('/')] = readFileSync(f);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2024-05-16T00:00:00Z') }));
}

/** The command line runs in Node over the same core. */
export async function buildCli() {
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/cli/dossier.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    sourcemap: 'inline',
  });
}

async function main() {
  if (args.has('--cli')) return buildCli();
  const minify = !args.has('--dev');
  for (const name of Object.keys(TARGETS)) {
    const dir = await buildTarget(name, { minify });
    zipFolder(dir, join(root, 'dist', `dossier-${name}.zip`));
  }
  await buildCli();
  console.log('built dist/chrome, dist/firefox, their zips and dist/cli');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(`build failed: ${err.message}`);
    process.exit(1);
  });
}
