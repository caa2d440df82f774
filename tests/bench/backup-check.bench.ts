// Checking a backup before a restore (parseBackup, run in the options page), in Node: a file of the
// restore bench's shape (the seed's own backup plus quotes, annotations and sightings by thirds of
// the room, restore.bench.ts), 34 MB by default. What the check measures the data against, the
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

/** The restore bench's file (restore.bench.ts makeFile), here in Node. */
function benchFile(seed: string, target: number): string {
  const base = JSON.parse(seed) as { entities: { id: string }[]; quotes: Record<string, unknown>[]; annotations: unknown[]; sightings: unknown[] };
  const ids = base.entities.map((e) => e.id);
  const template = base.quotes[0]!;
  const words = 'the minister said talks on trade and security would continue next week while officials in the capital waited for rain'.split(' ');
  const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const quote = (i: number) => ({
    ...template,
    id: `bench-quote-${i}`,
    text: `${sentence(i, 30)} (${i}).`,
    speaker: ids[i % ids.length],
    mentions: [ids[(i * 7) % ids.length], ids[(i * 13) % ids.length]].filter((id, k, all) => all.indexOf(id) === k),
    origin: 'user',
    sources: [{ url: `https://news.example/quotes/${i}`, title: `Story ${i}`, outlet: 'News Example', date: '2024-05-16' }],
  });
  const annotation = (i: number) => {
    const url = `https://news.example/notes/${i}`;
    const exact = sentence(i, 8);
    return {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url,
      title: `Story ${i}`,
      created: '2024-05-16T10:00:00.000Z',
      modified: '2024-05-16T10:00:00.000Z',
      target: { source: url, selector: [{ type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' }, { type: 'TextPositionSelector', start: 7, end: 7 + exact.length }] },
      body: { tags: ['bench'], colour: 'yellow', note: sentence(i + 1, 20) },
      entities: [ids[i % ids.length]],
      orphan: false,
    };
  };
  const sighting = (i: number) => ({ entityId: ids[i % ids.length], url: `https://news.example/${'story-'.repeat(10)}${i}`, title: `Story ${i}`, time: 1_717_243_200_000 + i, count: 1 + (i % 9) });
  const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  const third = (target - size(base)) / 3;
  const fill = <T>(make: (i: number) => T, room: number): T[] => {
    const out: T[] = [];
    for (let used = 0, i = 0; used + size(make(i)) + 1 <= room; i++) {
      const record = make(i);
      used += size(record) + 1;
      out.push(record);
    }
    return out;
  };
  base.quotes = [...base.quotes, ...fill(quote, third)];
  base.annotations = [...base.annotations, ...fill(annotation, third)];
  base.sightings = [...base.sightings, ...fill(sighting, target - size(base))];
  return JSON.stringify(base);
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
