// The card's quote sections come from the v4 indexes (newest source date per quote): an upgraded
// database lists its old quotes newest first, a harvest that meets an old quote on a newer page
// lifts it to the top, and entities whose ids share a prefix never see each other's quotes.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createStore, openStore, UPGRADE_STEPS, type DossierDB } from '../../src/background/store';
import { CARD_QUOTES_PAGE } from '../../src/background/store/queries';
import type { Entity } from '../../src/core/types';

const provenance = (date: string) => ({ outlet: 'Example News', title: `Story of ${date}`, date, sentence: 'Someone spoke.' });
const entity = (id: string, name: string): Entity & { origin: 'user'; keys: string[] } => ({
  id,
  name,
  kind: 'person',
  aliases: [],
  context: 'Test person',
  provenance: provenance('2024-01-01'),
  origin: 'user',
  keys: [name.toLowerCase()],
});
const day = (i: number) => `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** A version-3 database (the release before the card indexes) holding `count` quotes by Tom. */
async function writeVersion3(factory: IDBFactory, count: number): Promise<void> {
  const db = await openStore({ factory, steps: UPGRADE_STEPS.slice(0, 3) });
  expect(db.version).toBe(3);
  const tx = db.transaction(['entities', 'quotes'], 'readwrite');
  for (const e of [entity('tom', 'Tom Bell'), entity('tom-hale', 'Tom Hale'), entity('lea', 'Lea Roth')]) await tx.objectStore('entities').put(e);
  for (let i = 0; i < count; i++) {
    const date = day(i);
    // Every third quote was later met again on a 2024 page: its newest source, not its first, counts.
    const sources = [{ title: 'First', outlet: 'Example News', date }, ...(i % 3 === 0 ? [{ title: 'Again', outlet: 'Other', date: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}` }] : [])];
    await tx.objectStore('quotes').put({ id: `q${String(i).padStart(3, '0')}`, text: `Words ${i}.`, speaker: 'tom', mentions: ['lea', 'tom'], provenance: provenance(date), origin: 'user', sources });
  }
  // Lea speaks about Tom Hale once: not about Tom, whose id is a prefix of Tom Hale's.
  await tx.objectStore('quotes').put({ id: 'lea-1', text: 'Hale will win.', speaker: 'lea', mentions: ['tom-hale'], provenance: provenance('2025-01-01'), origin: 'user', sources: [{ title: 'L', outlet: 'X', date: '2025-01-01' }] });
  await tx.done;
  db.close();
}

function expectedOrder(db: DossierDB, speaker: string): Promise<string[]> {
  // What the card promised before v4: every record of the speaker, sorted by its newest source.
  return db.getAllFromIndex('quotes', 'bySpeaker', speaker).then((all) =>
    all
      .map((q) => ({ id: q.id, date: (q.sources ?? []).reduce((max, s) => (s.date > max ? s.date : max), '') }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map((q) => q.id),
  );
}

describe('card quotes read from the v4 indexes', () => {
  it('back-fills the newest source date of every quote when upgrading from version 3', async () => {
    const factory = new IDBFactory();
    await writeVersion3(factory, 60);
    const db = await openStore({ factory });
    expect(db.version).toBe(UPGRADE_STEPS.length);
    const q0 = await db.get('quotes', 'q000');
    expect(q0?.latest).toBe('2024-02-01'); // the later source, not the first
    expect(q0?.mentionLatest).toEqual([['lea', '2024-02-01']]); // the speaker is not "about" himself
    expect((await db.get('quotes', 'q001'))?.latest).toBe(day(1));

    const store = createStore(async () => db);
    const card = await store.getEntityCard('tom', 'https://news.example/now');
    expect(card.quotesByTotal).toBe(60);
    expect(card.quotesAboutTotal).toBe(0); // Lea's quote is about Tom Hale
    const dates = card.quotesBy.map((q) => q.sources?.[0]?.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(card.quotesBy).toHaveLength(CARD_QUOTES_PAGE);

    // Paging through "show more" gives the same dates, in the same order, as sorting every record.
    const shown = [...card.quotesBy];
    for (let offset = CARD_QUOTES_PAGE; offset < (card.quotesByTotal ?? 0); offset += CARD_QUOTES_PAGE) {
      const page = await store.getCardQuotes('tom', 'by', offset);
      expect(page.total).toBe(60);
      shown.push(...page.quotes);
    }
    const byId = new Map((await db.getAll('quotes')).map((q) => [q.id, q.latest]));
    expect(shown.map((q) => byId.get(q.id))).toEqual((await expectedOrder(db, 'tom')).map((id) => byId.get(id)));
    expect(new Set(shown.map((q) => q.id)).size).toBe(60);

    const lea = await store.getEntityCard('lea', 'https://news.example/now');
    expect(lea.quotesAboutTotal).toBe(60);
    expect(lea.quotesByTotal).toBe(1);
    const hale = await store.getEntityCard('tom-hale', 'https://news.example/now');
    expect(hale.quotesAbout.map((q) => q.id)).toEqual(['lea-1']);
    db.close();
  });

  it('moves an old quote to the top when a harvest meets it on a newer page', async () => {
    const factory = new IDBFactory();
    await writeVersion3(factory, 30);
    const db = await openStore({ factory });
    const store = createStore(async () => db);
    const before = await store.getEntityCard('tom', 'https://news.example/now');
    expect(before.quotesBy.map((q) => q.id)).not.toContain('q001');

    const result = await store.harvestQuotes({
      url: 'https://news.example/late',
      title: 'Late',
      outlet: 'Example News',
      date: '2026-06-01',
      quotes: [{ text: 'Words 1.', speakerId: 'tom', speakerName: 'Tom Bell', sentence: '"Words 1," said Bell.', mentions: ['lea'] }],
    });
    expect(result).toEqual({ added: 0, merged: 1 });
    const after = await store.getEntityCard('tom', 'https://news.example/now');
    expect(after.quotesBy[0]?.id).toBe('q001');
    expect(after.quotesByTotal).toBe(30);
    const lea = await store.getEntityCard('lea', 'https://news.example/now');
    expect(lea.quotesAbout[0]?.id).toBe('q001');
    db.close();
  });
});
