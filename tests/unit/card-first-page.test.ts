// The card's first page of quotes is read in one getAllRecords request where the browser has it
// (card-quotes.ts), else by a backwards cursor. Both must list the same quotes in the same order,
// ties on the same date included: "Show more" goes on with the cursor from where the first page
// ended, and a different order there would repeat some quotes and skip others.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBIndex as FakeIndex } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DossierDB } from '../../src/background/store';
import { readQuoteSection } from '../../src/background/store/card-quotes';
import { withQuoteWriter } from '../../src/background/store/quote-writer';

const provenance = (date: string) => ({ outlet: 'Example News', title: `Story of ${date}`, date, sentence: 'Someone spoke.' });

/** 45 quotes by Tom mentioning Lea, on only 4 dates: most of them tie. */
async function filled(): Promise<DossierDB> {
  const db = await openStore({ factory: new IDBFactory() });
  const tx = db.transaction(['quotes', 'quoteCounts'], 'readwrite');
  await withQuoteWriter(tx, async (writer) => {
    for (let i = 0; i < 45; i++) {
      const date = `2024-0${1 + (i % 4)}-01`;
      await writer.put({ id: `q${(i * 37) % 101}`, text: `Words ${i}.`, speaker: 'tom', mentions: ['lea'], provenance: provenance(date), origin: 'user' });
    }
  });
  await tx.done;
  return db;
}

async function page(db: DossierDB, which: 'by' | 'about', offset: number): Promise<string[]> {
  const tx = db.transaction(['quotes', 'quoteCounts']);
  const id = which === 'by' ? 'tom' : 'lea';
  const { records } = await readQuoteSection(tx.objectStore('quotes'), tx.objectStore('quoteCounts'), id, which, offset, 20);
  return records.map((r) => r.id);
}

const original = Object.getOwnPropertyDescriptor(FakeIndex.prototype, 'getAllRecords');
afterEach(() => {
  if (original) Object.defineProperty(FakeIndex.prototype, 'getAllRecords', original);
});

describe("the card's first page of quotes", () => {
  it('is the same with getAllRecords as with a backwards cursor, and show more follows on', async () => {
    expect(original, 'fake-indexeddb has getAllRecords').toBeDefined();
    const db = await filled();
    for (const which of ['by', 'about'] as const) {
      const oneRequest = await page(db, which, 0);
      const rest = [...(await page(db, which, 20)), ...(await page(db, which, 40))];
      // As in Firefox today: no getAllRecords, the cursor reads the page.
      Object.defineProperty(FakeIndex.prototype, 'getAllRecords', { value: undefined, configurable: true, writable: true });
      const byCursor = await page(db, which, 0);
      Object.defineProperty(FakeIndex.prototype, 'getAllRecords', original!);
      expect(oneRequest).toHaveLength(20);
      expect(oneRequest).toEqual(byCursor);
      // Every quote once, across the pages.
      expect(new Set([...oneRequest, ...rest]).size).toBe(45);
    }
    db.close();
  });
});
