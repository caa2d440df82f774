// Our timings (dossier:start, dossier:highlighted, each slice of the scan, the quote harvest) go on
// the page's performance timeline, where any script on the page can read them and so learn that
// Dossier runs. They are written only with the options page's diagnostics switch on.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForHighlightOf, waitForPage, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`diagnostics.test.ts: ${SKIP_REASON}`);

/** Long enough for Readability to call it an article, with a person and a quote: the harvest runs. */
const paragraph = (n: number): string =>
  `<p>${n}. Vladimir Putin said on Thursday that “the talks in Beijing were frank and useful for both sides”, and officials ` +
  `who had waited since the morning were told that further details would follow later in the week, once the delegations ` +
  `had met again to discuss the wording of the final text and the schedule for its publication.</p>`;
const STORY =
  `<!doctype html><meta charset="utf-8"><title>Putin in Beijing</title><body><article><h1>Putin in Beijing</h1>` +
  Array.from({ length: 8 }, (_, i) => paragraph(i)).join('') +
  `</article></body>`;

/** Every entry of ours the page's own script can read. */
const oursOnTimeline = (page: Page): Promise<string[]> =>
  page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith('dossier')).map((e) => e.name));

const QUIET_WINDOW_MS = 4_000;

describe.skipIf(SKIP_REASON !== null)('timings on the page’s timeline', () => {
  const ext = useExtensionBrowser({ diagnostics: false, pages: { '/story': STORY } });

  it('are not there by default, with the page highlighted and its quotes harvested', async () => {
    const page = await ext.browser.context.newPage();
    await withScreenshotOnFailure(page, 'diagnostics-off', async () => {
      await page.goto(ext.url('/story'));
      // Diagnostics off: our names are random, so the highlight is found by what it holds.
      await waitForHighlightOf(page, 'Vladimir Putin');
      // Past the harvest, which the next test shows ends well inside this window.
      await page.waitForTimeout(QUIET_WINDOW_MS);
      expect(await oursOnTimeline(page)).toEqual([]);
    });
    await page.close();
  }, 60_000);

  it('are there once the options page’s switch is on (the control)', async () => {
    const options = await ext.openExtensionPage('options/options.html');
    const toggle = options.getByLabel('Record Dossier’s timings on the pages you open');
    await expect.poll(() => toggle.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    // Stored, not only ticked: a fresh options page reads it back.
    await options.reload();
    await expect.poll(() => options.getByLabel('Record Dossier’s timings on the pages you open').isChecked(), { timeout: 10_000 }).toBe(true);
    await options.close();
    const page = await ext.browser.context.newPage();
    await withScreenshotOnFailure(page, 'diagnostics-on', async () => {
      await page.goto(ext.url('/story'));
      await waitForPage(page, () => performance.getEntriesByName('dossier:harvested').length > 0, 'the harvest mark', 20_000);
      const names = await oursOnTimeline(page);
      expect(names).toEqual(expect.arrayContaining(['dossier:start', 'dossier:init', 'dossier:indexed', 'dossier:highlighted', 'dossier:slice', 'dossier:harvested']));
      const harvestAfterHighlights = await page.evaluate(
        () => performance.getEntriesByName('dossier:harvested')[0]!.startTime - performance.getEntriesByName('dossier:highlighted')[0]!.startTime,
      );
      expect(harvestAfterHighlights).toBeLessThan(QUIET_WINDOW_MS);
    });
    await page.close();
  }, 60_000);
});
