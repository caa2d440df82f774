// Bench-only, bundled by store-fill.ts and run inside an extension page (same origin as the
// background, so the same database): fills the store with quotes through the store's own quote
// writer (src/background/store/quote-writer.ts), so they carry the card keys and counters that
// every writer of the extension keeps, and the card is measured on the real path.
import { openStore } from '../../../src/background/store/open';
import { withQuoteWriter } from '../../../src/background/store/quote-writer';
import type { QuoteRecord } from '../../../src/background/store/schema';

export interface FillQuotesArg {
  count: number;
  speakers: readonly string[];
  hot: string;
  provenance: { outlet: string; title: string; date: string; sentence: string };
}

/** Quotes per transaction: the counters are written once per transaction (per entity touched). */
const BATCH = 25_000;

async function addQuotes({ count, speakers, hot, provenance }: FillQuotesArg): Promise<number> {
  const db = await openStore();
  try {
    const words = 'the talks on trade and security will continue next week said officials in the capital'.split(' ');
    for (let from = 0; from < count; from += BATCH) {
      const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
      await withQuoteWriter(tx, async (writer) => {
        for (let i = from; i < Math.min(count, from + BATCH); i++) {
          const speaker = i % 50 === 0 ? hot : speakers[(i * 7919) % speakers.length]!;
          const mention = i % 50 === 25 ? hot : speakers[(i * 104729) % speakers.length]!;
          let text = '';
          for (let w = 0; w < 25; w++) text += words[(i + w * 31) % words.length] + ' ';
          const date = `2024-0${1 + (i % 9)}-1${i % 9}`;
          const record: QuoteRecord = {
            id: `bench-q${i}`,
            text: `${text.trim()}.`,
            speaker,
            mentions: [mention, speakers[(i * 31) % speakers.length]!],
            provenance: { ...provenance, date },
            origin: 'user',
          };
          await writer.put(record);
        }
      });
      await tx.done;
    }
    return count;
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __dossierBenchFill: { addQuotes: typeof addQuotes } }).__dossierBenchFill = { addQuotes };
