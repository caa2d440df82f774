// Underlines on a very large page (src/content/highlight/document-size.ts): any text-decoration in
// a ::highlight rule makes Chromium recompute the whole document's ink overflow each time the
// highlights change, 50-66 ms per frame on a 20 MB article. Above 10,000 elements names are tinted
// only; below, tinted and underlined. Checked as a reader sees it: what our rule paints on the
// name's text, on a news-sized page, on a very large one, and on a page that grows past the limit.
// (The Diagnostics switch is on: the readable names.)
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const BARE = 'rgba(0, 0, 0, 0)';
const filler = (count: number): string => Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}: the gardens stayed quiet.</p>`).join('');
const page = (count: number): string =>
  `<!doctype html><meta charset="utf-8"><title>Size</title><body><main><p id="first">Vladimir Putin arrived in Beijing.</p>${filler(count)}</main></body>`;

/** What our rule paints on the person's name: its underline and its tint. */
function personLook(): { line: string; tint: string } {
  const range = [...(CSS.highlights.get('dossier-person') ?? [])][0] as Range;
  const style = getComputedStyle(range.startContainer.parentElement!, '::highlight(dossier-person)');
  return { line: style.textDecorationLine, tint: style.backgroundColor };
}

describe.skipIf(SKIP_REASON !== null)('underlined names, but not on a very large page', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/news.html': page(300), '/large.html': page(12_000), '/grows.html': page(300) } });

  it('underlines and tints a name on a news-sized page', async () => {
    const tab = await ext.openWithHighlights('/news.html');
    const look = await tab.evaluate(personLook);
    expect(look.line).toBe('underline');
    expect(look.tint).not.toBe(BARE);
    await tab.close();
  });

  it('tints a name without an underline on a page of 12,000 elements', async () => {
    const tab = await ext.openWithHighlights('/large.html', 30_000);
    const look = await tab.evaluate(personLook);
    expect(look.line).toBe('none');
    expect(look.tint).not.toBe(BARE);
    await tab.close();
  }, 60_000);

  it('drops the underline once a page grows past the limit, keeping the tint', async () => {
    const tab = await ext.openWithHighlights('/grows.html');
    expect((await tab.evaluate(personLook)).line).toBe('underline');
    // The page appends 12,000 paragraphs, one naming someone (so it is read again).
    await tab.evaluate(() => {
      const more = document.createElement('section');
      more.innerHTML = Array.from({ length: 12_000 }, (_, i) => `<p>Later paragraph ${i}.</p>`).join('') + '<p>Xi Jinping spoke.</p>';
      document.querySelector('main')!.append(more);
    });
    await waitForPage(tab, () => getComputedStyle(document.getElementById('first')!, '::highlight(dossier-person)').textDecorationLine === 'none', 'the underline dropped', 30_000);
    expect((await tab.evaluate(personLook)).tint).not.toBe(BARE);
    await tab.close();
  }, 60_000);
});
