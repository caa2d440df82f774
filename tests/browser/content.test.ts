// The content script in a real Chromium with the built extension (dist/chrome): highlights,
// exclusions, pages that change, and the card opened by a click or the keyboard command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_PAGES,
  SKIP_REASON,
  highlightSizes,
  highlightTexts,
  launchWithExtension,
  readShadowRoot,
  sendToTab,
  serve,
  tabIdOf,
  waitForPage,
  withScreenshotOnFailure,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import type { Page } from 'playwright-core';

if (SKIP_REASON) console.warn(SKIP_REASON);

const HOST = 'dossier-card';

async function openFixture(browser: ExtensionBrowser, server: StaticServer, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, `highlights on ${path}`);
  return page;
}

/** Viewport point at the middle of the first occurrence of `text` inside element `#id`. */
function pointOf(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([elementId, wanted]) => {
      const el = document.getElementById(elementId)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`no "${wanted}" in #${elementId}`);
    },
    [id, text] as const,
  );
}

describe.skipIf(SKIP_REASON !== null)('content script in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    server = await serve({ dir: FIXTURE_PAGES });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights names of every kind and the sentence of a claim', async () => {
    const page = await openFixture(browser, server, '/article.html');
    await withScreenshotOnFailure(page, 'content-kinds', async () => {
      await waitForPage(page, () => (CSS.highlights.get('dossier-claim')?.size ?? 0) > 0, 'claim highlight');
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
    const page = await openFixture(browser, server, '/article.html');
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
    const page = await openFixture(browser, server, '/append.html');
    await withScreenshotOnFailure(page, 'content-append', async () => {
      await waitForPage(page, () => document.querySelectorAll('.update').length === 50, '50 updates');
      await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 50, '50 person highlights', 5_000);
      const places = await highlightTexts(page, 'place');
      expect(places.filter((t) => t === 'Beijing')).toHaveLength(50);
    });
    await page.close();
  }, 60_000);

  it('keeps highlights right on a page that re-renders its text', async () => {
    const page = await openFixture(browser, server, '/rerender.html');
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
    const page = await openFixture(browser, server, '/article.html');
    await withScreenshotOnFailure(page, 'content-click', async () => {
      const point = await pointOf(page, 'org', 'Xinhua');
      await page.mouse.click(point.x, point.y);
      await waitForPage(page, () => document.querySelector('dossier-card') !== null, 'card host');
      await expect.poll(async () => (await readShadowRoot(page, HOST))?.text ?? '', { timeout: 10_000 }).toContain('Xinhua');
      const card = await readShadowRoot(page, HOST);
      expect(card?.dialog?.['aria-label']).toContain('Xinhua');
      // The card sits on screen beside the clicked name (a host left in the page's flow once
      // ended up thousands of pixels below the fold).
      const box = await page.locator(HOST).boundingBox();
      const viewport = page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(Math.abs(box!.y - point.y)).toBeLessThan(box!.height + 60);
      // Focus is inside the card (the host is what the page sees as active).
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe(HOST);
      await page.keyboard.press('Escape');
      await waitForPage(page, () => document.querySelector('dossier-card') === null, 'card closed');
    });
    await page.close();
  }, 60_000);

  it('leaves a click on a highlighted name inside a link to the link', async () => {
    const page = await openFixture(browser, server, '/article.html');
    await withScreenshotOnFailure(page, 'content-link', async () => {
      expect(await highlightTexts(page, 'place')).toContain('Beijing');
      const point = await pointOf(page, 'beijing-link', 'Beijing');
      await page.mouse.click(point.x, point.y);
      await page.waitForURL(/#beijing$/);
      expect(await page.locator(HOST).count()).toBe(0);
    });
    await page.close();
  }, 60_000);

  it('steps to the next mention on the keyboard command, and Esc gives focus back', async () => {
    const page = await openFixture(browser, server, '/article.html');
    await withScreenshotOnFailure(page, 'content-step', async () => {
      await page.focus('#before');
      const tabId = await tabIdOf(browser.serviceWorker, page);
      const reply = await sendToTab(browser.serviceWorker, tabId, { type: 'page/step', payload: { direction: 1 } });
      expect(reply).toEqual({ ok: true, value: { moved: true } });
      await waitForPage(page, () => document.activeElement?.tagName.toLowerCase() === 'dossier-card', 'card focused');
      expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('Putin');
      await page.keyboard.press('Escape');
      await waitForPage(page, () => document.querySelector('dossier-card') === null, 'card closed');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    });
    await page.close();
  }, 60_000);

  it('answers page/found and removes and restores highlights on page/set-enabled', async () => {
    const page = await openFixture(browser, server, '/article.html');
    await withScreenshotOnFailure(page, 'content-messages', async () => {
      const tabId = await tabIdOf(browser.serviceWorker, page);
      const found = (await sendToTab(browser.serviceWorker, tabId, { type: 'page/found', payload: {} })) as {
        ok: boolean;
        value: { disabled: boolean; findings: { id: string; count: number }[] };
      };
      expect(found.ok).toBe(true);
      expect(found.value.disabled).toBe(false);
      expect(found.value.findings.find((f) => f.id === 'xinhua')?.count).toBe(1);
      await sendToTab(browser.serviceWorker, tabId, { type: 'page/set-enabled', payload: { enabled: false } });
      expect(await page.evaluate(() => CSS.highlights.has('dossier-person'))).toBe(false);
      await sendToTab(browser.serviceWorker, tabId, { type: 'page/set-enabled', payload: { enabled: true } });
      expect((await highlightSizes(page)).person).toBeGreaterThan(0);
      expect(await sendToTab(browser.serviceWorker, tabId, { type: 'no/such', payload: {} })).toBeUndefined();
    });
    await page.close();
  }, 60_000);
});
