// `npm run bench -- sync` (node tests/bench/run.mjs sync): the first sync of a big dossier, 100,000
// quotes and 20,000 annotations, from one device to a CouchDB-compatible server and from there to
// a second, empty device. Time and peak memory of the syncing process; the server runs in a child
// process (this same file with --serve), so its in-memory copy of the documents is not counted.
// Runs in Node: the dossier on fake-indexeddb, the mirror on PouchDB's memory adapter, Node's
// WebCrypto, real HTTP to express-pouchdb: the engine's own cost, not Chromium's IndexedDB.
//   node tests/bench/run.mjs sync -- --quotes 20000 --annotations 4000    a smaller run
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { createAnnotation } from '../../src/core/annotations';
import { makeDevice } from '../couch/devices';
import { startCouchServer } from '../couch/server';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const QUOTES = arg('quotes', 100_000);
const ANNOTATIONS = arg('annotations', 20_000);
const PASSWORD = 'bench-password';

async function serve(): Promise<void> {
  const couch = await startCouchServer();
  // No validation document: the bench measures the client, not the server's per-document check.
  await couch.createTeam('bench', { writers: ['ana', 'ben'], password: PASSWORD, validation: false });
  console.log(JSON.stringify({ url: couch.url }));
}

function startServerProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ url: (JSON.parse(line) as { url: string }).url, stop: () => child.kill() }));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

/** Peak RSS and heap while `body` runs, sampled every 50 ms. */
async function measured<T>(body: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number; peakHeap: number; working: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = getHeapStatistics().used_heap_size;
  // process.memoryUsage() walks the heap's spaces and reads /proc: ~2 ms a call under load, which
  // every 50 ms showed up in the profile; rss() and the heap's used size are the cheap halves.
  let peakRss = process.memoryUsage.rss();
  let peakHeap = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  }, 50);
  const started = performance.now();
  try {
    const value = await body();
    const ms = performance.now() - started;
    gc?.();
    // What the pass held at its peak beyond what stays stored (the dossier and the mirror live in
    // this heap here, in IndexedDB in the browser): the pass's own working set, bounded by its batches.
    const working = peakHeap - Math.max(before, getHeapStatistics().used_heap_size);
    return { value, ms, peakRss, peakHeap, working };
  } finally {
    clearInterval(timer);
  }
}

const TEXT = 'The minister said the talks in Geneva would resume next week, according to two officials.';
const MB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

async function main(): Promise<void> {
  const server = await startServerProcess();
  try {
    const a = await makeDevice('bench-a');
    const fillStarted = performance.now();
    for (let from = 0; from < QUOTES; from += 2000) {
      const tx = a.db.transaction('quotes', 'readwrite');
      for (let i = from; i < Math.min(QUOTES, from + 2000); i++) {
        void tx.store.put({
          id: `q-${i}`,
          text: `Quote number ${i}: ${TEXT}`,
          speaker: `person-${i % 500}`,
          mentions: [`place-${i % 50}`],
          provenance: { outlet: 'Bench Post', title: `Article ${i % 5000}`, date: '2026-01-01', sentence: TEXT, url: `https://bench.example/a/${i % 5000}` },
          origin: 'user',
          sources: [{ url: `https://bench.example/a/${i % 5000}`, title: `Article ${i % 5000}`, outlet: 'Bench Post', date: '2026-01-01' }],
        } as never);
      }
      await tx.done;
    }
    for (let from = 0; from < ANNOTATIONS; from += 2000) {
      const tx = a.db.transaction('annotations', 'readwrite');
      for (let i = from; i < Math.min(ANNOTATIONS, from + 2000); i++) {
        const note = createAnnotation({ pageUrl: `https://bench.example/a/${i % 5000}`, title: `Article ${i % 5000}`, text: TEXT, start: 4, end: 12, id: `urn:uuid:bench-${i}`, now: new Date(1767225600000 + i * 1000), tags: [`tag-${i % 40}`], note: `Note ${i} on the talks.` });
        void tx.store.put({ ...note, time: 1767225600000 + i * 1000, orphan: false } as never);
      }
      await tx.done;
    }
    console.log(`filled ${QUOTES} quotes and ${ANNOTATIONS} annotations in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
    const settings = (username: string) => ({ server: server.url, database: 'bench', username, password: PASSWORD, passphrase: 'bench passphrase', history: false });

    // Each row is printed as soon as its pass ends: a run cut short still leaves its figures.
    console.log(`\n### First sync of ${QUOTES.toLocaleString('en')} quotes and ${ANNOTATIONS.toLocaleString('en')} annotations\n`);
    console.log('| pass | time | peak RSS | peak JS heap | working set of the pass | documents |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    const row = (name: string, m: Awaited<ReturnType<typeof measured>>, what: string): void =>
      console.log(`| ${name} | ${(m.ms / 1000).toFixed(1)} s | ${MB(m.peakRss)} MB | ${MB(m.peakHeap)} MB | ${MB(m.working)} MB | ${what} |`);
    const push = await measured(() => a.sync.configure(settings('ana')));
    row('first sync, device A (encrypt + push)', push, `pushed ${push.value.last?.pushed ?? 0}${push.value.problem ? `, problem: ${push.value.problem.message}` : ''}`);
    const again = await measured(() => a.sync.syncNow());
    row('next pass, device A (nothing changed)', again, `pushed ${again.value.last?.pushed ?? 0}`);
    // A day's work after the first sync: the pass reads only the marked records (sync-marks.ts).
    const EDITS = 100;
    for (let i = 0; i < EDITS; i++) {
      const note = createAnnotation({ pageUrl: `https://bench.example/a/${i}`, title: `Article ${i}`, text: TEXT, start: 4, end: 12, id: `urn:uuid:bench-${i}`, now: new Date(1767225600000 + i * 1000), tags: ['edited'], note: `Note ${i}, edited.` });
      await a.store.annotations.save(note, Date.now());
    }
    const edited = await measured(() => a.sync.syncNow());
    row(`next pass, device A (${EDITS} notes edited)`, edited, `pushed ${edited.value.last?.pushed ?? 0}`);
    const b = await makeDevice('bench-b');
    const pull = await measured(() => b.sync.configure(settings('ben')));
    const pulled = await b.store.annotations.list({ limit: 1 });
    const quotesOnB = await b.db.count('quotes');
    row('first sync, device B (pull + decrypt + write)', pull, `applied ${pull.value.last?.applied ?? 0}: ${quotesOnB} quotes, ${pulled.total} annotations`);
    console.log('\nNode ' + process.version + ', dossier on fake-indexeddb, mirror in memory (its copy of every document is part of the RSS), server in a child process.');
  } finally {
    server.stop();
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
