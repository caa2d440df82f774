// Only the marks near the viewport are registered in the Highlights (src/content/highlight/near-viewport.ts):
// painting a long page's every range made Chromium's paint follow the page's length. What the
// reader sees must not change: a name far down the page is found at once (the popup counts it),
// painted once scrolled to (by the window, by an inner scroll container, or by the popup's jump to
// a finding), and clicking it opens its card.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, foundByName, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { waitForFrame } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const filler = (n: number): string => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: the weather stayed mild all afternoon.</p>`).join('');
const LONG_PAGE = htmlDocument(
  `<p id="top">Vladimir Putin opened the summit.</p>` +
    `<div id="scroller" style="height: 200px; overflow: auto">${filler(150)}<p id="inner">The Kremlin said nothing.</p></div>` +
    `${filler(400)}<p id="far">Later, Xi Jinping met the press.</p>${filler(20)}`,
  { title: 'Long' },
);

// Blocks in plain block flow are painted by a binary search on their rects (their order on screen
// is their order in the document); these layouts break that order or move blocks without a scroll.
const SHIFTING_PAGE = htmlDocument(
  `<p id="first">Vladimir Putin opened the summit.</p><div id="spacer" style="height: 6000px"></div>` +
    `<p id="shifted">Xi Jinping arrived late.</p>${filler(30)}<p id="after">The Kremlin said nothing.</p>${filler(30)}`,
  { title: 'Shifting' },
);
const REORDERED_PAGE = htmlDocument(
  // Two columns: the second column's first name is at the top of the screen, after a name at the
  // bottom of the first column in the document.
  `<div style="columns: 2; column-fill: auto; height: 3000px">` +
    `<p id="col1-top">Vladimir Putin opened the summit.</p><div style="height: 2800px"></div>` +
    `<p id="col1-bottom">The Kremlin said nothing.</p><p id="col2-top" style="break-before: column">Xi Jinping arrived late.</p></div>` +
    // Reversed: the last paragraph in the document is shown first.
    `<div style="display: flex; flex-direction: column-reverse"><p id="rev-bottom">Vladimir Putin left.</p>${filler(200)}` +
    `<p id="rev-top">Xi Jinping stayed.</p></div>`,
  { title: 'Reordered' },
);

/** Whether a painted range of `kind` starts inside the element with `id`. */
function painted(page: Page, kind: string, id: string): Promise<boolean> {
  return page.evaluate(
    ([name, at]) => [...(CSS.highlights.get(name) ?? [])].some((r) => document.getElementById(at)!.contains((r as Range).startContainer)),
    [`dossier-${kind}`, id] as const,
  );
}

