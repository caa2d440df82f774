// The content script in a real Chromium with the built extension (dist/chrome): highlights,
// exclusions, pages that change, and the card opened by a click or the keyboard command.
import { describe, expect, it } from 'vitest';
import { boxOfText } from './extension-helpers';
import { countHosts, countShownHosts, dossierFrame, frameBox, frameHasFocus, readCard, waitForFrame, waitForFrameClosed } from './frame-helpers';
import {
  SKIP_REASON,
  acrossThePage,
  foundCounts,
  highlightSizes,
  highlightTexts,
  waitForHighlights,
  waitForPage,
  withScreenshotOnFailure,
} from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

describe.skipIf(SKIP_REASON !== null)('content script in Chromium', () => {
  const ext = useExtensionBrowser({ fixtures: true });

  it('highlights names of every kind and the sentence of a claim', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-kinds', async () => {
      await waitForHighlights(page, 'claim highlight', { kind: 'claim' });
      const sizes = await highlightSizes(page);
      expect(sizes.person).toBeGreaterThan(0);
      expect(sizes.organisation).toBeGreaterThan(0);
      expect(sizes.place).toBeGreaterThan(0);
      expect(await highlightTexts(page, 'person')).toContain('Vladimir Putin');
      expect(await highlightTexts(page, 'organisation')).toEqual(expect.arrayContaining(['Xinhua', 'Kremlin']));
      expect(await highlightTexts(page, 'place')).toContain('Kharkiv');
      expect(await highlightTexts(page, 'claim')).toContain('Russian President Vladimir Putin has arrived in China for a two-day state visit.');
      // No DOM was added for highlighting: no <mark>, no wrapper elements.
      expect(await page.locator('mark').count()).toBe(0);
      expect(await page.evaluate(() => document.getElementById('claim')!.children.length)).toBe(0);
    });
    await page.close();
  }, 60_000);

  it('leaves words, form fields, editors and hidden text alone', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-exclusions', async () => {
      const outside = await page.evaluate(() => {
        const bad: string[] = [];
        const excluded = ['word', 'field', 'notes', 'editor'].map((id) => document.getElementById(id)!);
        for (const kind of ['person', 'organisation', 'place', 'claim']) {
          for (const range of CSS.highlights.get(`dossier-${kind}`) ?? []) {
            if (!(range instanceof Range)) continue;
            const el = range.startContainer.parentElement!;
            if (excluded.some((x) => x.contains(el)) || el.closest('.gone, .ghost, [hidden], [aria-hidden=true]')) {
              bad.push(range.toString());
            }
          }
        }
        return bad;
      });
      expect(outside).toEqual([]);
      // "Zelenskyy" and "Kyiv" appear only in hidden paragraphs.
      expect(await highlightTexts(page, 'person')).not.toContain('Volodymyr Zelenskyy');
      expect(await highlightTexts(page, 'place')).not.toContain('Kyiv');
    });
    await page.close();
  }, 60_000);

  it('highlights 50 paragraphs a page appends after load', async () => {
    const page = await ext.openWithHighlights('/append.html');
    await withScreenshotOnFailure(page, 'content-append', async () => {
      await waitForPage(page, () => document.querySelectorAll('.update').length === 50, '50 updates');
      await expect.poll(() => foundCounts(ext.browser.serviceWorker, page), { timeout: 5_000 }).toMatchObject({ person: 50, place: 50 });
      // Only names near the viewport are painted (the last updates are two viewports down): each
      // update's names are painted once scrolled to.
      const painted = await acrossThePage(page, () =>
        ['person', 'place'].flatMap((kind) =>
          [...(CSS.highlights.get(`dossier-${kind}`) ?? [])].map((r) => `${(r as Range).startContainer.textContent?.split(':')[0]} ${(r as Range).toString()}`),
        ),
      );
      const updates = new Set(painted);
      expect([...updates].filter((t) => t.endsWith(' Vladimir Putin'))).toHaveLength(50);
      expect([...updates].filter((t) => t.endsWith(' Beijing'))).toHaveLength(50);
    });
    await page.close();
  }, 60_000);

  it('keeps highlights right on a page that re-renders its text', async () => {
    const page = await ext.openWithHighlights('/rerender.html');
    await withScreenshotOnFailure(page, 'content-rerender', async () => {
      await page.waitForTimeout(1_500); // about ten re-renders
      await page.evaluate(() => (window as unknown as { stopRendering(): void }).stopRendering());
      await page.waitForTimeout(400); // let the last batch land
      const state = await page.evaluate(() => {
        const texts: string[] = [];
        let collapsed = 0;
        for (const kind of ['person', 'place']) {
          for (const range of CSS.highlights.get(`dossier-${kind}`) ?? []) {
            if (!(range instanceof Range)) continue;
            if (range.collapsed || !range.startContainer.isConnected) collapsed++;
            texts.push(range.toString());
          }
        }
        return { texts: texts.sort(), collapsed, app: document.getElementById('app')!.textContent ?? '' };
      });
      expect(state.collapsed).toBe(0);
      const expected = state.app.includes('Zelenskyy')
        ? ['Kyiv', 'Vladimir Putin', 'Volodymyr Zelenskyy', 'China']
        : ['Beijing', 'Vladimir Putin', 'Vladimir Putin', 'Xi Jinping', 'China'];
      expect(state.texts).toEqual(expected.sort());
    });
    await page.close();
  }, 60_000);

  it('opens the card when a highlighted name is clicked, and Esc closes it', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-click', async () => {
      const point = await boxOfText(page, '#org', 'Xinhua');
      await page.mouse.click(point.x, point.y);
      await waitForFrame(page, 'card');
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toContain('Xinhua');
      const card = await readCard(page);
      expect(card?.dialog?.['aria-label']).toContain('Xinhua');
      // The card sits on screen beside the clicked name (a host left in the page's flow once
      // ended up thousands of pixels below the fold).
      const box = await frameBox(page, 'card');
      const viewport = page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(Math.abs(box!.y - point.y)).toBeLessThan(box!.height + 60);
      // Focus is inside the card's frame.
      await expect.poll(() => frameHasFocus(page, 'card')).toBe(true);
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      expect(await countShownHosts(page)).toBe(0);
    });
    await page.close();
  }, 60_000);

  it('leaves a click on a highlighted name inside a link to the link', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-link', async () => {
      expect(await highlightTexts(page, 'place')).toContain('Beijing');
      const point = await boxOfText(page, '#beijing-link', 'Beijing');
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/#beijing$/);
      expect(await dossierFrame(page, 'card')).toBeNull();
    });
    await page.close();
  }, 60_000);

  it('steps to the next mention on the keyboard command, and Esc gives focus back', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-step', async () => {
      await page.focus('#before');
      const tabId = await ext.tabIdOf(page);
      const reply = await ext.sendToTab(tabId, { type: 'page/step', payload: { direction: 1 } });
      expect(reply).toEqual({ ok: true, value: { moved: true } });
      await waitForFrame(page, 'card');
      await expect.poll(() => frameHasFocus(page, 'card')).toBe(true);
      expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('Putin');
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    });
    await page.close();
  }, 60_000);

  it('answers page/found and removes and restores highlights on page/set-enabled', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'content-messages', async () => {
      const tabId = await ext.tabIdOf(page);
      const found = (await ext.sendToTab(tabId, { type: 'page/found', payload: {} })) as {
        ok: boolean;
        value: { disabled: boolean; findings: { id: string; count: number }[] };
      };
      expect(found.ok).toBe(true);
      expect(found.value.disabled).toBe(false);
      expect(found.value.findings.find((f) => f.id === 'xinhua')?.count).toBe(1);
      await ext.sendToTab(tabId, { type: 'page/set-enabled', payload: { enabled: false } });
      expect(await page.evaluate(() => CSS.highlights.has('dossier-person'))).toBe(false);
      await ext.sendToTab(tabId, { type: 'page/set-enabled', payload: { enabled: true } });
      // Marks near the viewport are painted once the intersection report comes (the next frame).
      await expect.poll(async () => (await highlightSizes(page)).person, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(await ext.sendToTab(tabId, { type: 'no/such', payload: {} })).toBeUndefined();
    });
    await page.close();
  }, 60_000);
});
