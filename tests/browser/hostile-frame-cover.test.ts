// Clickjacking our frames (SECURITY.md, "Private UI in extension frames"). A page cannot script
// the card or the note form, but it can lay a decoy over them that lets clicks through
// (`pointer-events: none`, in the top layer, opened after ours), or fade them out with a filter on
// <html>, so that the reader's click on what they see presses our Cancel or Close. Our hosts sit in
// the top layer (src/content/frames/top-layer.ts), where nothing of <html> fades them and no
// z-index covers them; and the frames count a pointer click only when the browser says they were
// painted whole (IntersectionObserver v2) for a moment (src/ui/frames/click-guard.ts). Each attack is the page's
// own script; each click is the reader's real mouse; each test ends with the control that the same
// click counts once the page stops.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickInAnnotateUi, eventually, openNoteForm, selectText } from './annotate-helpers';
import { boxOfText } from './extension-helpers';
import { dossierFrame, inFrame, readCard, readFrame, waitForFrame, waitForFrameClosed, whenTakingClicks } from './frame-helpers';
import { CLICK_REFUSED } from '../../src/ui/frames/click-guard';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { axeViolations, describeViolations } from './axe';

if (SKIP_REASON) console.warn(`hostile-frame-cover.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title></head><body>
  <p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
  <p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p></body></html>`;
const TYPED = 'my private doubts';

/** The centre of `selector` inside `frame`, in the page's coordinates (where the reader's mouse goes). */
async function centreOf(frame: Frame, selector: string): Promise<{ x: number; y: number }> {
  const box = await frame.locator(selector).first().boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The page's decoy: a "prize" button drawn in the top layer over `at`, which lets clicks through to
 * whatever lies beneath it (our frame).
 */
function layDecoy(page: Page, at: { x: number; y: number }): Promise<void> {
  return page.evaluate(({ x, y }) => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.popover = 'manual';
    decoy.textContent = 'Claim your prize';
    decoy.style.cssText = `position: fixed; inset: auto; margin: 0; left: ${x - 60}px; top: ${y - 15}px; width: 120px; height: 30px;
      background: gold; color: black; border: 0; pointer-events: none; font: 14px sans-serif;`;
    document.body.append(decoy);
    decoy.showPopover();
  }, at);
}

/** The reader clicks Putin's name; the card is open and has been seen whole long enough to take clicks. */
async function readerOpensCard(page: Page): Promise<Frame> {
  const name = await boxOfText(page, '#lead', 'Vladimir Putin');
  await page.mouse.click(name.x, name.y);
  const card = await waitForFrame(page, 'card');
  await whenTakingClicks(card);
  return card;
}

/** A banner of the page's over the whole viewport at the highest z-index (cookie banners do this); it notes a click. */
function layBanner(page: Page): Promise<void> {
  return page.evaluate(() => {
    const banner = document.createElement('div');
    banner.id = 'banner';
    banner.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgba(255, 255, 255, 0.5)';
    banner.addEventListener('click', () => banner.setAttribute('data-clicked', 'yes'));
    document.body.append(banner);
  });
}

function bannerClicked(page: Page): Promise<string> {
  return page.evaluate(() => document.getElementById('banner')?.getAttribute('data-clicked') ?? 'no');
}

async function noteField(page: Page): Promise<string | null> {
  const frame = await dossierFrame(page, 'note');
  return frame ? inFrame(frame, () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value ?? null, null) : null;
}

describe.skipIf(SKIP_REASON !== null)('a page that covers or fades our frames to steal the reader\'s clicks', () => {
  const ext = useExtensionBrowser({ pages: { '/story.html': STORY } });

  it("does not let a decoy over the note form turn the reader's click into Cancel, nor leave focus on Cancel", async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-frame-cover-note', async () => {
      await openNoteForm(page, '#target', PASSAGE);
      await page.keyboard.type(TYPED);
      const form = await waitForFrame(page, 'note');
      await whenTakingClicks(form); // the form took clicks before the page struck
      const cancel = await centreOf(form, '[data-action="cancel"]');
      await layDecoy(page, cancel);
      await page.waitForTimeout(400); // the browser checks what is painted every 100 ms
      await page.mouse.click(cancel.x, cancel.y);
      await eventually(() => readFrame(page, 'note'), (f) => f?.text.includes(CLICK_REFUSED) ?? false, 'the form saying it did not take the click');
      expect(await noteField(page)).toBe(TYPED);
      // Focus stayed in the note: the reader's next keys are text, not a press of Cancel.
      await page.keyboard.press('Enter');
      await page.keyboard.type('!');
      expect(await noteField(page)).toBe(`${TYPED}\n!`);

      // The control: the decoy gone, the same click cancels.
      await page.evaluate(() => document.getElementById('decoy')?.remove());
      await whenTakingClicks(form);
      const cancelNow = await centreOf(form, '[data-action="cancel"]'); // below the line the form added
      await page.mouse.click(cancelNow.x, cancelNow.y);
      await waitForFrameClosed(page, 'note');
    });
    await page.close();
  }, 90_000);

  it('keeps the card painted whole when the page fades <html>, and does not let a top-layer decoy over it close it', async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-frame-cover-card', async () => {
      const card = await readerOpensCard(page);
      // Our host is in the top layer: no opacity or filter of <html> reaches it.
      await page.evaluate(() => {
        document.documentElement.style.filter = 'opacity(0.02)';
      });
      await page.waitForTimeout(400); // the browser checks what is painted every 100 ms
      expect(await inFrame(card, () => document.documentElement.dataset.pointer ?? 'not ready', 'gone')).toBe('ready');

      const close = await centreOf(card, '[aria-label="Close"]');
      await layDecoy(page, close);
      await page.waitForTimeout(400);
      await page.mouse.click(close.x, close.y);
      await eventually(() => readCard(page), (c) => c?.text.includes(CLICK_REFUSED) ?? false, 'the card saying it did not take the click');
      expect(await dossierFrame(page, 'card')).not.toBeNull();

      // The control: the decoy gone, the same click closes the card.
      await page.evaluate(() => document.getElementById('decoy')?.remove());
      await whenTakingClicks(card);
      const violations = await axeViolations(card); // the card with the line it added
      expect(violations, describeViolations(violations)).toEqual([]);
      const closeNow = await centreOf(card, '[aria-label="Close"]');
      await page.mouse.click(closeNow.x, closeNow.y);
      await waitForFrameClosed(page, 'card');
    });
    await page.close();
  }, 90_000);

  it("stays above the page's own elements of the highest z-index, even when the page takes it out of the top layer", async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-frame-cover-banner', async () => {
      const card = await readerOpensCard(page);
      // A banner of the page's, added after our card, over the whole viewport at the highest z-index
      // (cookie banners do this), and a script that closes every open popover it finds.
      await layBanner(page);
      const closed = await page.evaluate(() => {
        let closedAny = 0;
        for (const element of document.querySelectorAll(':popover-open')) {
          (element as HTMLElement).hidePopover();
          closedAny++;
        }
        return closedAny;
      });
      expect(closed).toBe(1); // our host, the page's only popover
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => document.querySelectorAll(':popover-open').length)).toBe(1); // put back
      await whenTakingClicks(card);
      const close = await centreOf(card, '[aria-label="Close"]');
      await page.mouse.click(close.x, close.y);
      await waitForFrameClosed(page, 'card');
      expect(await bannerClicked(page)).toBe('no');
    });
    await page.close();
  }, 90_000);

  it("keeps the Annotate button and the note form above the page's own banner", async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-frame-cover-toolbar', async () => {
      await waitForHighlights(page, 'highlights');
      await selectText(page, '#target', PASSAGE);
      await eventually(() => page.evaluate(() => document.querySelectorAll(':popover-open').length), (n) => n === 1, 'the Annotate button');
      await layBanner(page);
      await clickInAnnotateUi(page, 'data-action', 'annotate'); // the reader's mouse, where the button is drawn
      await waitForFrame(page, 'note');
      expect(await bannerClicked(page)).toBe('no');
    });
    await page.close();
  }, 90_000);
});
