// Script and markup payloads in stored entity names, contexts, quotes and source URLs, and in the
// page's own text, in real Chromium with the built extension. The hostile entity is written straight
// into the extension's IndexedDB from an extension page (as an import or "add this article" would
// store it); it must reach the page, the card and the popup as text: no element made from it, no
// dialog, no navigation to a javascript: URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { searchKeysOf } from '../../src/background/store/search-keys';
import { withCardKeys } from '../../src/background/store/quote-card-keys';
import type { Entity } from '../../src/core/types';
import { SKIP_REASON, extensionUrl, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { cleanPointOf, inspectCard, waitClean, writeRecords } from './hostile-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const NAME = 'Mallory <img src=x onerror=alert(1)>';
const CONTEXT = '</style><script>alert(2)</script><img src=x onerror=alert(3)> spokesperson';
const QUOTE = '<img src=x onerror=alert(4)> "we will" </textarea><svg onload=alert(5)>';
const provenance = { outlet: '<b>Evil</b> Times', title: '<script>alert(6)</script>', date: '2024-05-16', url: 'javascript:alert(7)', sentence: 'x' };

const entity: Entity & { origin: 'user'; keys: string[] } = (() => {
  const e: Entity = { id: 'mallory', name: NAME, kind: 'person', aliases: [], context: CONTEXT, provenance };
  return { ...e, origin: 'user', keys: searchKeysOf(e) };
})();
// Written as the store writes quotes: with the derived keys its date-ordered card indexes read.
const quote = withCardKeys({ id: 'q-mallory', text: QUOTE, speaker: 'mallory', mentions: [], provenance, origin: 'user' as const });

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Payloads</title></head><body>
<p id="lead">Today ${escapeHtml(NAME)} met Vladimir Putin.</p>
<p>${escapeHtml('<script>alert(8)</script> Xi Jinping <img src=x onerror=alert(9)>')}</p>
</body></html>`;

describe.skipIf(SKIP_REASON !== null)('hostile text in Chromium', () => {
  const ext = useExtensionBrowser({ pages: { '/payloads.html': PAGE } });
  const dialogs: string[] = [];

  beforeAll(async () => {
    // The background opens the database first (schema and seed; done once it answers a read of
    // the store), then we add the hostile records.
    const popup = await ext.openExtensionPage('popup/popup.html');
    const read = await popup.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'settings/diagnostics', payload: {} }),
    );
    if (JSON.stringify(read) !== JSON.stringify({ ok: true, value: { on: true } })) throw new Error(`the store did not answer: ${JSON.stringify(read)}`);
    await writeRecords(popup, [
      { store: 'entities', value: entity },
      { store: 'quotes', value: quote },
    ]);
    await popup.close();
    ext.browser.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
  }, 60_000);

  it('highlights a stored name made of markup as text, and the card shows every payload as text', async () => {
    const page = await ext.browser.context.newPage();
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(ext.url('/payloads.html'));
    await withScreenshotOnFailure(page, 'hostile-text-card', async () => {
      await waitClean(page, `[...(CSS.highlights.get('dossier-person') ?? [])].some((r) => r.toString() === ${JSON.stringify(NAME)})`, 'the hostile name highlighted');
      expect(await page.locator('img').count()).toBe(0); // nothing of the page's text became markup
      const point = await cleanPointOf(page, 'Mallory');
      await page.mouse.click(point.x, point.y);
      let look = null;
      for (let i = 0; i < 100 && !look?.text.includes('alert(4)'); i++) {
        await page.waitForTimeout(100);
        look = await inspectCard(page, 'Mallory');
      }
      expect(look).not.toBeNull();
      expect(look!.text).toContain(NAME);
      expect(look!.text).toContain('</style><script>alert(2)</script>');
      expect(look!.text).toContain('alert(4)');
      // No element was made from the payloads inside the card.
      expect(look!.tags.filter((t) => ['img', 'script', 'svg', 'b', 'textarea'].includes(t))).toEqual([]);
      // A javascript: source URL is never a live link.
      expect(look!.hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    });
    await page.close();
  }, 60_000);

  it('lists the hostile name as text in the popup search', async () => {
    const popup = await ext.browser.context.newPage();
    popup.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await popup.goto(extensionUrl(ext.browser, 'popup/popup.html'));
    await withScreenshotOnFailure(popup, 'hostile-text-popup', async () => {
      await popup.getByRole('searchbox', { name: 'Search your dossier' }).fill('Mallory');
      await expect.poll(() => popup.locator('body').innerText(), { timeout: 10_000 }).toContain(NAME);
      expect(await popup.locator('img, script:not([src]), svg').count()).toBe(0);
      const links = await popup.locator('a[href^="javascript:" i]').count();
      expect(links).toBe(0);
      expect(dialogs).toEqual([]);
    });
    await popup.close();
  }, 60_000);
});
