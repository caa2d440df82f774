// Every page's first stage reads the list's anchor filter from storage.local (issue 14: the
// question to the worker it replaces was ~4× the wait before any highlight). Content scripts can
// write storage.local too: a record planted there (by a compromised page process; here by an
// extension page, which writes the same storage) must not decide what other pages show. The
// background writes its own record back at once, so the next page is read against the real list.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`first-stage-record.test.ts: ${SKIP_REASON}`);

const NAMED = '<!doctype html><meta charset="utf-8"><title>Named</title><p>Vladimir Putin landed in Beijing on Thursday.</p>';

type Local = { get(k: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };

describe.skipIf(SKIP_REASON !== null)("the first stage's stored filter", () => {
  const ext = useExtensionBrowser({ pages: { '/named.html': NAMED, '/again.html': NAMED.replace('Named', 'Again') } });

  const stored = (page: Page) => page.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get('firstStage')).firstStage);

  it('is written by the background, and a record planted over it is undone before the next page reads it', async () => {
    const options = await ext.openExtensionPage('options/options.html');
    // Written once the worker has read the list (it starts with the seed).
    await expect.poll(async () => typeof (await stored(options)), { timeout: 10_000 }).toBe('object');
    const real = (await stored(options)) as { filter: { anchors: string }; version: string };
    expect(real.filter.anchors.split(' ')).toContain('putin');

    // A filter that matches nothing, of the same version: read as it stands, no page would load the rest.
    await options.evaluate(async (version) => {
      const planted = { format: 1, filter: { anchors: 'zzzz', maxAnchor: 4, always: false }, version, diagnostics: false, annotating: false };
      await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ firstStage: planted });
    }, real.version);
    await expect.poll(async () => ((await stored(options)) as { filter: { anchors: string } }).filter.anchors, { timeout: 10_000 }).toBe(real.filter.anchors);
    await options.close();

    const tab = await ext.open('/again.html');
    await withScreenshotOnFailure(tab, 'first-stage-record-planted', async () => {
      await waitForHighlights(tab, 'Putin highlighted after the planted filter was undone', { timeout: 15_000 });
    });
    await tab.close();
  });
});
