// Sightings across pages: the reader meets Putin on page A, then on page B. B's card for Putin
// lists A (its title, linked to it) under "Seen elsewhere", and not B itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASON, launchWithExtension, readShadowRoot, serve, withScreenshotOnFailure, type ExtensionBrowser, type StaticServer } from './harness';
import { CARD_HOST, boxOfText, cardLinks, openWithHighlights } from './extension-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const page = (title: string, body: string) => `<!doctype html><meta charset="utf-8"><title>${title}</title><body><p id="text">${body}</p></body>`;
const PAGES = {
  '/a.html': page('Page A: Putin lands in Beijing', 'Vladimir Putin landed in Beijing on Thursday. Putin was met at the airport.'),
  '/b.html': page('Page B: Kremlin reacts', 'The Kremlin said Vladimir Putin would speak later.'),
};

describe.skipIf(SKIP_REASON !== null)('sightings', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    browser = await launchWithExtension();
    server = await serve({ pages: PAGES });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists page A on page B's card for Putin, and not page B", async () => {
    const a = await openWithHighlights(browser, server.url('/a.html'));
    // Sightings are sent once the first scan is done; give the background time to store them.
    await a.waitForTimeout(1_000);
    const b = await openWithHighlights(browser, server.url('/b.html'));
    await b.waitForTimeout(1_000); // B records its own sighting too, which its card must leave out
    await withScreenshotOnFailure(b, 'extension-sightings', async () => {
      const putin = await boxOfText(b, '#text', 'Vladimir Putin');
      await b.mouse.click(putin.x, putin.y);
      await expect.poll(async () => (await readShadowRoot(b, CARD_HOST))?.dialog?.['aria-busy'] ?? 'done', { timeout: 15_000 }).toBe('done');
      const card = await readShadowRoot(b, CARD_HOST);
      expect(card?.dialog?.['aria-label']).toBe('Vladimir Putin');
      expect(card?.text).toContain('Seen elsewhere');
      expect(card?.text).toContain('Page A: Putin lands in Beijing');
      expect(card?.text).toContain('2 times'); // A names him twice
      expect(card?.text).not.toContain('Page B');
      const links = await cardLinks(b);
      expect(links).toContainEqual({ href: server.url('/a.html'), text: 'Page A: Putin lands in Beijing' });
      expect(links.map((l) => l.href)).not.toContain(server.url('/b.html'));
    });
    // And B's own sighting was stored (so leaving it out above was the card's doing): A's card now lists B.
    await withScreenshotOnFailure(a, 'extension-sightings-back', async () => {
      await a.bringToFront();
      const putin = await boxOfText(a, '#text', 'Vladimir Putin');
      await a.mouse.click(putin.x, putin.y);
      await expect.poll(async () => (await readShadowRoot(a, CARD_HOST))?.dialog?.['aria-busy'] ?? 'done', { timeout: 15_000 }).toBe('done');
      const links = await cardLinks(a);
      expect(links).toContainEqual({ href: server.url('/b.html'), text: 'Page B: Kremlin reacts' });
      expect(links.map((l) => l.href)).not.toContain(server.url('/a.html'));
    });
    await a.close();
    await b.close();
  }, 90_000);
});
