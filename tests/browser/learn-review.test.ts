// "Add this article to my dossier" in Chromium with the built extension: the popup's button opens
// the review page for the tab; the review lists the article's people; the user drops one and
// confirms; the article's open tab and the next page highlight the kept person and not the dropped one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('learn as you read: add this article', () => {
  const ext = useExtensionBrowser({ fixtures: true });

  it('reviews the article, drops one person, confirms, and highlights only the kept ones on the next page', async () => {
    const article = await ext.open('/learn-ada.html');
    // Nobody in the seed is named here: the page has no highlights until the user adds the article.
    await article.waitForTimeout(500);
    expect(await highlightTexts(article, 'person')).toEqual([]);
    const tabId = await ext.tabIdOf(article);

    // The popup's button opens the review page for this tab.
    const popup = await ext.openExtensionPage('popup/popup.html', tabId);
    const opened = ext.browser.context.waitForEvent('page', { timeout: 10_000 });
    await popup.getByRole('button', { name: 'Add this article to my dossier' }).click();
    const review: Page = await opened;
    await review.waitForURL(/review\/review\.html\?tab=\d+$/);
    expect(new URL(review.url()).searchParams.get('tab')).toBe(String(tabId));

    await withScreenshotOnFailure(review, 'learn-review', async () => {
      const keepAda = review.getByRole('checkbox', { name: 'Keep Ada Lovelace' });
      const keepBabbage = review.getByRole('checkbox', { name: 'Keep Charles Babbage' });
      await keepAda.waitFor({ timeout: 20_000 });
      expect(await keepAda.isChecked()).toBe(true);
      // The quote is listed with its speaker.
      await expect.poll(() => review.locator('main').innerText()).toContain('The Analytical Engine weaves algebraical patterns');
      await keepBabbage.uncheck();
      // Edit the kept person's context line.
      await review.locator('[data-entry="ada-lovelace"] input[type="text"]').nth(1).fill('Mathematician, wrote the first program');
      await review.getByRole('button', { name: 'Add to my dossier' }).click();
      await expect.poll(() => review.getByRole('status').innerText().catch(() => ''), { timeout: 10_000 }).toMatch(/Added to your dossier/);
    });

    // The article's own tab, still open, highlights the kept person without a reload.
    await withScreenshotOnFailure(article, 'learn-review-article', async () => {
      await waitForHighlights(article, 'highlights on the article just added', { timeout: 15_000 });
      const people = await highlightTexts(article, 'person');
      expect(people).toContain('Ada Lovelace');
      expect(people).not.toContain('Charles Babbage');
    });

    const next = await ext.open('/learn-next.html');
    await withScreenshotOnFailure(next, 'learn-review-next', async () => {
      await waitForHighlights(next, 'highlights on the next page');
      const people = await highlightTexts(next, 'person');
      expect(people).toContain('Ada Lovelace');
      expect(people).not.toContain('Charles Babbage');
    });
    for (const p of [article, popup, review, next]) await p.close().catch(() => {});
  }, 90_000);
});
