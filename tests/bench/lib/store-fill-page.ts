// Bench-only, bundled by store-fill.ts and run inside an extension page (same origin as the
// background, so the same database): fills the store with quotes through the store's own quote
// writer (src/background/store/quote-writer.ts), so they carry the card keys and counters that
// every writer of the extension keeps, and the card is measured on the real path.
import { openStore } from '../../../src/background/store/open';
import { withQuoteWriter } from '../../../src/background/store/quote-writer';
import { UPGRADE_STEPS } from '../../../src/background/store/migrations';
import { withCardKeys } from '../../../src/background/store/quote-card-keys';
import type { QuoteRecord } from '../../../src/background/store/schema';

export interface FillQuotesArg {
  count: number;
  speakers: readonly string[];
  hot: string;
  provenance: { outlet: string; title: string; date: string; sentence: string };
}

/** Quotes per transaction: the counters are written once per transaction (per entity touched). */
const BATCH = 25_000;

const WORDS = 'the talks on trade and security will continue next week said officials in the capital'.split(' ');

/** The bench's i-th quote, the same every run. */
function benchQuote(i: number, { speakers, hot, provenance }: FillQuotesArg): QuoteRecord {
  const speaker = i % 50 === 0 ? hot : speakers[(i * 7919) % speakers.length]!;
  const mention = i % 50 === 25 ? hot : speakers[(i * 104729) % speakers.length]!;
  let text = '';
  for (let w = 0; w < 25; w++) text += WORDS[(i + w * 31) % WORDS.length] + ' ';
  const date = `2024-0${1 + (i % 9)}-1${i % 9}`;
  return {
    id: `bench-q${i}`,
    text: `${text.trim()}.`,
    speaker,
    mentions: [mention, speakers[(i * 31) % speakers.length]!],
    provenance: { ...provenance, date },
    origin: 'user',
  };
}

async function addQuotes(arg: FillQuotesArg): Promise<number> {
  const db = await openStore();
  try {
    for (let from = 0; from < arg.count; from += BATCH) {
      const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
      await withQuoteWriter(tx, async (writer) => {
        for (let i = from; i < Math.min(arg.count, from + BATCH); i++) await writer.put(benchQuote(i, arg));
      });
      await tx.done;
    }
    return arg.count;
  } finally {
    db.close();
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * The v4 → v5 upgrade a user with `count` quotes meets, in a database of its own: written as v4
 * wrote quotes (card keys, no counters), then opened with every upgrade step, timed.
 */
async function timeUpgrade(arg: FillQuotesArg): Promise<{ upgradeMs: number; counters: number }> {
  const name = 'dossier-bench-upgrade';
  await deleteDatabase(name);
  const v4 = await openStore({ name, steps: UPGRADE_STEPS.slice(0, 4) });
  for (let from = 0; from < arg.count; from += BATCH) {
    const tx = v4.transaction('quotes', 'readwrite');
    for (let i = from; i < Math.min(arg.count, from + BATCH); i++) void tx.store.put(withCardKeys(benchQuote(i, arg)));
    await tx.done;
  }
  v4.close();
  const started = performance.now();
  const v5 = await openStore({ name });
  const upgradeMs = performance.now() - started;
  const counters = await v5.count('quoteCounts');
  v5.close();
  await deleteDatabase(name);
  return { upgradeMs, counters };
}

(globalThis as unknown as { __dossierBenchFill: BenchFill }).__dossierBenchFill = { addQuotes, timeUpgrade };

export interface BenchFill {
  addQuotes: typeof addQuotes;
  timeUpgrade: typeof timeUpgrade;
}
