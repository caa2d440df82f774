// The toolbar popup with the real extension: it lists what the content script found on a news
// page, and a click on a name scrolls the page to it. popup.html is opened in a tab of its own,
// so it is told which tab to talk to with `?tab=<id>` (see src/ui/shared/target-tab.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { CHROMIUM_SKIP_REASON, extensionUrl, saveScreenshot } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { readCard } from './frame-helpers';
import { axeViolations, describeViolations } from './axe';

// Runs its own build of the extension (see extension-copy.ts), so it needs Chromium only.
if (CHROMIUM_SKIP_REASON) console.warn(`popup.test.ts: ${CHROMIUM_SKIP_REASON}`);

function articlePage(): string {
  // A tall lead-in, so that revealing a mention has to scroll.
  return htmlDocument(`<div style="height:4000px">Lead-in</div><article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' });
}

describe.skipIf(CHROMIUM_SKIP_REASON !== null)('popup with the built extension', () => {
  const ext = useExtensionBrowser({
    ownBuild: true,
    // One article at several paths: each test opens its own tab on it.
    pages: () => {
      const html = articlePage();
      const late = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head><body><p>Vladimir Putin arrived in Beijing.</p></body></html>';
      return { '/article': html, '/switch': html, '/twice': html, '/search': html, '/late': late };
    },
  });

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await ext.browser.context.newPage();
    onTestFailed(() => saveScreenshot(popup, `popup-${tabId}`));
    await popup.goto(extensionUrl(ext.browser, 'popup/popup.html', tabId));
    return popup;
  }

  it('lists the entities of the page and scrolls to the one clicked', async () => {
    const article = await ext.open('/article');
    const tabId = await ext.tabIdOf(article);
    // The content script scans at document_idle; the popup may open before it has finished.
    const popup = await openPopup(tabId);
    await expect
      .poll(async () => {
        if (await popup.getByRole('button', { name: /^Vladimir Putin \d+ mentions?$/ }).count()) return true;
        await popup.reload();
        return false;
      }, { timeout: 30_000, interval: 1_000 })
      .toBe(true);
    await expect(popup.getByRole('heading', { name: /People/ }).count()).resolves.toBe(1);
    await expect(popup.getByRole('heading', { name: /Places/ }).count()).resolves.toBe(1);
    await expect(popup.getByRole('switch', { name: 'Dossier on this site' }).count()).resolves.toBe(1);

    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    const closed = popup.waitForEvent('close', { timeout: 10_000 }).then(() => true, () => false);
    await popup.getByRole('button', { name: /^Vladimir Putin \d/ }).click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(3000);
    expect(await closed, 'the popup closes after a reveal').toBe(true);
    // The reveal also opens the card beside the mention.
    await expect.poll(async () => (await readCard(article))?.dialog !== undefined, { timeout: 10_000 }).toBe(true);
    await article.close();
  });

  it('switches Dossier off for the site, and remembers it', async () => {
    const article = await ext.open('/switch');
    const tabId = await ext.tabIdOf(article);
    const popup = await openPopup(tabId);
    const on = popup.getByRole('switch', { name: 'Dossier on this site' });
    await on.waitFor({ timeout: 30_000 });
    expect(await on.isChecked()).toBe(true);
    await on.uncheck();
    await popup.getByText('Dossier is off on this site.').waitFor({ timeout: 10_000 });
    // The switch shows "off" at once and stays busy until the background saved it and the page was
    // told: only then is there something to remember (a popup opened sooner raced the save: CI).
    await popup.locator('#site-switch:not([aria-busy])').waitFor({ timeout: 10_000 });
    const again = await openPopup(tabId);
    await again.getByText('Dossier is off on this site.').waitFor({ timeout: 10_000 });
    expect(await again.getByRole('switch', { name: 'Dossier on this site' }).isChecked()).toBe(false);
    // And back on, so the other tests see the site enabled.
    await again.getByRole('switch', { name: 'Dossier on this site' }).check();
    await again.getByRole('button', { name: /^Vladimir Putin \d/ }).waitFor({ timeout: 30_000 });
    for (const p of [popup, again, article]) await p.close();
  });

  it('keeps a second press made while the first is being saved: the last press wins', async () => {
    const article = await ext.open('/twice');
    const tabId = await ext.tabIdOf(article);
    const popup = await openPopup(tabId);
    const on = popup.getByRole('switch', { name: 'Dossier on this site' });
    await popup.getByRole('button', { name: /^Vladimir Putin \d/ }).waitFor({ timeout: 30_000 });
    // Off, then on again as soon as the switch shows it is saving (a quick double press).
    const pressedWhileBusy = await popup.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('#site-switch')!;
      input.click();
      for (let i = 0; i < 100 && input.getAttribute('aria-busy') !== 'true'; i++) await Promise.resolve();
      const busy = input.getAttribute('aria-busy') === 'true';
      input.click();
      return busy;
    });
    expect(pressedWhileBusy, 'the second press landed while the first was saving').toBe(true);
    await popup.locator('#site-switch:not([aria-busy])').waitFor({ timeout: 10_000 });
    expect(await on.isChecked()).toBe(true);
    const violations = await axeViolations(popup);
    expect(violations, describeViolations(violations)).toEqual([]);
    await popup.getByRole('button', { name: /^Vladimir Putin \d/ }).waitFor({ timeout: 30_000 });
    // A fresh popup: the page lists its names again (none while off) and the switch is on.
    const again = await openPopup(tabId);
    await again.getByRole('button', { name: /^Vladimir Putin \d/ }).waitFor({ timeout: 30_000 });
    expect(await again.getByRole('switch', { name: 'Dossier on this site' }).isChecked()).toBe(true);
    for (const p of [popup, again, article]) await p.close();
  });

  it('searches the whole dossier as the user types', async () => {
    const article = await ext.open('/search');
    const popup = await openPopup(await ext.tabIdOf(article));
    await popup.getByRole('searchbox', { name: 'Search your dossier' }).fill('Lavrov');
    await popup.locator('.results').getByText('Sergey Lavrov').first().waitFor({ timeout: 10_000 });
    await popup.getByRole('searchbox', { name: 'Search your dossier' }).fill('zzzzqqq');
    await popup.getByText('Nothing in your dossier matches').waitFor({ timeout: 10_000 });
    await popup.close();
    await article.close();
  });

  // A popup opened as a page loads, before the content script (run once the page is idle) is there
  // to answer, said "Dossier does not run on this page" for good. The same moment, made certain: the
  // popup asks a tab with no content script yet (about:blank), which then opens a page.
  it('waits a moment for a content script that has not started yet, instead of saying Dossier does not run', async () => {
    const tab = await ext.browser.context.newPage();
    await tab.goto('about:blank');
    const popup = await openPopup(await ext.tabIdOf(tab));
    await popup.waitForTimeout(150);
    await tab.goto(ext.url('/late'));
    await popup.getByRole('button', { name: /Vladimir Putin/ }).first().waitFor({ timeout: 20_000 });
    expect(await popup.getByText('Dossier does not run on this page.').count()).toBe(0);
    await popup.close();
    await tab.close();
  });

  it('says so on a page where Dossier does not run', async () => {
    const blank = await ext.browser.context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopup(await ext.tabIdOf(blank));
    await expect(popup.getByText('Dossier does not run on this page.').waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    await popup.close();
    await blank.close();
  });
});
