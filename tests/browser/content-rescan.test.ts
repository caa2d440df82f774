// Rescans on a page that changes after load, with thousands of marks already shown: only the
// changed part of the page is looked at again (src/content/highlighter.ts removeUnder/dropStale
// with the watcher's touched nodes), and what the reader sees must still be right.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, waitForPage, withScreenshotOnFailure } from './harness';
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

const count = (texts: string[], text: string): number => texts.filter((t) => t === text).length;

describe.skipIf(SKIP_REASON !== null)('rescans of a changing page with many marks', () => {
  const ext = useExtensionBrowser({ pages: { '/live.html': page } });

  it('drops what the page removes or edits, and highlights what it adds, anywhere on the page', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    await withScreenshotOnFailure(tab, 'content-rescan', async () => {
      await waitForPage(tab, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 2_002, 'every name highlighted', 30_000);
      expect(count(await highlightTexts(tab, 'person'), 'Vladimir Putin')).toBe(FILLER + 1);

      // A name across an inline element loses its second half; a text node is edited; a block goes.
      await tab.evaluate(() => {
        document.getElementById('bold')!.remove();
        document.getElementById('edit')!.firstChild!.textContent = 'Nobody arrived.';
        document.getElementById('gone')!.remove();
      });
      await waitForPage(tab, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 2_000, 'the removed and edited names dropped', 10_000);
      const people = await highlightTexts(tab, 'person');
      expect(count(people, 'Vladimir Putin')).toBe(FILLER);
      expect(people).not.toContain('Xi Jinping');
      expect(await highlightTexts(tab, 'place')).not.toContain('Beijing');

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
      await waitForPage(tab, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 2_051, 'the added names highlighted', 10_000);
      const after = await highlightTexts(tab, 'person');
      expect(count(after, 'Vladimir Putin')).toBe(FILLER + 50);
      expect(count(after, 'Xi Jinping')).toBe(1);
      expect(await highlightTexts(tab, 'place')).toContain('Beijing');
      // Every range still holds the text it was made for.
      const broken = await tab.evaluate(() =>
        [...(CSS.highlights.get('dossier-person') ?? [])].filter((r) => !(r instanceof Range) || r.collapsed || !/^(Vladimir Putin|Xi Jinping)$/.test(r.toString())).length,
      );
      expect(broken).toBe(0);
    });
    await tab.close();
  }, 120_000);
});
