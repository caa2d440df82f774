// Sync of "Seen elsewhere" in real Chromium, two profiles and one CouchDB-compatible server on
// 127.0.0.1 (as in sync-two-profiles.test.ts). Profile A holds a few thousand sightings over
// several days and entities (a backup built here and restored, before sync is on) and turns sync
// on with "Seen elsewhere" ticked; a fresh profile B joins. The store keeps one record per entity
// and day while sync carries one document per entity and page: B's card must list the same pages
// as A's, newest first, at most the card's limit. A page A visits again after the first sync (now
// in two of A's day records) comes through once, on top; pages both profiles read between two
// syncs end with the newer visit on both (CouchDB picks between the two versions by revision, not
// time); an entity deleted on A takes its sightings from B.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SKIP_REASON, waitForHighlightOf, type ExtensionBrowser } from './harness';
import { boxOfText } from './extension-helpers';
import { readCard, waitForFrame } from './frame-helpers';
import { send, syncNow, turnOnSync } from './sync-helpers';
import { useTwoProfiles } from './two-profiles';
import type { AdminEntity } from '../../src/shared/dossier-messages';

if (SKIP_REASON) console.warn(`sync-sightings-first.test.ts: ${SKIP_REASON}`);

const DAY = 86_400_000;
/** The card's limit (CARD_SIGHTINGS_LIMIT in src/background/store/queries.ts). */
const CARD_LIMIT = 20;
/** Entities with sightings, and pages each: 1,250 sightings over DAYS days (kept small: CI's budget). */
const NAMES = ['Vladimir Putin', 'Xi Jinping', 'Volodymyr Zelenskyy', 'Kremlin', 'Xinhua'];
const PER_ENTITY = 250;
const DAYS = 6;

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><p id="text">${body}</p></body></html>`;
const PAGES: Record<string, string> = {
  // Where both profiles open the cards: it names Putin and Xi, not Zelenskyy (deleted below).
  '/viewer.html': page('The viewer page', 'Vladimir Putin met Xi Jinping in Beijing.'),
  // One of Putin's oldest sightings in the backup; A reads it again after the first sync.
  '/revisit.html': page('Revisited: Putin in Harbin', 'Vladimir Putin went on to Harbin. Putin toured a fair.'),
};

interface Sighting {
  entityId: string;
  url: string;
  title: string;
  time: number;
  count: number;
}

/** The "Seen elsewhere" list as the reader sees it: each item's title, then its line of date and count. */
async function seenElsewhere(card: Frame): Promise<string[]> {
  return card.evaluate(() => {
    const section = [...document.querySelectorAll('section')].find((s) => s.querySelector('h3')?.textContent === 'Seen elsewhere');
    return [...(section?.querySelectorAll('li') ?? [])].map((li) => [...li.children].map((c) => c.textContent?.trim()).join('\n'));
  });
}

/** Opens `url` in a new tab, clicks `name` and returns its card's "Seen elsewhere" list; closes the tab. */
async function cardList(browser: ExtensionBrowser, url: string, name: string): Promise<string[]> {
  const tab = await browser.context.newPage();
  try {
    await tab.goto(url);
    await waitForHighlightOf(tab, name, 20_000);
    const box = await boxOfText(tab, '#text', name);
    await tab.mouse.click(box.x, box.y);
    await expect.poll(async () => (await readCard(tab))?.dialog?.['aria-label'], { timeout: 15_000 }).toBe(name);
    await expect.poll(async () => (await readCard(tab))?.dialog?.['aria-busy'] ?? 'done', { timeout: 15_000 }).toBe('done');
    return await seenElsewhere(await waitForFrame(tab, 'card'));
  } finally {
    await tab.close();
  }
}

/** The profile's backup, as "Download backup" gives it. */
const exportBackup = async (options: Page): Promise<{ sightings: Sighting[] }> => JSON.parse((await send<{ text: string }>(options, 'backup/export', {})).text) as { sightings: Sighting[] };
const backupSightings = async (options: Page): Promise<Sighting[]> => (await exportBackup(options)).sightings;

describe.skipIf(SKIP_REASON !== null)('first sync of "Seen elsewhere" with thousands of sightings, between two Chromium profiles', () => {
  const profiles = useTwoProfiles({ serve: { pages: PAGES } });
  const ids: Record<string, string> = {};
  let restored: Sighting[] = [];

  const turnOnWithHistory = async (options: Page, username: string) => {
    await options.getByLabel('Also sync “Seen elsewhere”').check();
    await turnOnSync(options, profiles.settings(username));
    expect(await options.getByText('with “Seen elsewhere”').count()).toBe(1);
  };

  it("brings A's thousands of sightings to a fresh B: B's card lists the same pages as A's, newest first, at most the limit", async () => {
    const { a, b, optionsA, optionsB, pages } = profiles;
    const entities = (await send<{ entities: AdminEntity[] }>(optionsA, 'entities/list', {})).entities;
    for (const name of NAMES) ids[name] = entities.find((e) => e.name === name)!.id;
    // A's dossier: its own backup plus the sightings, restored through the options page's message.
    const backup = await exportBackup(optionsA);
    // From a UTC midnight: the day records' days (UTC) are then known.
    const start = (Math.floor(Date.now() / DAY) - DAYS - 2) * DAY;
    // Putin's pages fill 1.1 days, 228 the first day: more than one day record holds
    // (PAGES_PER_RECORD), so that day takes two records. The others' pages spread over every day.
    const step = (e: number) => Math.floor(((e === 0 ? 1.1 : DAYS) * DAY) / PER_ENTITY);
    restored = NAMES.flatMap((name, e) =>
      Array.from({ length: PER_ENTITY }, (_, i) => ({
        entityId: ids[name]!,
        url: i === 0 && e === 0 ? pages.url('/revisit.html') : `https://news.example/${e}/${i}`,
        title: `${name}, story ${i}`,
        time: start + (DAYS - 2) * DAY * Number(e === 0) + i * step(e) + e * 1000,
        count: 1 + (i % 4),
      })),
    );
    backup.sightings = restored;
    await send(optionsA, 'backup/restore', { text: JSON.stringify(backup) });
    expect(await backupSightings(optionsA)).toHaveLength(NAMES.length * PER_ENTITY);

    const began = Date.now();
    await turnOnWithHistory(optionsA, 'ana');
    const pushed = Date.now();
    await turnOnWithHistory(optionsB, 'ben');
    console.log(`sync-sightings-first: A's first push ${((pushed - began) / 1000).toFixed(1)} s, B's first pull ${((Date.now() - pushed) / 1000).toFixed(1)} s`);
    for (const options of [optionsA, optionsB]) {
      const status = await send<{ problem?: unknown }>(options, 'sync/status', {});
      expect(status.problem).toBeUndefined();
    }

    // What the reader sees: the card for each name on the same page, on both profiles.
    const viewer = pages.url('/viewer.html');
    for (const name of ['Vladimir Putin', 'Xi Jinping']) {
      const expected = restored
        .filter((s) => s.entityId === ids[name])
        .sort((x, y) => y.time - x.time)
        .slice(0, CARD_LIMIT)
        .map((s) => s.title);
      const onA = await cardList(a, viewer, name);
      const onB = await cardList(b, viewer, name);
      expect(onA.map((text) => text.split('\n')[0])).toEqual(expected);
      expect(onB).toEqual(onA);
    }
    // Every sighting arrived (B's own visits to the viewer page aside), none twice.
    const onB = (await backupSightings(optionsB)).filter((s) => s.url !== viewer);
    expect(onB).toHaveLength(restored.length);
    expect(new Set(onB.map((s) => `${s.entityId} ${s.url} ${s.time} ${s.count} ${s.title}`))).toEqual(new Set(restored.map((s) => `${s.entityId} ${s.url} ${s.time} ${s.count} ${s.title}`)));
  }, 180_000);

  it("brings a page A visits again after the first sync to the top of B's card, once, on B's next sync", async () => {
    const { a, b, optionsA, optionsB, pages } = profiles;
    const revisit = pages.url('/revisit.html');
    const putin = ids['Vladimir Putin']!;
    const old = restored.find((s) => s.url === revisit)!;
    const tab = await a.context.newPage();
    await tab.goto(revisit);
    await waitForHighlightOf(tab, 'Vladimir Putin');
    // The visit is stored once the page's first scan is done.
    await expect.poll(async () => (await backupSightings(optionsA)).find((s) => s.entityId === putin && s.url === revisit)?.time ?? 0, { timeout: 15_000 }).toBeGreaterThan(old.time);
    await tab.close();
    await syncNow(optionsA);
    await syncNow(optionsB);

    const viewer = pages.url('/viewer.html');
    const onA = await cardList(a, viewer, 'Vladimir Putin');
    const onB = await cardList(b, viewer, 'Vladimir Putin');
    expect(onA[0]).toMatch(/^Revisited: Putin in Harbin\n/);
    // The page names him twice now; the backup said once.
    expect(onA[0]).toContain('2 times');
    expect(onA).toHaveLength(CARD_LIMIT);
    expect(onB).toEqual(onA);
    const titles = onB.map((text) => text.split('\n')[0]);
    expect(new Set(titles).size).toBe(titles.length);
    const onBRevisit = (await backupSightings(optionsB)).filter((s) => s.entityId === putin && s.url === revisit);
    expect(onBRevisit).toHaveLength(1);
    expect(onBRevisit[0]!.time).toBeGreaterThan(old.time);
  }, 120_000);

  it('keeps the newer visit on both profiles when both met the same pages between two syncs', async () => {
    const { a, b, optionsA, optionsB, pages } = profiles;
    // Pages both profiles read before syncing again, B first: the server then holds two versions of
    // each, and its pick between them (CouchDB's revision order) is as good as a coin toss. Four
    // pages: a rule that keeps the server's pick rather than the newer visit shows on one of them.
    const shared = ['/both-0.html', '/both-1.html', '/both-2.html', '/both-3.html'];
    const xi = ids['Xi Jinping']!;
    const visit = async (browser: ExtensionBrowser, options: Page, count: number) => {
      for (const path of shared) PAGES[path] = page(`Both read ${path}`, Array.from({ length: count }, () => 'Xi Jinping spoke.').join(' '));
      const tabs = await Promise.all(shared.map(() => browser.context.newPage()));
      await Promise.all(tabs.map(async (tab, i) => {
        await tab.goto(pages.url(shared[i]!));
        await waitForHighlightOf(tab, 'Xi Jinping', 20_000);
      }));
      const stored = async () => (await backupSightings(options)).filter((s) => s.entityId === xi && s.count === count && shared.some((p) => s.url === pages.url(p))).length;
      await expect.poll(stored, { timeout: 15_000 }).toBe(shared.length);
      await Promise.all(tabs.map((tab) => tab.close()));
    };
    await visit(b, optionsB, 1);
    await visit(a, optionsA, 3);
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    await syncNow(optionsA);
    await syncNow(optionsB);
    for (const options of [optionsA, optionsB]) {
      const counts = (await backupSightings(options)).filter((s) => s.entityId === xi && shared.some((p) => s.url === pages.url(p))).map((s) => s.count);
      expect(counts).toEqual([3, 3, 3, 3]);
    }
    const viewer = pages.url('/viewer.html');
    const onA = await cardList(a, viewer, 'Xi Jinping');
    const onB = await cardList(b, viewer, 'Xi Jinping');
    expect(onA.filter((text) => text.startsWith('Both read')).map((text) => text.split('\n')[1]!.split(' · ').at(-1))).toEqual(['3 times', '3 times', '3 times', '3 times']);
    expect(onB).toEqual(onA);
  }, 120_000);

  it("takes an entity's sightings from B when A deletes the entity", async () => {
    const { optionsA, optionsB } = profiles;
    const gone = ids['Volodymyr Zelenskyy']!;
    expect((await backupSightings(optionsB)).filter((s) => s.entityId === gone)).toHaveLength(PER_ENTITY);
    await send(optionsA, 'entities/delete', { id: gone });
    await syncNow(optionsA);
    await syncNow(optionsB);
    const onB = await backupSightings(optionsB);
    expect(onB.filter((s) => s.entityId === gone)).toEqual([]);
    // The others stay.
    expect(onB.filter((s) => s.entityId === ids['Xi Jinping'])).toHaveLength(PER_ENTITY + 1 + 4);
    const entitiesB = (await send<{ entities: AdminEntity[] }>(optionsB, 'entities/list', {})).entities;
    expect(entitiesB.some((e) => e.id === gone)).toBe(false);
  }, 120_000);
});
