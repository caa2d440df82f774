// The card's "N more quotes" comes from per-entity counters (schema v5) that every writer of quotes
// keeps in the same transaction. These tests compare the counters with the quotes themselves after
// each writer, after the upgrade from v4 (which leaves them to be counted on first use), after a full disk at every write of a writer, and after
// random sequences of writes; and they check that a card whose counter is missing, damaged or
// impossible still shows the right total.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, openStore, UPGRADE_STEPS, type DossierDB, type Store } from '../../src/background/store';
import { readBackup, restoreBackup } from '../../src/background/store/backup';
import { withCardKeys } from '../../src/background/store/quote-card-keys';
import { CARD_QUOTES_PAGE } from '../../src/background/store/queries';
import type { QuoteRecord } from '../../src/background/store/schema';
import type { Entity, EntityList, Quote } from '../../src/core/types';
import type { HarvestedQuote } from '../../src/shared/messages';
import { failWritesAfter, restoreWrites } from './disk-full';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const provenance = (date = '2024-01-01', url = `https://news.example/${date}`) => ({ outlet: 'Example News', title: `Story ${date}`, date, url, sentence: 'S.' });
const person = (id: string, name: string): Entity => ({ id, name, kind: 'person', aliases: [], context: 'Politician', provenance: provenance() });
// "tom" is a prefix of "tom-hale": neither may count the other's quotes.
const PEOPLE = [person('tom', 'Tom Bell'), person('tom-hale', 'Tom Hale'), person('lea', 'Lea Roth'), person('ana', 'Ana Sol')];
const quote = (id: string, speaker: string, mentions: string[], date = '2024-01-01'): Quote => ({ id, text: `Words of ${id}.`, speaker, mentions, provenance: provenance(date) });

function list(quotes: Quote[], entities = PEOPLE): EntityList {
  return { version: 1, entities, claims: [], quotes, distinct: [] };
}

async function profile(seed = list([])): Promise<{ db: DossierDB; store: Store }> {
  const db = await openStore({ factory: new IDBFactory() });
  const store = createStore(async () => db);
  await store.syncSeed(seed);
  return { db, store };
}

/** The totals a card must show, worked out from the quote records alone. */
function expectedTotals(quotes: readonly QuoteRecord[]): Record<string, { by: number; about: number }> {
  const totals: Record<string, { by: number; about: number }> = {};
  const of = (id: string) => (totals[id] ??= { by: 0, about: 0 });
  for (const q of quotes) {
    of(q.speaker).by++;
    for (const id of new Set(q.mentions)) if (id !== q.speaker) of(id).about++;
  }
  return totals;
}

/**
 * Every stored counter agrees with the quotes, and every entity with quotes has one (unless
 * `everyEntity` is false: after the v5 upgrade counters appear one entity at a time).
 */
async function expectCountersRight(db: DossierDB, { everyEntity = true } = {}): Promise<void> {
  const all = expectedTotals(await db.getAll('quotes'));
  const present = new Set((await db.getAllKeys('quoteCounts')).map(String));
  const expected = everyEntity ? all : Object.fromEntries(Object.entries(all).filter(([id]) => present.has(id)));
  const stored: Record<string, { by: number; about: number }> = {};
  for (const c of await db.getAll('quoteCounts')) {
    // A counter left at zero (its quotes deleted or moved) is as good as none.
    if (c.by === 0 && c.about === 0 && !expected[c.id]) continue;
    stored[c.id] = { by: c.by, about: c.about };
  }
  expect(stored).toEqual(expected);
}

const counter = async (db: DossierDB, id: string) => {
  const c = await db.get('quoteCounts', id);
  return c && { by: c.by, about: c.about };
};

function harvest(store: Store, url: string, date: string, quotes: HarvestedQuote[]) {
  return store.harvestQuotes({ url, title: `Page ${url}`, outlet: 'Harvest News', date, quotes });
}
const said = (text: string, speakerId: string | undefined, mentions: string[]): HarvestedQuote => ({
  text,
  ...(speakerId ? { speakerId } : {}),
  speakerName: speakerId ?? 'A Stranger',
  sentence: `"${text}" someone said.`,
  mentions,
});