describe.skipIf(SKIP_REASON !== null)('highlights near the viewport on a long page', () => {
  const ext = useExtensionBrowser({
    pages: { '/long.html': LONG_PAGE, '/shifting.html': SHIFTING_PAGE, '/reordered.html': REORDERED_PAGE },
  });

  it('finds a name far down at once, paints it when scrolled to, and opens its card on click', async () => {
    const page = await ext.openWithHighlights('/long.html');
    await withScreenshotOnFailure(page, 'viewport-scroll', async () => {
      // Found (the popup counts it) though far below the screen, where nothing is painted.
      await expect.poll(() => foundByName(ext.browser.serviceWorker, page), { timeout: 10_000 }).toEqual({ 'Vladimir Putin': 1, Kremlin: 1, 'Xi Jinping': 1 });
      expect(await painted(page, 'person', 'top')).toBe(true);
      expect(await painted(page, 'person', 'far')).toBe(false);

      await page.evaluate(() => document.getElementById('far')!.scrollIntoView({ block: 'center' }));
      await expect.poll(() => painted(page, 'person', 'far'), { timeout: 5_000 }).toBe(true);
      // Scrolled far away, the top is no longer painted; it is again when scrolled back.
      expect(await painted(page, 'person', 'top')).toBe(false);

      const box = await page.evaluate(() => {
        const text = document.getElementById('far')!.firstChild!;
        const range = document.createRange();
        range.setStart(text, 'Later, '.length);
        range.setEnd(text, 'Later, Xi Jinping'.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      await waitForFrame(page, 'card');

      await page.keyboard.press('Escape');
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => painted(page, 'person', 'top'), { timeout: 5_000 }).toBe(true);
    });
    await page.close();
  }, 60_000);

  it('paints a name scrolled into view inside an inner scroll container', async () => {
    const page = await ext.openWithHighlights('/long.html');
    await withScreenshotOnFailure(page, 'viewport-inner-scroll', async () => {
      await expect.poll(async () => (await foundByName(ext.browser.serviceWorker, page))['Kremlin'], { timeout: 10_000 }).toBe(1);
      expect(await painted(page, 'organisation', 'inner')).toBe(false);
      await page.evaluate(() => {
        const scroller = document.getElementById('scroller')!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      await expect.poll(() => painted(page, 'organisation', 'inner'), { timeout: 5_000 }).toBe(true);
    });
    await page.close();
  }, 60_000);

  it('paints the mention the popup jumps to, and opens its card', async () => {
    const page = await ext.openWithHighlights('/long.html');
    await withScreenshotOnFailure(page, 'viewport-reveal', async () => {
      expect(await painted(page, 'person', 'far')).toBe(false);
      const tabId = await ext.tabIdOf(page);
      expect(await ext.sendToTab(tabId, { type: 'page/reveal', payload: { id: 'xi-jinping', kind: 'person' } })).toEqual({ ok: true, value: { revealed: true } });
      await waitForFrame(page, 'card');
      await expect.poll(() => painted(page, 'person', 'far'), { timeout: 5_000 }).toBe(true);
    });
    await page.close();
  }, 60_000);

  it('paints a name in a fixed box the page appends at its far end, on screen though last in the document', async () => {
    const page = await ext.openWithHighlights('/long.html');
    await withScreenshotOnFailure(page, 'viewport-appended-fixed', async () => {
      // A paragraph appended far down first, so the page's flow is known where the banner lands.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'appended';
        p.textContent = 'At the end, Vladimir Putin left.';
        document.body.append(p);
      });
      await expect.poll(async () => (await foundByName(ext.browser.serviceWorker, page))['Vladimir Putin'], { timeout: 10_000 }).toBe(2);
      expect(await painted(page, 'person', 'appended'), 'far down: not painted').toBe(false);
      await page.evaluate(() => {
        const banner = document.createElement('div');
        banner.id = 'banner';
        banner.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; background: #fff';
        banner.textContent = 'Breaking: Xi Jinping spoke.';
        document.body.append(banner);
      });
      await expect.poll(() => painted(page, 'person', 'banner'), { timeout: 5_000, message: 'the fixed banner on screen is painted' }).toBe(true);
      expect(await painted(page, 'person', 'appended')).toBe(false);
    });
    await page.close();
  }, 60_000);

  it('paints a name that a change of layout brings on screen without a scroll', async () => {
    const page = await ext.openWithHighlights('/shifting.html');
    await withScreenshotOnFailure(page, 'viewport-shift', async () => {
      await expect.poll(() => foundByName(ext.browser.serviceWorker, page), { timeout: 10_000 }).toEqual({ 'Vladimir Putin': 1, 'Xi Jinping': 1, Kremlin: 1 });
      expect(await painted(page, 'person', 'shifted')).toBe(false);
      await page.evaluate(() => (document.getElementById('spacer')!.style.height = '0'));
      await expect.poll(() => painted(page, 'person', 'shifted'), { timeout: 5_000 }).toBe(true);
      await expect.poll(() => painted(page, 'organisation', 'after'), { timeout: 5_000 }).toBe(true);
    });
    await page.close();
  }, 60_000);

  it('paints names on screen where columns or flex order them apart from the document', async () => {
    const page = await ext.openWithHighlights('/reordered.html');
    await withScreenshotOnFailure(page, 'viewport-reordered', async () => {
      await expect.poll(async () => (await foundByName(ext.browser.serviceWorker, page))['Xi Jinping'], { timeout: 10_000 }).toBe(2);
      await expect.poll(() => painted(page, 'person', 'col2-top'), { timeout: 5_000 }).toBe(true);
      await page.evaluate(() => document.getElementById('rev-top')!.scrollIntoView({ block: 'center' }));
      await expect.poll(() => painted(page, 'person', 'rev-top'), { timeout: 5_000 }).toBe(true);
    });
    await page.close();
  }, 60_000);
});
