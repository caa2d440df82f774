// Clicks and keys as a reader uses them: a click beside a highlight opens nothing, a click on the
// second of two names that sit side by side opens that name's card, and the card's close button
// works from the keyboard and gives focus back.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASON, highlightTexts, withScreenshotOnFailure } from './harness';
import { boxOfText, focusedAccessible } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { countHosts, countShownHosts, dossierFrame, readCard, waitForFrameClosed } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Side by side</title>
<style>body { font: 20px/1.6 Georgia, serif; max-width: 36em; margin: 2em; }</style>
<body>
<button id="before">Start here</button>
<p id="pair">Vladimir Putin Xi Jinping</p>
<p id="bodies"><span>Kremlin</span> <span>Xinhua</span> statements</p>
<p id="plain">Vladimir Putin arrived yesterday for talks.</p>
<p id="war">The Russia-Ukraine war goes on.</p>
<p><button id="follow" type="button" onclick="this.dataset.clicks = String(Number(this.dataset.clicks || 0) + 1)">Follow Ukraine</button>
<details id="more"><summary>More on Kharkiv</summary><p>Shelling continued.</p></details></p>
</body>`;

/** The name on the open card, once it has loaded; '' when no card is open. */
async function openCardName(page: Page): Promise<string> {
  const card = await readCard(page);
  return card?.dialog?.['aria-label'] ?? '';
}

async function expectCardFor(page: Page, name: string): Promise<void> {
  await expect.poll(() => openCardName(page), { timeout: 10_000 }).toBe(name);
}

async function closeCard(page: Page): Promise<void> {
  if (!(await dossierFrame(page, 'card'))) return;
  await page.keyboard.press('Escape');
  await waitForFrameClosed(page, 'card');
}

/** Clicks at (x, y) and checks that no card is open half a second later. */
async function expectNoCardAfterClick(page: Page, x: number, y: number, what: string): Promise<void> {
  await page.mouse.click(x, y);
  await page.waitForTimeout(500);
  expect(await countShownHosts(page), what).toBe(0);
}

describe.skipIf(SKIP_REASON !== null)('hit-testing and the keyboard', () => {
  const ext = useExtensionBrowser({ pages: { '/pair.html': PAGE } });
  let page: Page;

  beforeAll(async () => {
    page = await ext.openWithHighlights('/pair.html');
  }, 60_000);

  it('opens no card for a click on plain text beside a highlight', async () => {
    await withScreenshotOnFailure(page, 'extension-clicks-plain', async () => {
      const name = await boxOfText(page, '#plain', 'Vladimir Putin');
      const after = await boxOfText(page, '#plain', 'arrived');
      await expectNoCardAfterClick(page, after.x, after.y, 'the word after the name');
      await expectNoCardAfterClick(page, after.left + 1, after.y, 'the first letter after the name');
      await expectNoCardAfterClick(page, (name.right + after.left) / 2, name.y, 'the space after the name');
      const pair = await boxOfText(page, '#pair', 'Vladimir Putin Xi Jinping');
      await expectNoCardAfterClick(page, pair.right + 60, pair.y, 'the empty line after the last name');
      // The control: a click on the name itself does open its card.
      await page.mouse.click(name.x, name.y);
      await expectCardFor(page, 'Vladimir Putin');
      await closeCard(page);
    });
  }, 60_000);

  it("leaves a click on a name inside a button or a disclosure to the page's control", async () => {
    await withScreenshotOnFailure(page, 'extension-clicks-controls', async () => {
      expect(await highlightTexts(page, 'place')).toEqual(expect.arrayContaining(['Ukraine', 'Kharkiv']));
      const ukraine = await boxOfText(page, '#follow', 'Ukraine');
      await expectNoCardAfterClick(page, ukraine.x, ukraine.y, 'a name inside a button');
      expect(await page.getAttribute('#follow', 'data-clicks')).toBe('1');
      const kharkiv = await boxOfText(page, '#more summary', 'Kharkiv');
      await expectNoCardAfterClick(page, kharkiv.x, kharkiv.y, 'a name inside a summary');
      expect(await page.evaluate(() => (document.getElementById('more') as HTMLDetailsElement).open)).toBe(true);
      await page.evaluate(() => ((document.getElementById('more') as HTMLDetailsElement).open = false));
    });
  }, 60_000);

  it('opens the card of the second of two adjacent names, wherever on it the click lands', async () => {
    await withScreenshotOnFailure(page, 'extension-clicks-adjacent', async () => {
      const first = await boxOfText(page, '#pair', 'Vladimir Putin');
      const second = await boxOfText(page, '#pair', 'Xi Jinping');
      for (const [x, where] of [
        [second.left + 1, 'left edge'],
        [second.x, 'middle'],
        [second.right - 1, 'right edge'],
      ] as const) {
        await page.mouse.click(x, second.y);
        await expect.poll(() => openCardName(page), { timeout: 10_000, message: `click on the ${where} of Xi Jinping` }).toBe('Xi Jinping');
        await closeCard(page);
      }
      // The first name's last letter still belongs to the first name.
      await page.mouse.click(first.right - 1, first.y);
      await expectCardFor(page, 'Vladimir Putin');
      await closeCard(page);
      // Names joined by a hyphen: the click on either side of it picks the name it is on.
      const russia = await boxOfText(page, '#war', 'Russia');
      const ukraine = await boxOfText(page, '#war', 'Ukraine');
      await page.mouse.click(ukraine.left + 1, ukraine.y);
      await expectCardFor(page, 'Ukraine');
      await closeCard(page);
      await page.mouse.click(russia.right - 1, russia.y);
      await expectCardFor(page, 'Russia');
      await closeCard(page);
      // Names in sibling elements.
      const xinhua = await boxOfText(page, '#bodies', 'Xinhua');
      await page.mouse.click(xinhua.left + 1, xinhua.y);
      await expectCardFor(page, 'Xinhua');
      await closeCard(page);
    });
  }, 60_000);

  it('closes the card from the keyboard (Tab to Close, Enter) and gives focus back', async () => {
    await withScreenshotOnFailure(page, 'extension-clicks-keyboard', async () => {
      await page.focus('#before');
      const tabId = await ext.tabIdOf(page);
      await ext.sendToTab(tabId, { type: 'page/step', payload: { direction: 1 } });
      await expectCardFor(page, 'Vladimir Putin');
      expect(await focusedAccessible(page)).toEqual({ role: 'dialog', name: 'Vladimir Putin' });
      await page.keyboard.press('Tab');
      expect(await focusedAccessible(page)).toEqual({ role: 'button', name: 'Close' });
      await page.keyboard.press('Enter');
      await waitForFrameClosed(page, 'card');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');

      // The same with Space, from a card opened by a click: focus leaves the card for the page.
      const xi = await boxOfText(page, '#pair', 'Xi Jinping');
      await page.mouse.click(xi.x, xi.y);
      await expectCardFor(page, 'Xi Jinping');
      await page.keyboard.press('Tab');
      expect(await focusedAccessible(page)).toEqual({ role: 'button', name: 'Close' });
      await page.keyboard.press('Space');
      await waitForFrameClosed(page, 'card');
      expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.parentElement !== document.documentElement)).toBe(true);
    });
  }, 60_000);
});
