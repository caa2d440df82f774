// An MV3 service worker that is stopping or starting as a page asks it a question may drop it ("The
// message port closed before a response was received"). A page that asked once was then never read
// (its first question, page/filter, asked where storage.local holds no filter), or, where the second (page/init) failed, reported itself as
// switched off: the popup said "Dossier is off on this site" with the reader's switch on. Here the
// worker answers the page's question with a failure first (a listener of the test's own, which
// answers before Dossier's), as a dropped question ends.
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`worker-dropped-question.test.ts: ${SKIP_REASON}`);

const page = (title: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><p>Vladimir Putin landed in Beijing on Thursday.</p>`;

/** The next `times` questions of `type` any page asks are answered with a failure; how many were, read later with failedCount. */
function failNext(worker: Worker, type: string, times: number): Promise<void> {
  return worker.evaluate(
    ([wanted, count]) => {
      const state = globalThis as unknown as { failed?: Record<string, number> };
      state.failed ??= {};
      state.failed[wanted] = 0;
      const api = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(l: (m: { type?: string }, s: unknown, r: (x: unknown) => void) => boolean | undefined): void } } } }).chrome;
      api.runtime.onMessage.addListener((message, _sender, reply) => {
        if (message?.type !== wanted || state.failed![wanted]! >= count) return undefined;
        state.failed![wanted]!++;
        reply({ ok: false, error: 'The message port closed before a response was received.' });
        return undefined;
      });
    },
    [type, times] as const,
  );
}

/**
 * storage.local filled to its quota with the first stage's record replaced by 0 (one write): the
 * background's attempt to write the record back fails, as on a full disk.
 */
function fillStorage(worker: Worker): Promise<void> {
  return worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { QUOTA_BYTES: number; getBytesInUse(keys: string | null): Promise<number>; set(items: object): Promise<void> } } } }).chrome.storage.local;
    const inUse = await local.getBytesInUse(null);
    const record = await local.getBytesInUse('firstStage');
    // Bytes are counted as the key's length plus the value's JSON: leave less room than any record needs.
    const room = local.QUOTA_BYTES - inUse + record - 'firstStage'.length - 1 - 'filler'.length - 2 - 8;
    await local.set({ firstStage: 0, filler: 'x'.repeat(room) });
  });
}

function emptyStorage(worker: Worker): Promise<void> {
  return worker.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: { remove(keys: string[]): Promise<void> } } } }).chrome.storage.local;
    await local.remove(['filler', 'firstStage']);
  });
}

const storedRecord = (worker: Worker) =>
  worker.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('firstStage')).firstStage);

const failedCount = (worker: Worker, type: string) => worker.evaluate((wanted) => (globalThis as unknown as { failed?: Record<string, number> }).failed?.[wanted] ?? 0, type);

describe.skipIf(SKIP_REASON !== null)('a question the worker dropped', () => {
  const ext = useExtensionBrowser({ pages: { '/first.html': page('First'), '/second.html': page('Second') } });

  it('reads the page all the same when no filter could be stored (storage full) and its question for it was dropped', async () => {
    // The first stage reads the list's filter from storage.local; where none is there (a full
    // storage here, a first start elsewhere) it asks the background, and that question is dropped once.
    const worker = ext.browser.serviceWorker;
    await fillStorage(worker);
    try {
      await failNext(worker, 'page/filter', 1);
      const tab = await ext.browser.context.newPage();
      await tab.goto(ext.url('/first.html'));
      await withScreenshotOnFailure(tab, 'worker-dropped-filter', async () => {
        await waitForHighlights(tab, 'Putin highlighted after the dropped question', { timeout: 15_000 });
        expect(await failedCount(worker, 'page/filter')).toBe(1);
        // No record: the background could not write its own, and removed the unreadable one.
        expect(await storedRecord(worker)).toBeUndefined();
      });
      await tab.close();
    } finally {
      await emptyStorage(worker);
    }
    // Room again: the background writes the record back (its guard saw the change above).
    await expect.poll(async () => typeof (await storedRecord(worker)), { timeout: 10_000 }).toBe('object');
  });

  it('lists the names in the popup, not "off on this site", when the page could not start, and highlights them', async () => {
    // Both of the page's asks fail (it asks twice); the popup's question then starts it.
    await failNext(ext.browser.serviceWorker, 'page/init', 2);
    const tab = await ext.browser.context.newPage();
    await tab.goto(ext.url('/second.html'));
    await expect.poll(() => failedCount(ext.browser.serviceWorker, 'page/init'), { timeout: 15_000 }).toBeGreaterThan(0);
    await tab.waitForTimeout(1000); // the page's second ask comes 250 ms after the first
    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(tab));
    await withScreenshotOnFailure(popup, 'worker-dropped-init-popup', async () => {
      await popup.getByRole('button', { name: /Vladimir Putin/ }).waitFor({ timeout: 15_000 });
      expect(await popup.locator('main').innerText()).not.toContain('Dossier is off on this site');
    });
    await tab.bringToFront();
    await waitForHighlights(tab, 'Putin highlighted once the popup asked', { timeout: 15_000 });
    await popup.close();
    await tab.close();
  });
});
