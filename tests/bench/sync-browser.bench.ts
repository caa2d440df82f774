// `node tests/bench/run.mjs sync-browser`: issue 15's first sync where users run it, in Chromium's
// extension service worker: 100,000 quotes and 20,000 annotations in profile A's IndexedDB go to a
// CouchDB-compatible server (express-pouchdb in a child process) and from there to an empty
// profile B. Time of each first sync, the worker's JS heap (after a GC before, peak during, after a
// GC at the end) and the PSS of all the browser's processes, sampled every 500 ms over CDP.
// Bounded memory means the peak heap stays flat when the dossier grows: run two sizes.
//   node tests/bench/run.mjs sync-browser -- --quotes 25000 --annotations 5000
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, SKIP_REASON, extensionUrl, launchWithExtension, type ExtensionBrowser } from '../browser/harness';
import { startCouchServer } from '../couch/server';
import { machineLine } from './lib/machine';
import { addQuotes } from './lib/store-fill';
import type { SyncFill } from './lib/sync-fill-page';
import { measureIn, watchWorker, type Measured } from './lib/worker-memory';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const QUOTES = arg('quotes', 100_000);
const ANNOTATIONS = arg('annotations', 20_000);
/** `--profile`: V8's sampling heap profiler in the worker; prints where the live heap's peak was allocated. */
const PROFILE = process.argv.includes('--profile');
const PASSWORD = 'bench-password';
const TEXT = 'The minister said the talks in Geneva would resume next week, according to two officials.';

async function serve(): Promise<void> {
  const couch = await startCouchServer();
  // No validation document: the bench measures the client, not the server's per-document check.
  await couch.createTeam('bench', { writers: ['ana', 'ben'], password: PASSWORD, validation: false });
  console.log(JSON.stringify({ url: couch.url }));
}

/** CPU seconds a process has used (utime + stime from /proc, in clock ticks of 1/100 s). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function startServerProcess(): Promise<{ url: string; cpu(): number; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, cpu: () => cpuOf(child.pid), stop: () => child.kill() }));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** dist/chrome with the test server's host permission already granted (no prompt to click). */
function grantedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

let pageScript: Promise<string> | undefined;
function fillScript(): Promise<string> {
  pageScript ??= esbuild
    .build({ entryPoints: [join(import.meta.dirname, 'lib/sync-fill-page.ts')], bundle: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'warning' })
    .then((result) => result.outputFiles[0]!.text);
  return pageScript;
}

async function optionsPage(profile: ExtensionBrowser): Promise<Page> {
  const page = await profile.context.newPage();
  await page.goto(extensionUrl(profile, 'options/options.html'));
  await page.getByTestId('sync-status').waitFor();
  await page.evaluate(await fillScript());
  return page;
}

interface Status {
  on: boolean;
  problem?: { message: string };
  last?: { pushed: number; pulled: number; applied: number };
}

