// "Clear reading history" (options page): the pages where the reader met a name ("Seen elsewhere")
// are their history. The options page says how much is kept and forgets the last hour, day, week
// or all of it; a page goes whole (every day's copy of it), sync is told of each page, and no page
// script can ask for any of it. "Keep pages for" forgets older visits at once and after later visits.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DossierDB, Store } from '../../src/background/store';
import { unmarked } from '../../src/background/store/sync-marks';
import { asKeepDays, SETTING_HISTORY_KEEP_DAYS } from '../../src/background/store/sightings/retention';
import type { EntityCardData } from '../../src/shared/messages';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';
import { byPutin, putinList } from './putin-dossier';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2024-06-10T12:00:00Z');

let db: DossierDB;
let store: Store;
let ok: StoreRouter['ok'];
let send: StoreRouter['send'];
let now = NOW;

const seenElsewhere = async () => (await ok<EntityCardData>('card/entity', { entityId: 'vladimir-putin', url: 'https://reader.example/' })).sightings.map((s) => s.url);
const visit = (url: string, time: number) => store.recordSightings(url, `Story at ${url}`, { 'vladimir-putin': 2 }, time);

beforeEach(async () => {
  now = NOW;
  ({ db, store, ok, send } = await openStoreRouter({ now: () => now }));
  await store.syncSeed(putinList);
  await visit('https://a.example/week-old', NOW - 6 * DAY);
  await visit('https://b.example/yesterday', NOW - 20 * HOUR);
  await visit('https://c.example/just-now', NOW - 10 * 60_000);
  // Read a week ago and again a minute ago: one copy in each day's record.
  await visit('https://d.example/twice', NOW - 7 * DAY + HOUR);
  await visit('https://d.example/twice', NOW - 60_000);
});

describe('reading history', () => {
  it('says how many pages are kept and since when', async () => {
    expect(await ok('history/summary', {})).toEqual({ pages: 4, oldest: NOW - 7 * DAY + HOUR, keepDays: null });
  });

  it('forgets the last hour: those pages go whole, an older visit of one of them included; the rest stays', async () => {
    expect(await ok('history/clear', { range: 'hour' })).toEqual({ pages: 2 });
    expect((await seenElsewhere()).sort()).toEqual(['https://a.example/week-old', 'https://b.example/yesterday']);
    const left = (await db.getAll('sightings')).flatMap((r) => r.pages.map((p) => p.url));
    expect(left).not.toContain('https://d.example/twice');
    expect(await ok('history/summary', {})).toEqual({ pages: 2, oldest: NOW - 6 * DAY, keepDays: null });
  });

  it('forgets the last day, then the last week, then everything', async () => {
    expect(await ok('history/clear', { range: 'day' })).toEqual({ pages: 3 });
    expect(await seenElsewhere()).toEqual(['https://a.example/week-old']);
    expect(await ok('history/clear', { range: 'week' })).toEqual({ pages: 1 });
    await visit('https://e.example/later', NOW - 30 * DAY);
    expect(await ok('history/clear', { range: 'all' })).toEqual({ pages: 1 });
    expect(await ok('history/summary', {})).toEqual({ pages: 0, oldest: null, keepDays: null });
    expect(await db.count('sightings')).toBe(0);
  });

  it('tells sync of every page it forgot, each under its entity', async () => {
    await unmarked(db).clear('syncMarks'); // a pass ran: nothing waits to sync
    await ok('history/clear', { range: 'hour' });
    expect((await unmarked(db).getAllKeys('syncMarks')).sort()).toEqual([
      's:vladimir-putin\nhttps://c.example/just-now',
      's:vladimir-putin\nhttps://d.example/twice',
    ]);
  });

  it("drops today's per-site quote counters, which name the sites read", async () => {
    await ok('quotes/harvest', { url: 'https://f.example/q', title: 'Q', outlet: 'F', date: '2024-06-10', quotes: [byPutin('Words said on the tenth of June at the summit')] }, contentAt('https://f.example/q'));
    expect(await db.count('siteQuotes')).toBe(1);
    await ok('history/clear', { range: 'hour' });
    expect(await db.count('siteQuotes')).toBe(0);
  });

  it('changes nothing when the range holds no page', async () => {
    await store.clearReadingHistory(NOW + HOUR);
    expect(await ok('history/summary', {})).toEqual({ pages: 4, oldest: NOW - 7 * DAY + HOUR, keepDays: null });
  });

  it('is asked and cleared only by the extension pages, and only for a range it knows', async () => {
    for (const [type, payload] of [['history/summary', {}], ['history/clear', { range: 'all' }]] as const) {
      const reply = await send(type, payload, contentAt('https://evil.example/'));
      expect(reply.ok).toBe(false);
    }
    const bad = await send('history/clear', { range: 'year' });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/payload\.range must be one of hour, day, week, all/) });
    expect(await ok('history/summary', {})).toMatchObject({ pages: 4 });
  });
});

