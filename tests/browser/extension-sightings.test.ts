// Sightings across pages: the reader meets Putin on page A, then on page B. B's card for Putin
// lists A (its title, linked to it) under "Seen elsewhere", and not B itself.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { boxOfText, cardLinks } from './extension-helpers';
import { waitForSighting } from './stored-sightings';
import { useExtensionBrowser } from './use-extension-browser';
import { dossierFrame, readCard, waitForFrame, whenTakingClicks } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const page = (title: string, body: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><body><p id="text">${body}</p></body>`;
const PAGES = {
  '/a.html': page('Page A: Putin lands in Beijing', 'Vladimir Putin landed in Beijing on Thursday. Putin was met at the airport.'),
  '/b.html': page('Page B: Kremlin reacts', 'The Kremlin said Vladimir Putin would speak later.'),
};

/** Clicks Putin's name on `tab` and waits until his card has loaded. */
async function openPutinCard(tab: Page): Promise<void> {
  const putin = await boxOfText(tab, '#text', 'Vladimir Putin');
  await tab.mouse.click(putin.x, putin.y);
  await waitForFrame(tab, 'card');
  await expect.poll(async () => (await readCard(tab))?.dialog?.['aria-busy'] ?? 'done', { timeout: 15_000 }).toBe('done');
}

describe.skipIf(SKIP_REASON !== null)('sightings', () => {
  const ext = useExtensionBrowser({ pages: PAGES });

  it("lists page A on page B's card for Putin, and not page B", async () => {
    const a = await ext.openWithHighlights('/a.html');
    // Sightings are sent once the first scan is done: wait until the background has stored them.
    await waitForSighting(ext.browser.serviceWorker, ext.url('/a.html'));
    const b = await ext.openWithHighlights('/b.html');
    await waitForSighting(ext.browser.serviceWorker, ext.url('/b.html')); // B records its own sighting too, which its card must leave out
    await withScreenshotOnFailure(b, 'extension-sightings', async () => {
      await openPutinCard(b);
      const card = await readCard(b);
      expect(card?.dialog?.['aria-label']).toBe('Vladimir Putin');
      expect(card?.text).toContain('Seen elsewhere');
      expect(card?.text).toContain('Page A: Putin lands in Beijing');
      expect(card?.text).toContain('2 times'); // A names him twice
      expect(card?.text).not.toContain('Page B');
      const links = await cardLinks(b);
      expect(links).toContainEqual({ href: ext.url('/a.html'), text: 'Page A: Putin lands in Beijing' });
      expect(links.map((l) => l.href)).not.toContain(ext.url('/b.html'));
    });
    // And B's own sighting was stored (so leaving it out above was the card's doing): A's card now lists B.
    await withScreenshotOnFailure(a, 'extension-sightings-back', async () => {
      await a.bringToFront();
      await openPutinCard(a);
      const links = await cardLinks(a);
      expect(links).toContainEqual({ href: ext.url('/b.html'), text: 'Page B: Kremlin reacts' });
      expect(links.map((l) => l.href)).not.toContain(ext.url('/a.html'));
    });
    await a.close();
    await b.close();
  }, 90_000);

  /** The reader reads A, then B: both stored under "Seen elsewhere". */
  async function visitBoth(): Promise<void> {
    for (const path of ['/a.html', '/b.html']) {
      const tab = await ext.openWithHighlights(path);
      await waitForSighting(ext.browser.serviceWorker, ext.url(path));
      await tab.close();
    }
  }

  it('forgets every page from the options page: then no card lists page A', async () => {
    await visitBoth();
    const options = await ext.openExtensionPage('options/options.html');
    await withScreenshotOnFailure(options, 'extension-sightings-clear', async () => {
      const kept = options.getByTestId('history-kept');
      await expect.poll(() => kept.textContent(), { timeout: 10_000 }).toMatch(/^2 pages kept, since /);
      await options.getByLabel('Time range').selectOption({ label: 'Everything' });
      const asked: string[] = [];
      options.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.accept();
      });
      await options.getByRole('button', { name: 'Clear reading history' }).click();
      await options.getByRole('status').filter({ hasText: 'Forgot 2 pages.' }).waitFor({ timeout: 10_000 });
      expect(asked).toEqual([expect.stringContaining('Forget all the pages Dossier keeps?')]);
      await expect.poll(() => kept.textContent(), { timeout: 10_000 }).toBe('No pages kept.');
    });
    const b = await ext.openWithHighlights('/b.html');
    await waitForSighting(ext.browser.serviceWorker, ext.url('/b.html'));
    await withScreenshotOnFailure(b, 'extension-sightings-cleared-card', async () => {
      await openPutinCard(b);
      const card = await readCard(b);
      expect(card?.dialog?.['aria-label']).toBe('Vladimir Putin');
      expect(card?.text).not.toContain('Page A');
      expect(card?.text).toContain('You have not met Vladimir Putin on other pages yet.');
    });
    await b.close();
    await options.close();
  }, 90_000);

  it('keeps pages for the time the reader chooses, asked first, and shows the choice on the next visit', async () => {
    const options = await ext.openExtensionPage('options/options.html');
    await withScreenshotOnFailure(options, 'extension-sightings-keep', async () => {
      const keep = options.getByLabel('Keep pages for');
      await expect.poll(() => keep.isEnabled(), { timeout: 10_000 }).toBe(true);
      expect(await keep.inputValue()).toBe('null'); // "Always" until the reader chooses
      // Declined: nothing changes, and the menu shows the saved choice again.
      options.once('dialog', (dialog) => void dialog.dismiss());
      await keep.selectOption({ label: 'A month' });
      await expect.poll(() => keep.inputValue(), { timeout: 10_000 }).toBe('null');
      options.once('dialog', (dialog) => void dialog.accept());
      await keep.selectOption({ label: 'A month' });
      await options.getByRole('status').filter({ hasText: 'Pages are kept for a month.' }).waitFor({ timeout: 10_000 });
      await options.reload();
      await expect.poll(() => options.getByLabel('Keep pages for').inputValue(), { timeout: 10_000 }).toBe('30');
    });
    await options.close();
  }, 60_000);

  it("forgets one page from a card's Seen elsewhere: gone from this card and the next, focus kept in the card", async () => {
    await visitBoth();
    const b = await ext.openWithHighlights('/b.html');
    await withScreenshotOnFailure(b, 'extension-sightings-forget-one', async () => {
      await openPutinCard(b);
      expect((await readCard(b))?.text).toContain('Page A: Putin lands in Beijing');
      const frame = (await dossierFrame(b, 'card'))!;
      // The card with a page to forget, as axe-core reads it.
      const violations = await axeViolations(frame);
      expect(violations, describeViolations(violations)).toEqual([]);
      await whenTakingClicks(frame);
      await frame.getByRole('button', { name: 'Forget “Page A: Putin lands in Beijing” from your reading history' }).click();
      await expect.poll(async () => (await readCard(b))?.text ?? '', { timeout: 10_000 }).toContain('You have not met Vladimir Putin on other pages yet.');
      // The button went with its row: focus is still in the card's dialog, not lost to the frame's body.
      expect(await frame.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
      await b.keyboard.press('Escape');
      await openPutinCard(b);
      expect((await readCard(b))?.text).not.toContain('Page A');
    });
    await b.close();
  }, 90_000);
});
