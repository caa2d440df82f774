// The popup lists a page's names as soon as they are marked, and its claims once the background
// has judged them: on a cold worker the judge first fetches and parses its model (~0.7 s, more on a
// big page), which once held the whole popup at "Looking at this page…". The test holds the
// model's fetch in the service worker until it lets it go, so the judging takes as long as it says.
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`popup-claims-pending.test.ts: ${SKIP_REASON}`);

const page = htmlDocument(
  "<article><p>Xi Jinping met Vladimir Putin in Moscow.</p><p>Most of Russia's oil and gas exports now go to China.</p></article>",
  { title: 'Claims held' },
);

interface HeldFetch {
  __held: (() => void)[] | null;
  __heldCount: number;
  fetch: typeof fetch;
}

describe.skipIf(SKIP_REASON !== null)('the popup while the claims are judged', () => {
  const ext = useExtensionBrowser({ pages: { '/claims.html': page } });

  it('lists the names before the claims arrive, then the claims', async () => {
    // The worker is fresh: no page has asked its judge yet, so the model is not loaded. Its fetch
    // (the background's global fetch, looked up at the call) now waits for __release.
    await ext.browser.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as HeldFetch;
      const real = g.fetch.bind(g);
      g.__held = [];
      g.__heldCount = 0;
      g.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        const held = g.__held;
        if (held === null || !url.includes('claim-model')) return real(input, init);
        g.__heldCount++;
        return new Promise<void>((resolve) => held.push(resolve)).then(() => real(input, init));
      };
    });
    const release = () =>
      ext.browser.serviceWorker.evaluate(() => {
        const g = globalThis as unknown as HeldFetch;
        for (const go of g.__held ?? []) go();
        g.__held = null;
      });
    try {
      const tab = await ext.openWithHighlights('/claims.html');
      // The judge has been asked, and is waiting for its model.
      await expect.poll(() => ext.browser.serviceWorker.evaluate(() => (globalThis as unknown as HeldFetch).__heldCount), { timeout: 15_000 }).toBeGreaterThan(0);
      const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(tab));
      await withScreenshotOnFailure(popup, 'popup-claims-pending', async () => {
        await popup.getByRole('button', { name: /^Xi Jinping 1 mention$/ }).waitFor({ timeout: 10_000 });
        await popup.getByRole('status').filter({ hasText: 'Checking this page for claims' }).waitFor({ timeout: 5_000 });
        expect(await popup.getByRole('heading', { name: /^Claims/ }).count()).toBe(0);
        // Accessible while it waits too (the status line is new).
        const violations = await axeViolations(popup);
        expect(violations, describeViolations(violations)).toEqual([]);

        await release();
        await popup.getByRole('heading', { name: /^Claims \(1\)$/ }).waitFor({ timeout: 15_000 });
        expect(await popup.getByText('Checking this page for claims').count()).toBe(0);
        // The names are still there, listed once.
        expect(await popup.getByRole('button', { name: /^Xi Jinping 1 mention$/ }).count()).toBe(1);
      });
      await popup.close();
      await tab.close();
    } finally {
      await release().catch(() => undefined);
    }
  }, 60_000);
});