describe('keep pages for', () => {
  const kept = async () => (await db.getAll('sightings')).flatMap((r) => r.pages.map((p) => `${p.url} ${(NOW - p.time) / HOUR}h`)).sort();

  it('forgets at once the visits older than the choice, and says what is kept', async () => {
    await visit('https://e.example/forty-days', NOW - 40 * DAY);
    expect(await ok('history/keep', { days: 30 })).toEqual({ keepDays: 30, forgotten: 1 });
    expect(await ok('history/summary', {})).toEqual({ pages: 4, oldest: NOW - 7 * DAY + HOUR, keepDays: 30 });
    expect(await db.get('settings', SETTING_HISTORY_KEEP_DAYS)).toBe(30);
    // Back to "always": the setting goes, nothing more is forgotten.
    expect(await ok('history/keep', { days: null })).toEqual({ keepDays: null, forgotten: 0 });
    expect(await db.get('settings', SETTING_HISTORY_KEEP_DAYS)).toBeUndefined();
  });

  it("keeps a page's newer visit when its older copy goes, and splits a day at the limit", async () => {
    // 30 days before NOW is 11 May, 12:00 UTC: one visit that morning, one that afternoon, one day record.
    await visit('https://f.example/morning', NOW - 30 * DAY - HOUR);
    await visit('https://f.example/afternoon', NOW - 30 * DAY + HOUR);
    await visit('https://d.example/twice', NOW - 31 * DAY);
    await ok('history/keep', { days: 30 });
    expect(await kept()).toEqual([
      'https://a.example/week-old 144h',
      'https://b.example/yesterday 20h',
      'https://c.example/just-now 0.16666666666666666h',
      'https://d.example/twice 0.016666666666666666h',
      'https://d.example/twice 167h',
      'https://f.example/afternoon 719h',
    ]);
  });

  it('tells sync of each copy it forgot: the page then syncs as its newest copy left, or as deleted', async () => {
    await visit('https://d.example/twice', NOW - 31 * DAY);
    await visit('https://e.example/forty-days', NOW - 40 * DAY);
    await unmarked(db).clear('syncMarks');
    await ok('history/keep', { days: 30 });
    expect((await unmarked(db).getAllKeys('syncMarks')).sort()).toEqual([
      's:vladimir-putin\nhttps://d.example/twice',
      's:vladimir-putin\nhttps://e.example/forty-days',
    ]);
  });

  it('forgets what grew too old after a later visit, with no timer', async () => {
    await ok('history/keep', { days: 30 });
    now = NOW + 31 * DAY;
    await ok('sightings/record', { url: 'https://g.example/next-month', title: 'Next month', counts: { 'vladimir-putin': 1 } }, contentAt('https://g.example/next-month'));
    expect(await ok('history/summary', {})).toEqual({ pages: 1, oldest: now, keepDays: 30 });
  });

  it('takes only its choices, from the extension pages only; a stored value it does not know keeps everything', async () => {
    expect((await send('history/keep', { days: 7 })).ok).toBe(false);
    expect((await send('history/keep', { days: '30' })).ok).toBe(false);
    expect((await send('history/keep', { days: 30 }, contentAt('https://evil.example/'))).ok).toBe(false);
    expect(await ok('history/summary', {})).toMatchObject({ pages: 4, keepDays: null });
    expect([asKeepDays(7), asKeepDays('90'), asKeepDays(90), asKeepDays(undefined)]).toEqual([null, null, 90, null]);
  });
});

describe("a card's Forget", () => {
  it('forgets one page under every entity, each of its days, and tells sync; other pages stay', async () => {
    await store.admin.saveEntity({ name: 'Xi Jinping', kind: 'person', aliases: [], context: 'President of China' }, NOW);
    const xi = (await store.admin.listEntities()).find((e) => e.name === 'Xi Jinping')!.id;
    await store.recordSightings('https://d.example/twice', 'Both', { [xi]: 1 }, NOW - 2 * DAY);
    await unmarked(db).clear('syncMarks');
    expect(await ok('history/forget-page', { url: 'https://d.example/twice' })).toEqual({ entities: 2 });
    const left = (await db.getAll('sightings')).flatMap((r) => r.pages.map((p) => p.url));
    expect(left).not.toContain('https://d.example/twice');
    expect((await seenElsewhere()).sort()).toEqual(['https://a.example/week-old', 'https://b.example/yesterday', 'https://c.example/just-now']);
    expect((await unmarked(db).getAllKeys('syncMarks')).sort()).toEqual([`s:${xi}\nhttps://d.example/twice`, 's:vladimir-putin\nhttps://d.example/twice'].sort());
    // A page it does not hold: nothing happens.
    expect(await ok('history/forget-page', { url: 'https://nowhere.example/' })).toEqual({ entities: 0 });
  });

  it('is refused to a page script', async () => {
    const reply = await send('history/forget-page', { url: 'https://a.example/week-old' }, contentAt('https://evil.example/'));
    expect(reply.ok).toBe(false);
    expect(await ok('history/summary', {})).toMatchObject({ pages: 4 });
  });
});