describe('quote counters after each writer', () => {
  it('harvest: a new quote counts once; the same quote met again, on the same page or another, does not count again', async () => {
    const { db, store } = await profile();
    const page = [said('We will talk.', 'tom', ['lea']), said('He is wrong.', 'lea', ['tom', 'ana', 'tom']), said('Who knows.', undefined, ['tom-hale'])];
    expect(await harvest(store, 'https://a.example/1', '2024-03-01', page)).toEqual({ added: 3, merged: 0 });
    expect(await harvest(store, 'https://a.example/1', '2024-03-01', page)).toEqual({ added: 0, merged: 0 });
    expect(await harvest(store, 'https://b.example/2', '2024-04-01', [said('We will   talk!', 'tom', ['lea'])])).toEqual({ added: 0, merged: 1 });
    expect(await counter(db, 'tom')).toEqual({ by: 1, about: 1 });
    expect(await counter(db, 'lea')).toEqual({ by: 1, about: 1 });
    expect(await counter(db, 'ana')).toEqual({ by: 0, about: 1 });
    expect(await counter(db, 'tom-hale')).toEqual({ by: 0, about: 1 });
    await expectCountersRight(db);
  });

  it('seed sync: install, then an update that changes a speaker, changes mentions and drops a quote', async () => {
    const first = list([quote('q1', 'tom', ['lea']), quote('q2', 'tom', ['ana']), quote('q3', 'lea', ['tom'])]);
    const { db, store } = await profile(first);
    expect(await counter(db, 'tom')).toEqual({ by: 2, about: 1 });
    await expectCountersRight(db);

    const update = list([quote('q1', 'lea', ['lea', 'tom']), quote('q3', 'lea', ['tom-hale', 'ana'])]);
    expect((await store.syncSeed(update)).removed).toBe(1);
    expect(await counter(db, 'tom')).toEqual({ by: 0, about: 1 });
    expect(await counter(db, 'lea')).toEqual({ by: 2, about: 0 });
    expect(await counter(db, 'ana')).toEqual({ by: 0, about: 1 });
    await expectCountersRight(db);
  });

  it('add an article: quotes by a person merged into a known one count for the known one; a known quote is not counted twice', async () => {
    const { db, store } = await profile(list([quote('q1', 'tom', ['lea'])]));
    const article: EntityList = {
      version: 1,
      entities: [{ ...person('review-tom', 'Tom Bell'), provenance: provenance('2024-05-01') }, person('new-one', 'Newt Person')],
      claims: [],
      quotes: [
        { ...quote('r1', 'review-tom', ['new-one']), provenance: provenance('2024-05-01') },
        { ...quote('r2', 'new-one', ['review-tom', 'lea']), provenance: provenance('2024-05-01') },
        // The words of q1 again, on the article's page: one more source, not one more quote.
        { id: 'r3', text: 'Words of q1.', speaker: 'review-tom', mentions: ['lea'], provenance: provenance('2024-05-01', 'https://other.example/x') },
      ],
      distinct: [],
    };
    expect(await store.addList(article, NOW)).toMatchObject({ merged: 1, added: 1, quotes: 3 });
    expect(await counter(db, 'tom')).toEqual({ by: 2, about: 1 });
    expect(await counter(db, 'new-one')).toEqual({ by: 1, about: 1 });
    expect(await counter(db, 'lea')).toEqual({ by: 0, about: 2 });
    await expectCountersRight(db);
  });

  it('import: a quote with a known id that now has another speaker moves its count', async () => {
    const { db, store } = await profile(list([quote('q1', 'tom', ['lea']), quote('q2', 'tom', [])]));
    await store.admin.importEntities(list([quote('q1', 'ana', ['tom']), quote('q9', 'lea', [])], []), NOW);
    expect(await counter(db, 'tom')).toEqual({ by: 1, about: 1 });
    expect(await counter(db, 'ana')).toEqual({ by: 1, about: 0 });
    expect(await counter(db, 'lea')).toEqual({ by: 1, about: 0 });
    await expectCountersRight(db);
  });

  it('entity delete leaves its quotes and their counts (the quotes stay stored)', async () => {
    const { db, store } = await profile(list([quote('q1', 'tom', ['lea']), quote('q2', 'lea', ['tom'])]));
    expect(await store.admin.deleteEntity('tom', NOW)).toBe(true);
    expect(await counter(db, 'tom')).toEqual({ by: 1, about: 1 });
    await expectCountersRight(db);
  });

  it('restore: the counters are the backup\'s, none left over from the dossier it replaced', async () => {
    const source = await profile(list([quote('q1', 'tom', ['lea']), quote('q2', 'tom', ['ana'])]));
    await harvest(source.store, 'https://a.example/1', '2024-03-01', [said('Fine.', 'lea', ['tom'])]);
    const backup = await readBackup(source.db, NOW);
    const target = await profile(list([quote('x1', 'tom-hale', ['tom']), quote('x2', 'ana', ['tom-hale'])]));
    await restoreBackup(target.db, backup);
    await expectCountersRight(target.db);
    expect(await counter(target.db, 'tom-hale')).toBeUndefined();
    expect(await target.db.getAll('quoteCounts')).toEqual(await source.db.getAll('quoteCounts'));
  });
});

