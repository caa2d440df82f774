// Issue 11, item 6: editors are left alone, at any time. The page makes text editable after load,
// each way a page can (the contenteditable attribute, document.designMode, which fires no mutation
// at all, a class or a style sheet giving -webkit-user-modify: read-write), and the reader then
// clicks a name there: no highlight stays inside the editor and no card opens. Each case first
// opens the card on the same name while the text is read-only (the control: the click does reach
// Dossier), and a region that becomes read-only again is highlighted again.
import { cardIsOpen } from './frame-helpers';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { boxOfText } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-editors.test.ts: ${SKIP_REASON}`);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Editors</title>
<style>body { font: 18px/1.6 sans-serif; margin: 2em; } .editable { -webkit-user-modify: read-write; }</style></head><body>
<p id="target">Vladimir Putin met the press in the capital.</p>
<p id="keep">Xi Jinping arrived later that evening.</p>
<p id="blank">Nothing else happened.</p>
</body></html>`;

/** How many of our person highlights start inside #id (readable names: diagnostics are on here). */
function highlightedIn(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    const el = document.getElementById(id)!;
    return [...(CSS.highlights.get('dossier-person') ?? [])].filter((r) => el.contains((r as Range).startContainer)).length;
  }, id);
}

const cardOpen = (page: Page) => cardIsOpen(page);

async function clickName(page: Page): Promise<void> {
  const box = await boxOfText(page, '#target', 'Vladimir Putin');
  await page.mouse.click(box.x, box.y);
}

/** The control: on read-only text the reader's click opens the card; Esc closes it. */
async function cardOpensOnClick(page: Page): Promise<void> {
  await expect.poll(() => highlightedIn(page, 'target'), { timeout: 15_000 }).toBe(1);
  await clickName(page);
  await expect.poll(() => cardIsOpen(page), { timeout: 10_000, message: 'the card on read-only text' }).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardIsOpen(page), { timeout: 10_000, message: 'the card closed' }).toBe(false);
}

/** The reader clicks the name inside the editor: nothing opens, nothing stays painted there. */
async function clickOpensNothing(page: Page): Promise<void> {
  await clickName(page);
  await page.waitForTimeout(1_500);
  expect(await cardOpen(page)).toBe(false);
  expect(await highlightedIn(page, 'target')).toBe(0);
}

describe.skipIf(SKIP_REASON !== null)('editors made editable after load', () => {
  const ext = useExtensionBrowser({ pages: { '/editors.html': PAGE } });

  it('contenteditable set after load: the highlight goes at once, a click opens nothing, and it comes back when removed', async () => {
    await ext.inTab('/editors.html', 'editors-contenteditable', async (page) => {
      await cardOpensOnClick(page);
      await page.evaluate(() => document.getElementById('target')!.setAttribute('contenteditable', 'true'));
      // No reader action needed: the attribute change is enough.
      await expect.poll(() => highlightedIn(page, 'target'), { timeout: 5_000 }).toBe(0);
      expect(await highlightedIn(page, 'keep')).toBe(1);
      await clickOpensNothing(page);
      // The page makes it read-only again: scanned again.
      await page.evaluate(() => document.getElementById('target')!.removeAttribute('contenteditable'));
      await expect.poll(() => highlightedIn(page, 'target'), { timeout: 5_000 }).toBe(1);
    });
  }, 60_000);

  it("document.designMode = 'on' (no mutation at all): a click opens nothing and nothing stays painted", async () => {
    await ext.inTab('/editors.html', 'editors-design-mode', async (page) => {
      await cardOpensOnClick(page);
      await page.evaluate(() => (document.designMode = 'on'));
      await clickOpensNothing(page);
      expect(await page.evaluate(() => CSS.highlights.get('dossier-person')?.size ?? 0)).toBe(0);
      // Keys typed there open nothing either (the page's editor has them).
      await page.keyboard.type(' Xi Jinping');
      await page.waitForTimeout(500);
      expect(await cardOpen(page)).toBe(false);
      expect(await page.evaluate(() => CSS.highlights.get('dossier-person')?.size ?? 0)).toBe(0);
      // Off again: the next thing the reader does brings the highlights back.
      await page.evaluate(() => (document.designMode = 'off'));
      const blank = await boxOfText(page, '#blank', 'Nothing');
      await page.mouse.click(blank.x, blank.y);
      await expect.poll(() => highlightedIn(page, 'keep'), { timeout: 5_000 }).toBe(1);
    });
  }, 60_000);

  it('-webkit-user-modify: read-write through a class added after load: the highlight goes, a click opens nothing', async () => {
    await ext.inTab('/editors.html', 'editors-css-class', async (page) => {
      await cardOpensOnClick(page);
      await page.evaluate(() => document.getElementById('target')!.classList.add('editable'));
      await expect.poll(() => highlightedIn(page, 'target'), { timeout: 5_000 }).toBe(0);
      expect(await highlightedIn(page, 'keep')).toBe(1);
      await clickOpensNothing(page);
    });
  }, 60_000);

  it('-webkit-user-modify: read-write from a style sheet added after load (no attribute changes): a click opens nothing', async () => {
    await ext.inTab('/editors.html', 'editors-css-sheet', async (page) => {
      await cardOpensOnClick(page);
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = '#target { -webkit-user-modify: read-write; }';
        document.head.append(style);
      });
      await clickOpensNothing(page);
      expect(await highlightedIn(page, 'keep')).toBe(1);
      // The text is then typed into: the region stays unpainted, whatever the page writes there.
      await page.keyboard.type(' Vladimir Putin');
      await page.waitForTimeout(1_000);
      expect(await highlightedIn(page, 'target')).toBe(0);
    });
  }, 60_000);
});
