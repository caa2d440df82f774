// Chromium stops an idle MV3 service worker after 30 s. Mid-session, the reader's next click must
// wake it, and the card must still load with the right context: no state may live only in the
// worker's globals. The test stops the worker the way Chromium does (ServiceWorker.stopAllWorkers
// through the DevTools protocol), checks it is stopped, then clicks a highlight.
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { WorkerWatch, boxOfText } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { readCard } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('a stopped service worker', () => {
  const ext = useExtensionBrowser({
    fixtures: true,
    pages: { '/agency.html': '<!doctype html><meta charset="utf-8"><title>Agency</title><p>The Quellmark Press Bureau reported the talks on Thursday.</p>' },
  });

  it('is woken by a click on a highlight, and the card loads with the right context', async () => {
    const page = await ext.openWithHighlights('/article.html');
    const watch = await WorkerWatch.attach(page, ext.browser.extensionId);
    await withScreenshotOnFailure(page, 'extension-worker-restart', async () => {
      await watch.waitFor('running');
      // Stays stopped while nobody asks it anything: the page's highlights need no worker. The
      // page's last one-off requests after its highlights (sightings, claims to judge) may still
      // wake it a few times; a page that kept asking would fail here.
      expect(await watch.stopUntilQuiet(), 'the worker stayed stopped for 500 ms within six tries').toBe(true);

      const xinhua = await boxOfText(page, '#org', 'Xinhua');
      await page.mouse.click(xinhua.x, xinhua.y);
      await expect
        .poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 })
        .toContain('China’s state news agency');
      const card = await readCard(page);
      expect(card?.dialog?.['aria-label']).toBe('Xinhua');
      expect(card?.dialog?.['aria-busy']).toBeUndefined();
      expect(card?.text).not.toMatch(/error|could not/i);
      expect(watch.history.slice(watch.history.lastIndexOf('stopped'))).toContain('running');

      // Twice in a row: a second stop and a card for another kind of mention (a place).
      await page.keyboard.press('Escape');
      expect(await watch.stopUntilQuiet(), 'stopped again').toBe(true);
      const kharkiv = await boxOfText(page, '#place', 'Kharkiv');
      await page.mouse.click(kharkiv.x, kharkiv.y);
      await expect.poll(async () => (await readCard(page))?.dialog?.['aria-label'] ?? '', { timeout: 15_000 }).toBe('Kharkiv');
      await expect.poll(async () => (await readCard(page))?.dialog?.['aria-busy'] ?? 'done', { timeout: 15_000 }).toBe('done');
      expect((await readCard(page))?.text).toContain('Seen elsewhere');
    });
    await watch.detach();
    await page.close();
  }, 90_000);

  it('wakes for a page opened while it is stopped: the page gets its list and its highlights', async () => {
    const first = await ext.openWithHighlights('/article.html');
    const watch = await WorkerWatch.attach(first, ext.browser.extensionId);
    await watch.waitFor('running');
    expect(await watch.stopUntilQuiet(), 'the worker stayed stopped for 500 ms within six tries').toBe(true);
    const page = await ext.openWithHighlights('/dark.html');
    expect(watch.history.slice(watch.history.lastIndexOf('stopped'))).toContain('running');
    await watch.detach();
    await first.close();
    await page.close();
  }, 90_000);

  it("never answers a page from a stale copy of the list: an alias edited in place before the worker stopped is highlighted after it", async () => {
    // The worker keeps the indexed list in storage.session for its next start (store/list-cache/
    // session-copy.ts). An alias edit keeps the counts that tell a changed list, so only the copy
    // dropped with the write keeps the next start from answering with the list from before.
    const first = await ext.openWithHighlights('/article.html');
    const watch = await WorkerWatch.attach(first, ext.browser.extensionId);
    const options = await ext.openExtensionPage('options/options.html');
    const send = (type: string, payload: unknown) =>
      options.evaluate(
        (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage(message),
        { type, payload },
      );
    const xinhua = {
      id: 'xinhua',
      name: 'Xinhua',
      kind: 'organisation',
      aliases: [{ text: 'Xinhua News Agency' }, { text: 'New China News Agency' }],
      context: 'China’s state news agency; interviewed Putin before the visit',
    };
    try {
      // A stopped worker answers from the copy: the list as it is now, before the edit.
      expect(await watch.stopUntilQuiet(), 'stopped').toBe(true);
      const before = await ext.open('/agency.html');
      await before.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 }).catch(() => undefined);
      expect(await before.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map(String)))).not.toContain('Quellmark Press Bureau');
      await before.close();

      expect(await send('entities/save', { entity: { ...xinhua, aliases: [...xinhua.aliases, { text: 'Quellmark Press Bureau' }] } })).toMatchObject({ ok: true });
      expect(await watch.stopUntilQuiet(), 'stopped after the edit').toBe(true);
      const page = await ext.open('/agency.html');
      await withScreenshotOnFailure(page, 'extension-worker-stale-copy', async () => {
        await expect
          .poll(() => page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map(String))), { timeout: 15_000 })
          .toContain('Quellmark Press Bureau');
      });
      await page.close();
    } finally {
      await send('entities/save', { entity: xinhua }).catch(() => undefined);
      await options.close();
      await watch.detach();
      await first.close();
    }
  }, 90_000);
});
