// Checking a backup before a restore (parseBackup, run in the options page), in Node: a file of the
// restore bench's shape (the seed's own backup plus quotes, annotations and sightings by thirds of
// the room, lib/bench-backup.ts), 34 MB by default. What the check measures the data against, the
// bytes the export would write, was counted by stringifying the validated backup again and
// counting that string's bytes; the file's own bytes were counted twice. "before" repeats those
// steps here, "after" is parseBackup as it is, the two taken in turn in one process.
//   node tests/bench/run.mjs backup-check            34 MB, DOSSIER_BENCH_SAMPLES (default 5) each
//   node tests/bench/run.mjs backup-check -- 40      another size (MB)
import 'fake-indexeddb/auto';
import { utf8Length } from '../../src/core/annotations/json-input';
import { jsonBytes } from '../../src/core/json-bytes';
import { createStore, openStore } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import { parseBackup } from '../../src/background/store/backup-validate';
import { SEED } from '../../src/data/seed';
import { growLastBackup } from './lib/bench-backup';
import { machineLine } from './lib/machine';
import { formatNumber, median, table } from './lib/stats';

const MB = 1024 * 1024;
const SAMPLES = Number(process.env.DOSSIER_BENCH_SAMPLES ?? 5);
const asked = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const TARGET = (asked[0] ?? 34) * MB;
const NOW = Date.parse('2024-06-01T12:00:00Z');

/** The seed's own backup, as the options page downloads it from a fresh dossier. */
async function seedBackup(): Promise<string> {
  const db = await openStore({ name: 'bench-backup-check' });
  const store = createStore(async () => db);
  await store.syncSeed(SEED);
  return JSON.stringify(await readBackup(db, NOW));
}

/** The restore bench's file (lib/bench-backup.ts), here in Node. */
function benchFile(seed: string, target: number): string {
  const w = globalThis as unknown as { __lastBackup?: string; __file?: string };
  w.__lastBackup = seed;
  growLastBackup(target);
  const text = w.__file!;
  delete w.__lastBackup;
  delete w.__file;
  return text;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const text = benchFile(await seedBackup(), TARGET);
const bytes = Buffer.byteLength(text);
const parsedOnce = parseBackup(text);
if (!parsedOnce.ok) throw new Error(parsedOnce.error);
const backup = parsedOnce.backup;

// The steps that changed, in turn, and the whole check as it is now. The check as it was is the
// same check with one more pass over the file and the data stringified again instead of walked:
// derived per sample from the same run's figures.
const steps = { filePass: [] as number[], restringify: [] as number[], walk: [] as number[], after: [] as number[], before: [] as number[] };
for (let i = 0; i < SAMPLES; i++) {
  const filePass = time(() => utf8Length(text)).ms;
  const old = time(() => utf8Length(JSON.stringify(backup)));
  const now = time(() => jsonBytes(backup));
  if (old.value !== now.value) throw new Error(`counts differ: ${old.value} stringified, ${now.value} walked`);
  const after = time(() => parseBackup(text));
  if (!after.value.ok) throw new Error(after.value.error);
  steps.filePass.push(filePass);
  steps.restringify.push(old.ms);
  steps.walk.push(now.ms);
  steps.after.push(after.ms);
  steps.before.push(after.ms - now.ms + old.ms + filePass);
}

const ms = (values: number[]) => formatNumber(median(values));
console.log(`# Checking a backup before a restore (Node, ${(bytes / MB).toFixed(1)} MB file of the restore bench's shape)\n`);
console.log(machineLine());
console.log('');
console.log(
  table(
    ['step', `median of ${SAMPLES} (ms)`],
    [
      ['one pass over the file counting its UTF-8 bytes (before: two)', ms(steps.filePass)],
      ['the data\'s bytes: stringified again, then counted (before)', ms(steps.restringify)],
      ['the data\'s bytes: walked, no string (after)', ms(steps.walk)],
      ['parseBackup before (derived: after - walk + restringify + one file pass)', ms(steps.before)],
      ['parseBackup after (measured)', ms(steps.after)],
    ],
  ),
);
