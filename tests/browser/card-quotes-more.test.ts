// The card of an entity with many quotes: it lists the newest page of them, says how many more
// the dossier holds, and "Show more" adds the next page. Also: a page's start asks the background
// once (page/init) before its first highlight, and the popup still lists the page's annotations
// although they now load after the highlights.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { boxOfText } from './extension-helpers';
import { attributesOf, findNode, piercedDocument, withCdp } from './cdp-dom';
import { useExtensionBrowser } from './use-extension-browser';
import { SEED } from '../../src/data/seed';
import { dossierFrame, readCard, whenTakingClicks } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Quotes</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 36em; margin: 2em; }</style>
<body><p id="name">Vladimir Putin arrived in Beijing for talks.</p></body>`;

const QUOTES = 45;
const provenance = (i: number) => ({ outlet: 'Test News', title: `Story ${i}`, date: `2031-01-${String(1 + (i % 28)).padStart(2, '0')}`, sentence: `Quote ${i}.` });

/** Adds QUOTES quotes by Vladimir Putin through "Add this article" (list/add), from an extension page. */
async function addQuotes(ext: ReturnType<typeof useExtensionBrowser>): Promise<void> {
  const admin = await ext.openExtensionPage('options/options.html');
  const quotes = Array.from({ length: QUOTES }, (_, i) => ({ id: `many-${i}`, text: `Numbered remark ${i}.`, speaker: 'vladimir-putin', mentions: [], provenance: provenance(i) }));
  const reply = await admin.evaluate(async (list) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
    return runtime.sendMessage({ type: 'list/add', payload: list });
  }, { version: 1, entities: SEED.entities.filter((e) => e.id === 'vladimir-putin'), claims: [], quotes, distinct: [] });
  await admin.close();
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
}

/** Clicks the element inside the card's frame whose class list holds `className`, as the reader would. */
async function clickInCard(page: Page, className: string): Promise<void> {
  const frame = (await dossierFrame(page, 'card'));
  if (!frame) throw new Error('no card open');
  await whenTakingClicks(frame);
  // The card scrolls inside itself: Playwright brings the button into view as a reader would.
  await frame.locator(`.${className}`).first().click();
}

/** The seed's own quotes by Putin come after ours (2024, ours are dated 2031). */
const TOTAL = QUOTES + SEED.quotes.filter((q) => q.speaker === 'vladimir-putin').length;
const remarks = (text: string) => (text.match(/Numbered remark \d+/g) ?? []).length;

describe.skipIf(SKIP_REASON !== null)('the card with many quotes', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/quotes.html': PAGE }, ownBuild: true });

  it('lists the newest 20, counts the rest, and shows more on demand', async () => {
    await addQuotes(ext);
    await ext.inTab('/quotes.html', 'card-quotes-more', async (page) => {
      await waitForPage(page, () => performance.getEntriesByName('dossier:highlighted').length > 0, 'highlights');
      const name = await boxOfText(page, '#name', 'Vladimir Putin');
      await page.mouse.click(name.x, name.y);
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toMatch(new RegExp(`${TOTAL - 20} more quotes`));
      const first = (await readCard(page))!.text;
      expect(remarks(first)).toBe(20);
      // Newest first: the 28th of January (remarks 27) leads.
      expect(first.indexOf('Numbered remark 27')).toBeGreaterThan(-1);
      await clickInCard(page, 'show-more');
      await expect.poll(async () => remarks((await readCard(page))?.text ?? ''), { timeout: 10_000 }).toBe(40);
      expect((await readCard(page))!.text).toMatch(new RegExp(`${TOTAL - 40} more quotes`));
      await clickInCard(page, 'show-more');
      await expect.poll(async () => remarks((await readCard(page))?.text ?? ''), { timeout: 10_000 }).toBe(QUOTES);
      expect((await readCard(page))!.text).not.toMatch(/more quotes?/);
    });
  }, 90_000);

  it('reads the filter from storage and asks the background once, for the list, before the first highlight', async () => {
    // The worker records the message types it receives (a listener that answers nothing).
    const worker = ext.browser.serviceWorker;
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __seen?: [string, string, number][]; chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }, s: { url?: string }) => undefined): void } } } };
      g.__seen = [];
      g.chrome.runtime.onMessage.addListener((m, s) => {
        g.__seen!.push([String(m?.type), s.url ?? '', Date.now()]);
        return undefined;
      });
    });
    await ext.inTab('/quotes.html', 'page-init-once', async (page) => {
      await waitForPage(page, () => performance.getEntriesByName('dossier:highlighted').length > 0, 'highlights');
      const highlightedAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('dossier:highlighted')[0]!.startTime);
      const seen = await worker.evaluate(() => (globalThis as unknown as { __seen: [string, string, number][] }).__seen);
      const before = seen.filter(([, url, at]) => url.endsWith('/quotes.html') && at <= highlightedAt).map(([type]) => type);
      // Two stages: the first reads the list's filter from storage.local (no question: page/filter
      // took ~4× the wait), the second (where a name is seen) asks for the list itself, once. The
      // background's scoring of candidate claim sentences is not a list read.
      expect(before.filter((type) => type !== 'claims/judge')).toEqual(['page/init']);
    });
  }, 60_000);
});