/** A version-4 database (the release before the counters) with quotes written as v4 wrote them. */
async function writeVersion4(factory: IDBFactory, byTom: number): Promise<void> {
  const db = await openStore({ factory, steps: UPGRADE_STEPS.slice(0, 4) });
  expect(db.version).toBe(4);
  const tx = db.transaction(['entities', 'quotes'], 'readwrite');
  for (const e of PEOPLE) await tx.objectStore('entities').put({ ...e, origin: 'seed', keys: [e.name.toLowerCase()] });
  for (let i = 0; i < byTom; i++) {
    const date = `2023-${String(1 + (i % 12)).padStart(2, '0')}-01`;
    await tx.objectStore('quotes').put(withCardKeys({ ...quote(`t${i}`, 'tom', i % 2 ? ['lea', 'tom'] : ['tom-hale'], date), origin: 'user' }));
  }
  await tx.objectStore('quotes').put(withCardKeys({ ...quote('h1', 'tom-hale', ['tom', 'ana']), origin: 'user' }));
  await tx.objectStore('quotes').put(withCardKeys({ ...quote('s1', '', ['lea']), origin: 'user', speakerName: 'A Stranger' }));
  await tx.done;
  db.close();
}

describe('the v5 upgrade and the card', () => {
  it('upgrades a v4 database at once; its cards count until their counter is stored, then read it', async () => {
    const factory = new IDBFactory();
    await writeVersion4(factory, 45);
    const db = await openStore({ factory });
    expect(db.version).toBe(UPGRADE_STEPS.length);
    expect(await db.count('quoteCounts')).toBe(0); // no walk over every quote during the upgrade

    const store = createStore(async () => db);
    const card = await store.getEntityCard('tom-hale', 'https://news.example/now');
    expect(card.quotesAbout).toHaveLength(CARD_QUOTES_PAGE);
    expect(card.quotesAboutTotal).toBe(23);
    expect(card.quotesByTotal).toBe(1);
    // The card stored what it counted (after its reply).
    await vi.waitFor(async () => expect(await counter(db, 'tom-hale')).toEqual({ by: 1, about: 23 }));
    // "Show more" stores a count it had to make as well; the next card reads it.
    expect((await store.getCardQuotes('tom', 'by', CARD_QUOTES_PAGE)).total).toBe(45);
    await vi.waitFor(async () => expect(await counter(db, 'tom')).toEqual({ by: 45, about: 1 }));
    await db.put('quoteCounts', { id: 'tom', by: 46, about: 7 });
    const next = await store.getEntityCard('tom', 'https://news.example/now');
    expect(next.quotesByTotal).toBe(46); // a long section: the counter
    expect(next.quotesAboutTotal).toBe(1); // a short one: what the cursor found
    await db.put('quoteCounts', { id: 'tom', by: 45, about: 1 });

    // A writer meeting an entity without a counter counts it whole, not from zero.
    await harvest(store, 'https://a.example/1', '2024-03-01', [said('New words.', 'tom', ['lea'])]);
    expect(await counter(db, 'tom')).toEqual({ by: 46, about: 1 });
    expect(await counter(db, 'lea')).toEqual({ by: 0, about: 24 });
    expect((await store.getEntityCard('lea', 'https://news.example/now')).quotesAboutTotal).toBe(24);
    await expectCountersRight(db, { everyEntity: false });
    db.close();
  });

  it('reads the total from the counter, and counts the index when the counter is missing, damaged or impossible', async () => {
    const byTom = Array.from({ length: 30 }, (_, i) => quote(`q${i}`, 'tom', ['lea'], `2024-01-${String(1 + i).padStart(2, '0')}`));
    const { db, store } = await profile(list([...byTom, quote('a1', 'lea', ['ana']), quote('a2', 'tom', ['ana'])]));
    const total = async () => (await store.getEntityCard('tom', 'https://news.example/now')).quotesByTotal;
    expect(await total()).toBe(31);
    // The card believes its counter (a plausible one is never checked against the index)…
    await db.put('quoteCounts', { id: 'tom', by: 40, about: 0 });
    expect(await total()).toBe(40);
    // …but never one that is missing, unreadable, or below the quotes it has just listed.
    await db.delete('quoteCounts', 'tom');
    expect(await total()).toBe(31);
    await db.put('quoteCounts', { id: 'tom', by: 'thirty', about: 0 } as never);
    expect(await total()).toBe(31);
    await db.put('quoteCounts', { id: 'tom', by: 3, about: 0 });
    expect(await total()).toBe(31);
    expect((await store.getCardQuotes('tom', 'by', CARD_QUOTES_PAGE)).total).toBe(31);
    // Having counted, the card stored the right counter again.
    await vi.waitFor(async () => expect(await counter(db, 'tom')).toEqual({ by: 31, about: 0 }));
    // A section shorter than a page needs no counter: its total is what the cursor found.
    await db.put('quoteCounts', { id: 'ana', by: 0, about: 99 });
    expect((await store.getEntityCard('ana', 'https://news.example/now')).quotesAboutTotal).toBe(2);
  });

  it('a writer that meets a missing or damaged counter recounts it instead of starting from zero', async () => {
    const { db, store } = await profile(list(Array.from({ length: 25 }, (_, i) => quote(`q${i}`, 'tom', ['lea']))));
    await db.delete('quoteCounts', 'tom');
    await db.put('quoteCounts', { id: 'lea', by: -4, about: 1.5 });
    await harvest(store, 'https://a.example/1', '2024-03-01', [said('One more.', 'tom', ['lea'])]);
    expect(await counter(db, 'tom')).toEqual({ by: 26, about: 0 });
    expect(await counter(db, 'lea')).toEqual({ by: 0, about: 26 });
  });
});

