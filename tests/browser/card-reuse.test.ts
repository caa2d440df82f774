// The card's frame is made once per page and kept, hidden, between opens (so the next click does
// not wait for a new extension page to load). What the reader would notice if that went wrong: the
// second card showing, even for a moment, the first card's entity; the closed card still readable
// or reachable with Tab; Esc or Close no longer giving focus back.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { boxOfText, focusedAccessible } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { attachedFrame, countHosts, countShownHosts, frameHasFocus, inFrame, readCard, waitForFrameClosed } from './frame-helpers';

if (SKIP_REASON) console.warn(`card-reuse.test.ts: ${SKIP_REASON}`);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Two names</title>
<style>body { font: 20px/1.6 Georgia, serif; max-width: 36em; margin: 2em; }</style>
<body>
<button id="before">Start here</button>
<p id="one">Vladimir Putin arrived in Beijing on Thursday.</p>
<p id="two">Xi Jinping welcomed him at the airport.</p>
<button id="after">End here</button>
</body>`;

/** The card's aria-label once it has its data ('' when no card is shown). */
async function shownName(page: Page): Promise<string> {
  return (await readCard(page))?.dialog?.['aria-label'] ?? '';
}

describe.skipIf(SKIP_REASON !== null)('the card frame kept between opens', () => {
  const ext = useExtensionBrowser({ pages: { '/two.html': PAGE } });
  let page: Page;

  beforeAll(async () => {
    page = await ext.openWithHighlights('/two.html');
  }, 60_000);

  it("shows the second entity's card in the same frame, never the first one's content, and keeps the closed one unreadable and out of Tab", async () => {
    await withScreenshotOnFailure(page, 'card-reuse', async () => {
      expect(await countHosts(page), 'nothing added before the first open').toBe(0);
      await page.focus('#before');
      const putin = await boxOfText(page, '#one', 'Vladimir Putin');
      await page.mouse.click(putin.x, putin.y);
      await expect.poll(() => shownName(page), { timeout: 10_000 }).toBe('Vladimir Putin');
      const first = attachedFrame(page, 'card');
      expect(first).not.toBeNull();
      await expect.poll(() => frameHasFocus(page, 'card')).toBe(true);

      // Esc closes it; focus goes back to the page.
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      expect(await countShownHosts(page)).toBe(0);
      // The frame stays (reused), but has forgotten the entity: nothing of Putin's card is left in it.
      expect(attachedFrame(page, 'card')).toBe(first);
      await expect.poll(() => inFrame(first!, () => document.body.textContent ?? '', 'unreadable')).not.toMatch(/Putin|Kremlin|Russia/);
      // Tab from the page never lands in the hidden frame.
      await page.focus('#before');
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        expect(await frameHasFocus(page, 'card'), `Tab ${i + 1}`).toBe(false);
      }

      // The second open: the same frame, Xi Jinping's card, and at no sampled moment Putin's.
      const xi = await boxOfText(page, '#two', 'Xi Jinping');
      await page.mouse.click(xi.x, xi.y);
      const seen: string[] = [];
      const deadline = Date.now() + 10_000;
      for (;;) {
        const card = await readCard(page);
        if (card) seen.push(card.text);
        if (card?.dialog?.['aria-label'] === 'Xi Jinping' && /Xi Jinping/.test(card.text)) break;
        if (Date.now() > deadline) throw new Error(`no Xi Jinping card; saw ${JSON.stringify(seen.slice(-3))}`);
        await page.waitForTimeout(10);
      }
      expect(attachedFrame(page, 'card')).toBe(first);
      for (const text of seen) expect(text).not.toMatch(/Vladimir Putin/);
      await expect.poll(() => frameHasFocus(page, 'card')).toBe(true);
      expect(await focusedAccessible(page)).toEqual({ role: 'dialog', name: 'Xi Jinping' });
      expect(await countHosts(page), 'still one element on <html>').toBe(1);

      // Close from the card's own button: focus returns to the page, the card is gone from view.
      await page.keyboard.press('Tab');
      expect(await focusedAccessible(page)).toEqual({ role: 'button', name: 'Close' });
      await page.keyboard.press('Enter');
      await waitForFrameClosed(page, 'card');
      expect(await frameHasFocus(page, 'card')).toBe(false);
      expect(await countShownHosts(page)).toBe(0);
    });
  }, 60_000);

  it('gives up a kept frame that never draws the next card, and shows the card in a new one', async () => {
    await withScreenshotOnFailure(page, 'card-reuse-wedged', async () => {
      const kept = attachedFrame(page, 'card');
      expect(kept, 'the frame kept from the first test').not.toBeNull();
      // The kept frame's script can no longer answer (as if it had died): its port says nothing.
      // Asserted: had the patch not applied (inFrame gives up quietly after 3 s), the kept frame
      // would draw and show the card as usual, and this test would fail for the wrong reason.
      const silenced = await inFrame(kept!, () => {
        MessagePort.prototype.postMessage = () => {};
        return true;
      }, false, 15_000);
      expect(silenced, "the kept frame's port silenced").toBe(true);
      const putin = await boxOfText(page, '#one', 'Vladimir Putin');
      await page.mouse.click(putin.x, putin.y);
      // The kept frame still hears the host and may draw the card, hidden, before the host gives it
      // up: wait for the new frame's card (reading any frame's title raced that, once in CI).
      await expect.poll(async () => attachedFrame(page, 'card') !== kept && (await shownName(page)) === 'Vladimir Putin', { timeout: 15_000 }).toBe(true);
      const now = attachedFrame(page, 'card');
      expect(now).not.toBeNull();
      expect(await countHosts(page), 'the old frame left the page').toBe(1);
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
    });
  }, 60_000);

  it("loads the card's frame, hidden, while the reader's button is still down on a highlight", async () => {
    const fresh = await ext.openWithHighlights('/two.html');
    await withScreenshotOnFailure(fresh, 'card-reuse-press', async () => {
      expect(await countHosts(fresh)).toBe(0);
      // A press on plain text loads nothing.
      const before = await fresh.locator('#before').boundingBox();
      await fresh.mouse.move(before!.x + 5, before!.y + 5);
      await fresh.mouse.down();
      await fresh.mouse.up();
      expect(await countHosts(fresh)).toBe(0);
      const xi = await boxOfText(fresh, '#two', 'Xi Jinping');
      await fresh.mouse.move(xi.x, xi.y);
      await fresh.mouse.down();
      await expect.poll(() => attachedFrame(fresh, 'card') !== null, { timeout: 10_000 }).toBe(true);
      expect(await countShownHosts(fresh), 'nothing shown before the click').toBe(0);
      await fresh.mouse.up();
      await expect.poll(() => shownName(fresh), { timeout: 10_000 }).toBe('Xi Jinping');
      expect(await countHosts(fresh)).toBe(1);
    });
    await fresh.close();
  }, 60_000);
});
