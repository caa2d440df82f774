// Sync in real Chromium: two browser profiles (two persistent contexts, each with the extension)
// and one CouchDB-compatible server (express-pouchdb in memory) on 127.0.0.1, started here. The
// tests share the profiles and run in order: off by default, then on in both, then the faults.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, launchWithExtension, SKIP_REASON, turnOnDiagnostics, waitForHighlightOf } from './harness';
import { waitForFrame, whenTakingClicks } from './frame-helpers';
import { createAnnotation } from '../../src/core/annotations';
import { note, notes, openOptions, saveNote, send, syncNow, turnOnSync } from './sync-helpers';
import { useTwoProfiles } from './two-profiles';

if (SKIP_REASON) console.warn(`sync-two-profiles.test.ts: ${SKIP_REASON}`);

// Service-worker requests show up in the context's request log only with this switch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';


describe.skipIf(SKIP_REASON !== null)('sync between two Chromium profiles through a CouchDB server', () => {
  const requestLog: string[] = [];
  const profiles = useTwoProfiles({
    serve: { dir: FIXTURE_PAGES },
    readers: ['cleo'],
    onLaunch: (profile) => profile.context.on('request', (request) => requestLog.push(request.url())),
  });
  const settings = profiles.settings;

  it('with sync off, a full session makes no request beyond the pages the user opens', async () => {
    const { a, optionsA, pages, couch } = profiles;
    couch.requests.length = 0; // the test's own set-up of the server
    expect(await optionsA.getByTestId('sync-status').innerText()).toMatch(/Sync is off: nothing leaves this browser/);
    const article = await a.context.newPage();
    await article.goto(pages.url('/article.html'));
    await waitForHighlightOf(article, 'Xi Jinping');
    await saveNote(optionsA, note('urn:uuid:off-1', 'written while sync is off'));
    await send(optionsA, 'entities/save', { entity: { name: 'Ilsa Vantarro', kind: 'person', aliases: [{ text: 'Vantarro' }], context: 'Mayor of Quintavia' } });
    await send(optionsA, 'annotations/export', { format: 'jsonld' });
    await optionsA.reload();
    await optionsA.getByTestId('sync-status').waitFor();
    // Longer than the debounce after a write: a pass would have started by now.
    await optionsA.waitForTimeout(6000);
    await article.close();
    expect(couch.requests).toEqual([]);
    const foreign = requestLog.filter((url) => !url.startsWith(pages.origin) && !url.startsWith('chrome-extension://') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requestLog.some((url) => url.startsWith(pages.origin))).toBe(true);
    const alarms = await a.serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<unknown[]> } } }).chrome.alarms.getAll());
    expect(alarms).toEqual([]);
  }, 60_000);

  it('brings a note written on each profile while the server was down to both profiles', async () => {
    const { optionsA, optionsB, couch } = profiles;
    await turnOnSync(optionsA, settings('ana'));
    await turnOnSync(optionsB, settings('ben'));
    expect(await optionsA.getByTestId('sync-status').innerText()).toMatch(/Last synced just now/);
    // The same log sees the worker's requests once sync is on: its silence above was real.
    expect(requestLog.some((url) => url.startsWith(couch.url))).toBe(true);
    await couch.stop();
    await saveNote(optionsA, note('urn:uuid:down-a', 'written on A while the server was down'));
    await saveNote(optionsB, note('urn:uuid:down-b', 'written on B while the server was down', ['offline']));
    const down = await syncNow(optionsA);
    expect(down.problem?.kind).toBe('offline');
    await optionsA.reload();
    await expect.poll(() => optionsA.getByTestId('sync-problem').innerText()).toMatch(/Could not reach the server/);
    await couch.start();
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    for (const page of [optionsA, optionsB]) {
      expect(await notes(page)).toMatchObject({
        'urn:uuid:down-a': 'written on A while the server was down',
        'urn:uuid:down-b': 'written on B while the server was down',
        'urn:uuid:off-1': 'written while sync is off',
      });
    }
    await optionsB.reload();
    await optionsB.getByTestId('sync-authors').click();
    await expect.poll(() => optionsB.getByTestId('sync-authors').innerText()).toMatch(/written on A while the server was down\s*— ana/);
  }, 120_000);

  it('keeps both texts of the same note edited on both profiles and shows the conflict', async () => {
    const { optionsA, optionsB } = profiles;
    await saveNote(optionsA, note('urn:uuid:both', 'first text'));
    await syncNow(optionsA);
    await syncNow(optionsB);
    expect((await notes(optionsB))['urn:uuid:both']).toBe('first text');
    await saveNote(optionsA, note('urn:uuid:both', 'edited on profile A'));
    await saveNote(optionsB, note('urn:uuid:both', 'edited on profile B'));
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    for (const page of [optionsA, optionsB]) {
      await page.reload();
      const conflicts = page.getByTestId('sync-conflicts');
      await conflicts.waitFor();
      const text = await conflicts.innerText();
      expect(text).toContain('edited on profile A');
      expect(text).toContain('edited on profile B');
      expect(await page.getByTestId('sync-version').count()).toBe(2);
    }
    // Both profiles show the same version until someone picks.
    expect((await notes(optionsA))['urn:uuid:both']).toBe((await notes(optionsB))['urn:uuid:both']);
    // Profile B keeps its own text; after a pass, both have it and the conflict is gone.
    await optionsB.getByTestId('sync-version').filter({ hasText: 'edited on profile B' }).getByRole('button', { name: 'Keep this version' }).click();
    await expect.poll(() => optionsB.getByTestId('sync-version').count()).toBe(0);
    await syncNow(optionsB);
    await syncNow(optionsA);
    expect((await notes(optionsA))['urn:uuid:both']).toBe('edited on profile B');
    await optionsA.reload();
    await optionsA.getByTestId('sync-status').waitFor();
    expect(await optionsA.getByTestId('sync-conflicts').count()).toBe(0);
  }, 120_000);

  it("shows a note's conflict on the page too: its bubble has both texts, and the merged text is kept everywhere", async () => {
    const { a, optionsA, optionsB, pages } = profiles;
    const url = pages.url('/article.html');
    const paragraph = 'The visit comes days after Russia launched a new offensive in Kharkiv, near the border.';
    const exact = 'a new offensive in Kharkiv';
    const start = paragraph.indexOf(exact);
    const pageNote = (text: string) =>
      createAnnotation({ pageUrl: url, title: 'Putin arrives in China for state visit', text: paragraph, start, end: start + exact.length, id: 'urn:uuid:on-page', now: new Date(), tags: ['visit'], note: text });
    await saveNote(optionsA, pageNote('first text on the page'));
    await syncNow(optionsA);
    await syncNow(optionsB);
    await saveNote(optionsA, pageNote('page note from profile A'));
    await saveNote(optionsB, pageNote('page note from profile B'));
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    await turnOnDiagnostics(a);
    const article = await a.context.newPage();
    try {
      await article.goto(url);
      await expect.poll(() => article.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('dossier-note-'))), { timeout: 20_000 }).toBe(true);
      const point = await article.evaluate(() => {
        const name = [...CSS.highlights.keys()].find((k) => k.startsWith('dossier-note-'))!;
        const rect = ([...CSS.highlights.get(name)!][0] as Range).getClientRects()[0]!;
        return { x: rect.left + 4, y: rect.top + rect.height / 2 };
      });
      await article.mouse.click(point.x, point.y);
      const bubble = await waitForFrame(article, 'note');
      const conflict = bubble.getByTestId('note-conflict');
      await conflict.waitFor({ timeout: 15_000 });
      const text = await conflict.innerText();
      expect(text).toContain('page note from profile A');
      expect(text).toContain('page note from profile B');
      expect(await bubble.getByTestId('note-version').count()).toBe(2);
      await bubble.getByLabel('Or merge them').fill('merged on the page: A and B');
      await whenTakingClicks(bubble);
      await bubble.getByRole('button', { name: 'Keep the merged text' }).click();
      await expect.poll(() => conflict.innerText()).toContain('Kept.');
    } finally {
      await article.close();
    }
    await syncNow(optionsA);
    await syncNow(optionsB);
    expect((await notes(optionsA))['urn:uuid:on-page']).toBe('merged on the page: A and B');
    expect((await notes(optionsB))['urn:uuid:on-page']).toBe('merged on the page: A and B');
    expect(await send<{ conflicts: unknown[] }>(optionsB, 'sync/conflicts', {})).toEqual({ conflicts: [] });
  }, 120_000);

  it('converges with nothing duplicated when the server stops in the middle of a pass and starts again', async () => {
    const { optionsA, optionsB, couch } = profiles;
    for (let i = 0; i < 40; i++) await saveNote(optionsA, note(`urn:uuid:bulk-${i}`, `bulk note ${i}`));
    couch.dropNext('_bulk_docs', true);
    const cut = await syncNow(optionsA);
    expect(cut.problem?.kind).toBe('offline');
    await couch.start();
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    const [onA, onB] = [await notes(optionsA), await notes(optionsB)];
    expect(onB).toEqual(onA);
    expect(Object.keys(onA).filter((id) => id.startsWith('urn:uuid:bulk-'))).toHaveLength(40);
    const all = (await couch.admin('GET', 'team/_all_docs')).body as { rows: { id: string }[] };
    // One document per note and the entity, plus the config and design documents: nothing twice.
    expect(all.rows).toHaveLength(Object.keys(onA).length + 1 + 2);
  }, 120_000);

  it("stores only ciphertext: the server's documents, read directly, hold no note, tag or name", async () => {
    const { optionsA, couch } = profiles;
    const raw = await couch.rawDocuments('team');
    expect(raw).toContain('"by":"ana"');
    const plain = [...Object.values(await notes(optionsA)), 'offline', 'Ilsa Vantarro', 'Vantarro', 'Quintavia', 'news.example', 'A story', 'Kharkiv', 'urn:uuid:'];
    for (const text of plain) expect(raw, text).not.toContain(text);
  }, 60_000);

  it("refuses a read-only member's push with the message shown, and keeps the change in the browser", async () => {
    const { a, optionsB, couch, dir } = profiles;
    await a.close();
    const c = await launchWithExtension(dir);
    try {
      const optionsC = await openOptions(c);
      await turnOnSync(optionsC, settings('cleo'));
      expect((await notes(optionsC))['urn:uuid:both']).toBe('edited on profile B');
      const before = ((await couch.admin('GET', 'team/_all_docs')).body as { rows: unknown[] }).rows.length;
      await saveNote(optionsC, note('urn:uuid:reader', 'written by a read-only member'));
      const status = await syncNow(optionsC);
      expect(status.refused?.count).toBe(1);
      await optionsC.reload();
      await expect.poll(() => optionsC.getByTestId('sync-problem').innerText()).toMatch(/refused 1 change: you are a read-only member of this database\. It is kept in this browser/);
      expect((await notes(optionsC))['urn:uuid:reader']).toBe('written by a read-only member');
      expect(((await couch.admin('GET', 'team/_all_docs')).body as { rows: unknown[] }).rows).toHaveLength(before);
      await syncNow(optionsB);
      expect(await notes(optionsB)).not.toHaveProperty('urn:uuid:reader');
    } finally {
      await c.close();
    }
  }, 120_000);
});
