// The reader's press on a highlight starts the background's read of that entity's card, ahead of
// the click (card/warm). A quote added while the button is still down (a harvest in another tab, an
// import) must be on the card the click opens: a write forgets the read made before it.
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { boxOfText } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { SEED } from '../../src/data/seed';
import { readCard } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Press</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 36em; margin: 2em; }</style>
<body><p id="name">Vladimir Putin arrived in Beijing for talks.</p></body>`;

describe.skipIf(SKIP_REASON !== null)('the card read on the press', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/press.html': PAGE } });

  it('shows a quote added between the press and the release', async () => {
    await ext.inTab('/press.html', 'card-press', async (page) => {
      await waitForPage(page, () => performance.getEntriesByName('dossier:highlighted').length > 0, 'highlights');
      // The page that adds the quote is opened first: the press must still be fresh at the release.
      const admin = await ext.openExtensionPage('options/options.html');
      await page.bringToFront();
      const name = await boxOfText(page, '#name', 'Vladimir Putin');
      await page.mouse.move(name.x, name.y);
      await page.mouse.down();
      // Time for the press's read to reach the background and be done, before the quote is added.
      await page.waitForTimeout(300);
      const quote = { id: 'added-while-pressed', text: 'A remark added while the button was down.', speaker: 'vladimir-putin', mentions: [], provenance: { outlet: 'Test News', title: 'Late', date: '2040-01-01', sentence: 'Late.' } };
      const reply = await admin.evaluate(async (list) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
        return runtime.sendMessage({ type: 'list/add', payload: list });
      }, { version: 1, entities: SEED.entities.filter((e) => e.id === 'vladimir-putin'), claims: [], quotes: [quote], distinct: [] });
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
      await page.mouse.up();
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toMatch(/A remark added while the button was down/);
      await admin.close();
    });
  }, 60_000);
});
