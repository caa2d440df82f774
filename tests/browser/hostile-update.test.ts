// The extension reloaded (an update) while a tab is open: the old content script must stop quietly
// (no errors in the page's console, its highlights gone), and nothing starts twice on the page.
// Chromium does not inject an MV3 extension's content scripts into tabs that were already open,
// so after the reload the page carries no Dossier at all until it is reloaded: asserted below.
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, reloadExtension, waitForHighlights, waitForPage, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('extension reloaded under an open tab', () => {
  const ext = useExtensionBrowser({ fixtures: true });

  it('stops the orphan quietly, removes its highlights, and does not start a second script', async () => {
    const page = await ext.browser.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The fixture server has no favicon: its 404 is the browser's, not ours.
      if ((m.type() === 'error' || m.type() === 'warning') && !/Failed to load resource/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(ext.url('/article.html'));
    await waitForHighlights(page, 'highlights');
    await withScreenshotOnFailure(page, 'hostile-update', async () => {
      await reloadExtension(ext.browser);
      await page.waitForTimeout(1000);
      // The orphan notices at its next piece of work: the page changes, and the user clicks a name.
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping again.' })));
      await waitForPage(page, () => !CSS.highlights.has('dossier-person'), 'highlights removed by the orphan');
      await page.mouse.click(200, 150);
      await page.waitForTimeout(1500);
      const state = await page.evaluate(() => ({
        registered: ['person', 'organisation', 'place', 'claim'].filter((k) => CSS.highlights.has(`dossier-${k}`)),
        hosts: [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').length,
      }));
      // No new script started in this tab (and so none twice): nothing is registered again.
      expect(state).toEqual({ registered: [], hosts: 0 });
      expect(problems).toEqual([]);
    });
    // Not asserted: that reloading the tab afterwards brings exactly one new script. In this
    // harness the reloaded extension did not come back within 20 s (no highlights at all after
    // the tab reload), so that half is left to a manual check (see SECURITY.md).
    await page.close();
  }, 90_000);
});
