// The popup, the options page and the review page by keyboard, in the real browser: focus stays
// on what the reader used or moves into what opened, Esc closes, and a long review keeps to one
// tab stop per row.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`keyboard-pages.test.ts: ${SKIP_REASON}`);

/** The focused element of an extension page, as "tag#id" or its accessible-ish text. */
function focused(page: Page): Promise<{ tag: string; id: string; text: string; inForm: boolean; entity: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim(),
      inForm: el?.closest('form') !== null,
      entity: el?.closest('li[data-id]')?.getAttribute('data-id') ?? null,
    };
  });
}

describe.skipIf(SKIP_REASON !== null)('popup, options and review by keyboard', () => {
  const ext = useExtensionBrowser({
    pages: () => ({ '/article': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' }) }),
  });

  it('popup: the switch reads "Dossier on this site", keeps focus, and hides the page actions while off', async () => {
    const article = await ext.open('/article');
    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(article));
    await withScreenshotOnFailure(popup, 'keyboard-popup', async () => {
      const on = popup.getByRole('switch', { name: 'Dossier on this site' });
      // The content script scans at document_idle (and, on a loaded machine, may still be reaching
      // the store): the popup may open before it has finished.
      await expect
        .poll(async () => {
          if (await popup.getByRole('button', { name: /^Vladimir Putin \d/ }).count()) return true;
          await popup.reload();
          return false;
        }, { timeout: 60_000, interval: 1_000 })
        .toBe(true);
      await popup.getByRole('button', { name: 'Add this article to my dossier' }).waitFor();
      // The search comes before the page's list.
      const order = await popup.evaluate(() => {
        const search = document.querySelector('input[type="search"]')!;
        const list = document.querySelector('.groups')!;
        return search.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING ? 'search first' : 'list first';
      });
      expect(order).toBe('search first');
      await on.focus();
      await popup.keyboard.press('Space');
      await popup.getByText('Dossier is off on this site.').waitFor({ timeout: 10_000 });
      // The switch stays busy until the background and the page have it (a press then waits its turn).
      await popup.locator('#site-switch:not([aria-busy])').waitFor({ timeout: 10_000 });
      expect((await focused(popup)).id).toBe('site-switch');
      expect(await popup.getByRole('button', { name: 'Add this article to my dossier' }).count()).toBe(0);
      await popup.keyboard.press('Space');
      await popup.getByRole('button', { name: 'Add this article to my dossier' }).waitFor({ timeout: 10_000 });
      expect((await focused(popup)).id).toBe('site-switch');
      // Long groups are cut short behind "Show all".
      const people = popup.getByRole('group', { name: /People/ });
      const before = await people.getByRole('listitem').count();
      await people.getByRole('button', { name: /^Show all \d+/ }).click();
      expect(await people.getByRole('listitem').count()).toBeGreaterThan(before);
    });
    await popup.close();
    await article.close();
  });

  it('options: a section index; Edit opens in place with focus in it, Esc closes it and focus returns', async () => {
    const options = await ext.openExtensionPage('options/options.html');
    await withScreenshotOnFailure(options, 'keyboard-options', async () => {
      const nav = options.getByRole('navigation', { name: 'Sections' });
      for (const name of ['Entity list', 'Keyboard shortcuts', 'Backup and restore']) await nav.getByRole('link', { name }).waitFor();
      await options.getByRole('searchbox', { name: 'Search entities' }).fill('Lavrov');
      const edit = options.getByRole('button', { name: 'Edit Sergey Lavrov' });
      await edit.waitFor({ timeout: 15_000 });
      await edit.focus();
      await options.keyboard.press('Enter');
      await expect.poll(() => focused(options)).toMatchObject({ tag: 'INPUT', inForm: true, entity: 'sergey-lavrov' });
      // In place: the form is on screen, right under the entity.
      const box = await options.getByRole('form', { name: 'Edit Sergey Lavrov' }).boundingBox();
      const viewport = options.viewportSize()!;
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(viewport.height);
      await options.keyboard.press('Escape');
      await expect.poll(() => options.getByRole('form').count()).toBe(0);
      await expect.poll(() => focused(options)).toMatchObject({ tag: 'BUTTON', entity: 'sergey-lavrov' });
      expect((await focused(options)).text).toMatch(/^Edit/);
      // The shortcuts, as the browser has them.
      const rows = options.locator('table.shortcuts tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      await options.getByRole('button', { name: 'Open the shortcut settings' }).waitFor();
    });
    await options.close();
  });

  it('review: entities already known are marked, claims unticked but not struck, one tab stop per row', async () => {
    const article = await ext.open('/article');
    const review = await ext.openExtensionPage('review/review.html', await ext.tabIdOf(article));
    await withScreenshotOnFailure(review, 'keyboard-review', async () => {
      await review.getByRole('button', { name: 'Add to my dossier' }).waitFor({ timeout: 30_000 });
      // The seed list has Putin: the review says so, with the other known names, behind one button.
      await review.getByRole('button', { name: /^Show all \d+ already in your dossier$/ }).click();
      await expect.poll(() => review.locator('li[data-entry="vladimir-putin"]').innerText(), { timeout: 10_000 }).toMatch(/already in your dossier/);
      const claim = review.locator('li.candidate').first();
      expect(await claim.getByRole('checkbox').isChecked()).toBe(false);
      expect(await claim.locator('.fields').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('none');
      // Tab from the top to the button: one stop per row shown, plus the "Show all" buttons.
      const { rows, buttons } = await review.evaluate(() => ({
        rows: document.querySelectorAll('li.row').length,
        buttons: document.querySelectorAll('button').length,
      }));
      let stops = 0;
      await review.locator('body').focus();
      for (; stops < 400; stops++) {
        await review.keyboard.press('Tab');
        const f = await review.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');
        if (f === 'Add to my dossier') break;
      }
      expect(stops + 1).toBeLessThanOrEqual(rows + buttons);
      // "e" on a kept entity moves into its name field; Esc goes back to its checkbox.
      const putin = review.getByRole('checkbox', { name: 'Keep Vladimir Putin' });
      await putin.focus();
      await review.keyboard.press('e');
      expect(await review.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Vladimir Putin');
      await review.keyboard.press('Escape');
      expect(await review.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Keep Vladimir Putin');
    });
    await review.close();
    await article.close();
  });
});