// ---------------------------------------------------------------------------------------------
// A full disk at every write of each writer: quotes and counters together, or neither.

afterEach(restoreWrites);

const snapshot = async (db: DossierDB) => ({ quotes: await db.getAll('quotes'), quoteCounts: await db.getAll('quoteCounts') });

const SEED_QUOTES = [quote('q1', 'tom', ['lea']), quote('q2', 'lea', ['tom', 'ana']), quote('q3', 'ana', [])];
const WRITERS: [string, (p: { db: DossierDB; store: Store }) => Promise<unknown>][] = [
  ['harvest', (p) => harvest(p.store, 'https://a.example/1', '2024-03-01', [said('Words of q1.', 'tom', ['lea']), said('Brand new.', 'lea', ['tom']), said('Also new.', 'tom-hale', ['ana'])])],
  ['seed update', (p) => p.store.syncSeed(list([quote('q1', 'lea', ['tom']), quote('q4', 'tom-hale', ['tom'])]))],
  ['add an article', (p) => p.store.addList(list([quote('q1', 'tom', ['lea']), quote('n1', 'ana', ['tom-hale'])], [PEOPLE[0]!, PEOPLE[1]!, PEOPLE[3]!, person('lea', 'Lea Roth')]), NOW)],
  ['import', (p) => p.store.admin.importEntities(list([quote('q2', 'tom', ['lea']), quote('n2', 'ana', ['tom'])], []), NOW)],
  ['restore', async (p) => p.store.admin.restoreBackup({ ...(await readBackup(p.db, NOW)), quotes: [{ ...quote('b1', 'tom-hale', ['lea']), origin: 'user' }] })],
];

