// Bench-only, bundled by sync-fill.ts and run inside an extension page (same origin as the
// background, so the same database): the sync bench's annotations, written as the store keeps
// them (time, orphan verdict), and the store's counts, read on the receiving profile.
import { createAnnotation } from '../../../src/core/annotations';
import { openStore } from '../../../src/background/store/open';

export interface FillAnnotationsArg {
  count: number;
  text: string;
}

const PER_TRANSACTION = 5000;

async function addAnnotations({ count, text }: FillAnnotationsArg): Promise<number> {
  const db = await openStore();
  try {
    for (let from = 0; from < count; from += PER_TRANSACTION) {
      const tx = db.transaction('annotations', 'readwrite');
      for (let i = from; i < Math.min(count, from + PER_TRANSACTION); i++) {
        const now = new Date(1767225600000 + i * 1000);
        const note = createAnnotation({ pageUrl: `https://bench.example/a/${i % 5000}`, title: `Article ${i % 5000}`, text, start: 4, end: 12, id: `urn:uuid:bench-${i}`, now, tags: [`tag-${i % 40}`], note: `Note ${i} on the talks.` });
        void tx.store.put({ ...note, time: now.getTime(), orphan: false } as never);
      }
      await tx.done;
    }
    return count;
  } finally {
    db.close();
  }
}

/** How many quotes and annotations the dossier holds (the receiving profile's check). */
async function counts(): Promise<{ quotes: number; annotations: number }> {
  const db = await openStore();
  try {
    return { quotes: await db.count('quotes'), annotations: await db.count('annotations') };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __dossierSyncFill: SyncFill }).__dossierSyncFill = { addAnnotations, counts };

export interface SyncFill {
  addAnnotations: typeof addAnnotations;
  counts: typeof counts;
}
