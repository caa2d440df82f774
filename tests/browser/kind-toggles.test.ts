// Show or hide each kind from the popup: the page stops painting that kind at once, keeps it
// hidden on the next page (the setting is kept), and a click on a hidden name opens no card.
import { describe, expect, it } from 'vitest';
import { boxOfText } from './extension-helpers';
import { cardIsOpen } from './frame-helpers';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`kind-toggles.test.ts: ${SKIP_REASON}`);

describe.skipIf(SKIP_REASON !== null)('per-kind show and hide from the popup', () => {
  const ext = useExtensionBrowser({
    pages: () => {
      const html = htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' });
      return { '/a': html, '/b': html };
    },
  });

  it('hides people on the page at once and on the next page, and a hidden name opens no card', async () => {
    const page = await ext.openWithHighlights('/a');
    const personLook = (p = page) =>
      p.evaluate(() => getComputedStyle(document.querySelector('article p')!, '::highlight(dossier-person)').textDecorationLine);
    expect(await personLook()).toBe('underline');
    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(page));
    await withScreenshotOnFailure(popup, 'kind-toggles', async () => {
      const people = popup.getByRole('group', { name: 'Highlight on pages' }).getByRole('checkbox', { name: 'People' });
      await people.waitFor({ timeout: 30_000 });
      expect(await people.isChecked()).toBe(true);
      await people.uncheck();
    });
    await expect.poll(() => personLook(), { timeout: 5_000 }).toBe('none');
    // Clicking the hidden name does nothing (mid-sentence, away from any claim's first words).
    const box = await boxOfText(page, 'article', 'Putin’s arrival');
    await page.mouse.click(box.left + 6, box.y);
    await page.waitForTimeout(800);
    expect(await cardIsOpen(page)).toBe(false);

    const next = await ext.openWithHighlights('/b');
    await expect.poll(() => personLook(next), { timeout: 5_000 }).toBe('none');
    // Back on.
    await popup.getByRole('checkbox', { name: 'People' }).check();
    await expect.poll(() => personLook(next), { timeout: 5_000 }).toBe('underline');
    for (const p of [popup, page, next]) await p.close();
  });
});
