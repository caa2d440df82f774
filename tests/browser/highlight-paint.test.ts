// Our highlights are painted, not only registered: in Chromium the ::highlight rules hang from an
// attribute on the elements holding a painted name (src/content/highlight/painted-elements.ts) and
// their text takes them by highlight inheritance, so this reads the screen's pixels, where a rule
// that reached no element would leave the text bare while the registry still held its ranges. A
// name inside a nested inline element (<b>Kharkiv</b>) and one straight in its paragraph, against
// words of the same paragraphs that are not highlighted.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MentionKind } from '../../src/core/types';
import { KIND_PALETTE } from '../../src/ui/shared/palette';
import { SKIP_REASON } from './harness';
import { boxOfText } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

/** The share of the box's pixels (device pixels of a screenshot) within 8 per channel of `rgb`. */
async function shareOfColour(page: Page, context: BrowserContext, box: { left: number; right: number; top: number; bottom: number }, rgb: readonly number[]): Promise<number> {
  const png = await page.screenshot({ clip: { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top } });
  const reader = await context.newPage();
  try {
    return await reader.evaluate(
      async ([base64, wanted]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let near = 0;
        for (let i = 0; i < data.length; i += 4) if ([0, 1, 2].every((c) => Math.abs(data[i + c]! - wanted[c]!) <= 8)) near++;
        return near / (data.length / 4);
      },
      [png.toString('base64'), [...rgb]] as const,
    );
  } finally {
    await reader.close();
  }
}

/** The palette's tint of `kind` (45 % see-through, highlight-look.ts) over a white page. */
function tintOnWhite(kind: MentionKind): number[] {
  const hex = KIND_PALETTE[kind].background;
  return [1, 3, 5].map((at) => Math.round(parseInt(hex.slice(at, at + 2), 16) * 0.45 + 255 * 0.55));
}

describe.skipIf(SKIP_REASON !== null)('highlights on the screen', () => {
  const ext = useExtensionBrowser({ fixtures: true });

  it('tints the names on screen, inside nested elements too, and leaves the words around them bare', async () => {
    const page = await ext.openWithHighlights('/article.html');
    await page.waitForFunction(() => (CSS.highlights.get('dossier-place')?.size ?? 0) > 0 && (CSS.highlights.get('dossier-organisation')?.size ?? 0) > 0);
    await page.waitForTimeout(300); // the next frame paints what the near-viewport pass registered
    const cases: [string, string, MentionKind][] = [
      ['#place', 'Kharkiv', 'place'],
      ['#org', 'Xinhua', 'organisation'],
    ];
    for (const [selector, name, kind] of cases) {
      const tinted = await shareOfColour(page, ext.browser.context, await boxOfText(page, selector, name), tintOnWhite(kind));
      expect(tinted, `${name}: share of its box in the ${kind} tint`).toBeGreaterThan(0.3);
    }
    const bare = await shareOfColour(page, ext.browser.context, await boxOfText(page, '#org', 'state news agency'), tintOnWhite('organisation'));
    expect(bare, 'words that name nobody').toBe(0);
    await page.close();
  });
});
