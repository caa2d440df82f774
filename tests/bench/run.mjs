#!/usr/bin/env node
// `npm run bench`: bundles each TypeScript bench with esbuild (as src/cli/dossier.mjs does for the
// CLI) and runs it in its own Node process, one after another, so one bench's heap and JIT state
// never colour the next. Every bench prints Markdown tables; BENCHMARKS.md records them.
//   node tests/bench/run.mjs                   everything (builds the extension first)
//   node tests/bench/run.mjs matcher bundles   only these parts (matcher, browser, bundles)
//   node tests/bench/run.mjs browser -- card   what follows `--` goes to the bench itself: here
//                                              the browser bench's card part (4) only
//   node tests/bench/run.mjs browser -- growing   part 3 with the seed list only (~1 min)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCHES = {
  matcher: 'tests/bench/matcher.bench.ts',
  'matcher-quick': 'tests/bench/matcher-quick.bench.ts',
  browser: 'tests/bench/browser.bench.ts',
  bundles: 'tests/bench/bundles.bench.ts',
  ner: 'tests/bench/ner.bench.ts',
  // Issue 14: the iframe flood, the 20 MB page and the page naming nobody, builds side by side.
  heavy: 'tests/bench/heavy.bench.ts',
  // Issue 14: start → highlighted and the background's answers, two builds interleaved (needs DOSSIER_BASELINE_DIR).
  'start-ab': 'tests/bench/start-ab.bench.ts',
  claims: 'tests/bench/claims.bench.ts',
  sync: 'tests/bench/sync.bench.ts',
  // Issue 14: restore and backup at 10 MB and at the size limit, through the options page.
  restore: 'tests/bench/restore.bench.ts',
  // Issue 14: the restore's check of a 34 MB backup in Node, its byte counts before and after.
  'backup-check': 'tests/bench/backup-check.bench.ts',
  // Issue 15: the same first sync in Chromium's service worker, with the worker's heap.
  'sync-browser': 'tests/bench/sync-browser.bench.ts',
  // Issue 14: where our CPU goes until highlighted (a V8 sampling profile; best on a --dev build).
  'scan-profile': 'tests/bench/scan-profile.bench.ts',
  // Issue 14: where an append's CPU goes (the growing page's trace, our tasks by what started them).
  'append-trace': 'tests/bench/append-trace.bench.ts',
};
const dashes = process.argv.indexOf('--', 2);
const ours = dashes === -1 ? process.argv.slice(2) : process.argv.slice(2, dashes);
const passed = dashes === -1 ? [] : process.argv.slice(dashes + 1);
const asked = ours.filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(a in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : Object.keys(BENCHES);

// Bundled files live elsewhere; each keeps its own folder for import.meta.dirname.
const keepDirname = {
  name: 'keep-dirname',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined;
      const source = readFileSync(args.path, 'utf8').replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      return { contents: source, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

// One folder per checkout: node_modules may be shared by several worktrees (a symlink), and two
// checkouts benching at once must not run each other's bundles. The bundles stay under
// node_modules so their external imports resolve.
const outDir = join(root, 'node_modules', '.cache', 'dossier-bench', basename(root));
mkdirSync(outDir, { recursive: true });

// DOSSIER_BENCH_NO_BUILD=1 benches dist/chrome as it is (while tests use it, say).
if (['browser', 'bundles', 'heavy', 'start-ab', 'restore', 'sync-browser', 'scan-profile', 'append-trace'].some((part) => chosen.includes(part)) && !process.env.DOSSIER_BENCH_NO_BUILD) {
  console.log('building the extension (node build.mjs) …');
  const build = spawnSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failed = false;
for (const name of chosen) {
  const outfile = join(outDir, `${name}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, BENCHES[name])],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [keepDirname],
  });
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...passed], { cwd: root, stdio: 'inherit' });
  console.log(`\n(${name} bench: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
