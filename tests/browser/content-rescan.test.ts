// Rescans on a page that changes after load, with thousands of marks already shown: only the
// changed part of the page is looked at again (src/content/highlight/highlighter.ts removeUnder/dropStale
// with the watcher's touched nodes), and what the reader sees must still be right.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, foundByName, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const FILLER = 2_000;
const page = htmlDocument(
  `<main id="feed">${Array.from({ length: FILLER }, (_, i) => `<p>${i}. Vladimir Putin spoke.</p>`).join('')}` +
    '<p id="split">Talks with Vladimir <b id="bold">Putin</b> went on.</p>' +
    '<p id="edit">Xi Jinping arrived.</p>' +
    '<p id="gone">Beijing hosted the talks.</p></main>',
  { title: 'Live' },
);


describe.skipIf(SKIP_REASON !== null)('rescans of a changing page with many marks', () => {
  const ext = useExtensionBrowser({ pages: { '/live.html': page } });

  it('drops what the page removes or edits, and highlights what it adds, anywhere on the page', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    // Every mark on the page, as the popup counts them (only those near the viewport are painted).
    const found = () => foundByName(ext.browser.serviceWorker, tab);
    await withScreenshotOnFailure(tab, 'content-rescan', async () => {
      await expect.poll(found, { timeout: 30_000, interval: 100 }).toEqual({ 'Vladimir Putin': FILLER + 1, 'Xi Jinping': 1, Beijing: 1 });

      // A name across an inline element loses its second half; a text node is edited; a block goes.
      await tab.evaluate(() => {
        document.getElementById('bold')!.remove();
        document.getElementById('edit')!.firstChild!.textContent = 'Nobody arrived.';
        document.getElementById('gone')!.remove();
      });
      await expect.poll(found, { timeout: 10_000, interval: 100 }).toEqual({ 'Vladimir Putin': FILLER });

      // New text at the top and at the end of the page.
      await tab.evaluate(() => {
        const top = document.createElement('p');
        top.textContent = 'Breaking: Xi Jinping lands in Beijing.';
        document.getElementById('feed')!.prepend(top);
        const batch = document.createDocumentFragment();
        for (let i = 0; i < 50; i++) {
          const p = document.createElement('p');
          p.textContent = `Update ${i}: Vladimir Putin replied.`;
          batch.append(p);
        }
        document.getElementById('feed')!.append(batch);
      });
      await expect.poll(found, { timeout: 10_000, interval: 100 }).toEqual({ 'Vladimir Putin': FILLER + 50, 'Xi Jinping': 1, Beijing: 1 });
      // Every painted range still holds the text it was made for, at the top and at the end.
      const broken = () =>
        tab.evaluate(() =>
          [...(CSS.highlights.get('dossier-person') ?? [])].filter((r) => !(r instanceof Range) || r.collapsed || !/^(Vladimir Putin|Xi Jinping)$/.test(r.toString())).length,
        );
      expect(await tab.evaluate(() => CSS.highlights.get('dossier-person')?.size ?? 0)).toBeGreaterThan(0);
      expect(await broken()).toBe(0);
      await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect
        .poll(() => tab.evaluate(() => [...(CSS.highlights.get('dossier-person') ?? [])].some((r) => (r as Range).toString() === 'Vladimir Putin' && (r as Range).startContainer.textContent === 'Update 49: Vladimir Putin replied.')), { timeout: 10_000 })
        .toBe(true);
      expect(await broken()).toBe(0);
    });
    await tab.close();
  }, 120_000);
});