describe('a full disk in the middle of a quote write leaves quotes and counters as they were', () => {
  for (const [name, write] of WRITERS) {
    for (const how of ['throw', 'abort'] as const) {
      it(`${name} (${how}), failing at each of its writes in turn`, async () => {
        const storesHit = new Set<string>();
        for (let n = 0; ; n++) {
          const p = await profile(list(SEED_QUOTES));
          const before = await snapshot(p.db);
          const fault = failWritesAfter(n, how);
          const outcome = await write(p).then(
            () => 'written',
            (error: unknown) => error,
          );
          await new Promise((done) => setTimeout(done, 20));
          restoreWrites();
          if (outcome === 'written') {
            // n is past the writer's last write: it went through whole, counters right.
            expect(fault.failedOn()).toBeUndefined();
            await expectCountersRight(p.db);
            break;
          }
          expect(String((outcome as { message?: string }).message)).toMatch(/storage for extensions is full/);
          storesHit.add(fault.failedOn()!);
          expect(await snapshot(p.db)).toEqual(before);
          p.db.close();
        }
        // The counters are written last: some runs failed exactly there, after every quote.
        expect(storesHit).toContain('quoteCounts');
        expect(storesHit).toContain('quotes');
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Random sequences of writes

type Op =
  | { kind: 'harvest'; text: number; speaker: number; mentions: number[]; page: number }
  | { kind: 'import'; id: number; speaker: number; mentions: number[] }
  | { kind: 'seed'; quotes: { id: number; speaker: number; mentions: number[] }[] }
  | { kind: 'restore' };

const ids = PEOPLE.map((p) => p.id);
const who = fc.integer({ min: 0, max: ids.length - 1 });
const whom = fc.array(who, { maxLength: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('harvest' as const), text: fc.integer({ min: 0, max: 3 }), speaker: who, mentions: whom, page: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('import' as const), id: fc.integer({ min: 0, max: 3 }), speaker: who, mentions: whom }),
  fc.record({ kind: fc.constant('seed' as const), quotes: fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 3 }), speaker: who, mentions: whom }), { selector: (q) => q.id, maxLength: 4 }) }),
  fc.constant({ kind: 'restore' as const }),
);

describe('quote counters under random sequences of writes', () => {
  it('always agree with the quotes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const { db, store } = await profile(list([quote('q0', 'tom', ['lea'])]));
        for (const o of ops) {
          const names = (m: number[]) => m.map((i) => ids[i]!);
          if (o.kind === 'harvest') {
            await harvest(store, `https://p.example/${o.page}`, `2024-0${1 + o.page}-01`, [said(`Harvested ${o.text}.`, ids[o.speaker], names(o.mentions))]);
          } else if (o.kind === 'import') {
            await store.admin.importEntities(list([quote(`q${o.id}`, ids[o.speaker]!, names(o.mentions))], []), NOW);
          } else if (o.kind === 'seed') {
            await store.syncSeed(list(o.quotes.map((q) => quote(`q${q.id}`, ids[q.speaker]!, names(q.mentions)))));
          } else {
            await restoreBackup(db, await readBackup(db, NOW));
          }
          await expectCountersRight(db);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
