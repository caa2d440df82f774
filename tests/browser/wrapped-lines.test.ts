// A page whose markup wraps its lines (hand-written HTML, many CMS templates): a line break inside
// a paragraph is drawn as a space, and Dossier must read it as one. Read as a line break, it ended
// a sentence in the middle: a claim wrapped in the source was never marked, and "Add this article"
// listed a wrapped quote cut in two. A <pre>'s line breaks stay lines.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const WRAPPED_CLAIM = "Most of Russia's oil and gas exports\n      now go to China.";
const WRAPPED_QUOTE = '“We will keep building the bridge\n      between our two nations,” said Ada Lovelace.';
const PAGE = `<!doctype html><html lang="en"><head><title>Wrapped</title></head><body><article>
<h1>Trade between Russia and China</h1>
<p>President Vladimir
      Putin spoke in Beijing. ${WRAPPED_CLAIM} Analysts followed the story closely.</p>
<p>Ada Lovelace, a trade envoy, spoke after him. ${WRAPPED_QUOTE} Ada Lovelace has led the envoy's office since 2020.</p>
<p>Ada Lovelace will travel to Moscow next month, the office of Ada Lovelace said.</p>
</article></body></html>`;

describe.skipIf(SKIP_REASON !== null)('a page whose markup wraps its lines', () => {
  const ext = useExtensionBrowser({ pages: { '/wrapped.html': PAGE } });

  it('marks a claim and a name wrapped across a line break of the markup', async () => {
    const page = await ext.open('/wrapped.html');
    await withScreenshotOnFailure(page, 'wrapped-claim', async () => {
      await waitForHighlights(page, 'the wrapped claim', { kind: 'claim', min: 1 });
      expect((await highlightTexts(page, 'claim')).map((t) => t.replace(/\s+/g, ' '))).toEqual(["Most of Russia's oil and gas exports now go to China."]);
      expect((await highlightTexts(page, 'person')).map((t) => t.replace(/\s+/g, ' '))).toContain('Vladimir Putin');
    });
    await page.close();
  }, 60_000);

  it('lists a wrapped quote whole when the article is added', async () => {
    const article = await ext.open('/wrapped.html');
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openExtensionPage('popup/popup.html', tabId);
    const opened = ext.browser.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Add this article to my dossier' }).click();
    const review: Page = await opened;
    await withScreenshotOnFailure(review, 'wrapped-quote', async () => {
      await review.getByRole('checkbox', { name: 'Keep Ada Lovelace' }).waitFor({ timeout: 20_000 });
      await expect.poll(() => review.locator('main').innerText()).toContain('We will keep building the bridge between our two nations');
    });
    for (const p of [article, popup, review]) await p.close().catch(() => {});
  }, 90_000);
});