function send<T>(page: Page, type: string, payload: unknown): Promise<T> {
  return page
    .evaluate(
      ([t, p]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
      [type, payload] as const,
    )
    .then((reply) => {
      const r = reply as { ok: boolean; value?: T; error?: string };
      if (!r.ok) throw new Error(`${type}: ${r.error}`);
      return r.value as T;
    });
}

const counts = (page: Page) => page.evaluate(() => (globalThis as unknown as { __dossierSyncFill: SyncFill }).__dossierSyncFill.counts());

const MB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/** With --profile: the live heap over the pass and the allocation sites alive at its peak. */
function details(name: string, m: Measured<Status>): void {
  if (!PROFILE) return;
  const series = m.live.map(([ms, bytes]) => `${(ms / 1000).toFixed(0)}s:${MB(bytes)}`).join(' ');
  console.error(`\n[${name}] live heap (s:MB): ${series}`);
  if (!m.atPeak) return;
  console.error(`[${name}] at the peak (${(m.atPeak.ms / 1000).toFixed(0)} s), live bytes by allocating stack:`);
  for (const site of m.atPeak.sites) console.error(`  ${(site.bytes / 1024 / 1024).toFixed(1)} MB  ${site.stack}`);
}

function row(name: string, m: Measured<Status>, serverCpu: number, what: string): void {
  details(name, m);
  console.log(
    `| ${name} | ${(m.ms / 1000).toFixed(1)} s | ${m.cpuSeconds.toFixed(0)} s + ${serverCpu.toFixed(0)} s | ${MB(m.heapBefore)} → **${MB(m.peakLiveHeap)}** (${MB(m.peakHeap)}) → ${MB(m.heapAfter)} MB | ${MB(m.pssBefore)} → ${MB(m.peakPss)} MB (biggest: ${m.peakBiggest.type} ${MB(m.peakBiggest.pss)} MB) | ${what}${m.value.problem ? `; problem: ${m.value.problem.message}` : ''} |`,
  );
}

async function main(): Promise<void> {
  if (SKIP_REASON) {
    console.log(`# Sync in Chromium\n\n${SKIP_REASON}`);
    return;
  }
  console.log(`# First sync in Chromium's extension service worker\n\n${machineLine()}\n`);
  const server = await startServerProcess();
  const dir = grantedCopy();
  const profiles: ExtensionBrowser[] = [];
  try {
    const a = await launchWithExtension(dir);
    profiles.push(a);
    const optionsA = await optionsPage(a);
    const fillStarted = performance.now();
    const speakers = Array.from({ length: 500 }, (_, i) => `person-${i}`);
    await addQuotes(optionsA, QUOTES, speakers, 'person-0');
    await optionsA.evaluate((a) => (globalThis as unknown as { __dossierSyncFill: SyncFill }).__dossierSyncFill.addAnnotations(a), { count: ANNOTATIONS, text: TEXT });
    const onA = await counts(optionsA);
    console.log(`profile A filled (${onA.quotes} quotes, ${onA.annotations} annotations in its store) in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s\n`);
    const settings = (username: string) => ({ server: server.url, database: 'bench', username, password: PASSWORD, passphrase: 'bench passphrase', history: false });

    console.log(`### First sync of ${QUOTES.toLocaleString('en')} quotes and ${ANNOTATIONS.toLocaleString('en')} annotations\n`);
    console.log('| pass | time | CPU: Chromium + server | worker JS heap: before → **peak live** (peak used) → after | PSS of all Chromium processes: before → peak | documents |');
    console.log('| --- | ---: | ---: | --- | --- | --- |');
    const memoryA = await watchWorker(a);
    let serverBefore = server.cpu();
    const push = await measureIn(memoryA, () => send<Status>(optionsA, 'sync/configure', settings('ana')), 500, 5000, PROFILE);
    row('first sync, profile A (encrypt + push)', push, server.cpu() - serverBefore, `pushed ${push.value.last?.pushed ?? 0}`);
    serverBefore = server.cpu();
    const again = await measureIn(memoryA, () => send<Status>(optionsA, 'sync/now', {}), 500, 5000, PROFILE);
    row('next pass, profile A (nothing changed)', again, server.cpu() - serverBefore, `pushed ${again.value.last?.pushed ?? 0}`);
    await memoryA.close();
    await a.close();
    profiles.length = 0;

    const b = await launchWithExtension(dir);
    profiles.push(b);
    const optionsB = await optionsPage(b);
    const memoryB = await watchWorker(b);
    serverBefore = server.cpu();
    const pull = await measureIn(memoryB, () => send<Status>(optionsB, 'sync/configure', settings('ben')), 500, 5000, PROFILE);
    const serverPull = server.cpu() - serverBefore;
    const onB = await counts(optionsB);
    row('first sync, profile B (pull + decrypt + write)', pull, serverPull, `applied ${pull.value.last?.applied ?? 0}: ${onB.quotes} quotes, ${onB.annotations} annotations`);
    await memoryB.close();
    console.log('\nWorker heap: after a forced GC before the pass; **the peak of the heap right after a forced GC every 5 s during it** (what the pass holds); in brackets the peak of the used heap sampled every 500 ms, garbage included; after a forced GC at the end.');
    console.log('Server: express-pouchdb in memory, in a child process (not counted). The DevTools session attached to the worker keeps it alive through a long pass.');
  } finally {
    for (const p of profiles) await p.close().catch(() => undefined);
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) void serve();
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
