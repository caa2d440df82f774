// One kind, one colour: the page highlight, the card's badge and the popup's swatch of a kind all
// show the palette's colour (src/ui/shared/palette.ts), and the highlighted text stays readable
// (WCAG contrast of at least 4.5:1) on a light and on a dark page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MentionKind } from '../../src/core/types';
import { KIND_PALETTE } from '../../src/ui/shared/palette';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { boxOfText, cardComputedStyle } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { countShownHosts } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);

const KINDS: readonly MentionKind[] = ['person', 'organisation', 'place', 'claim'];

type Rgba = [number, number, number, number];

function parseColour(css: string): Rgba {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1];
  const fn = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!fn) throw new Error(`unparsed colour "${css}"`);
  return [Number(fn[1]), Number(fn[2]), Number(fn[3]), fn[4] === undefined ? 1 : Number(fn[4])];
}

const rgb = (css: string) => parseColour(css).slice(0, 3);

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The highlight's computed look for each kind, with the page's own text and background colours. */
function highlightLooks(page: Page) {
  return page.evaluate((kinds) => {
    const el = document.getElementById('claim')!;
    const looks: Record<string, { background: string; line: string }> = {};
    for (const kind of kinds) {
      // A claim's visible mark is its lead, its first words (calm-claims.ts); the sentence is painted only while its card is open.
      const style = getComputedStyle(el, kind === 'claim' ? '::highlight(dossier-claim-lead)' : `::highlight(dossier-${kind})`);
      looks[kind] = { background: style.backgroundColor, line: style.textDecorationColor };
    }
    return { looks, text: getComputedStyle(el).color, page: getComputedStyle(document.body).backgroundColor };
  }, KINDS as MentionKind[]);
}

describe.skipIf(SKIP_REASON !== null)('one colour per kind', () => {
  const ext = useExtensionBrowser({ fixtures: true });

  it('tints each kind of highlight in its palette colour, readable on light and dark pages', async () => {
    for (const path of ['/article.html', '/dark.html']) {
      const page = await ext.openWithHighlights(path);
      const { looks, text, page: background } = await highlightLooks(page);
      const ratios: string[] = [];
      for (const kind of KINDS) {
        const look = looks[kind]!;
        expect(rgb(look.background), `${kind} tint on ${path}`).toEqual(rgb(KIND_PALETTE[kind].background));
        expect(parseColour(look.background)[3], `${kind} tint is see-through`).toBeLessThan(1);
        expect(rgb(look.line), `${kind} underline on ${path}`).toEqual(rgb(KIND_PALETTE[kind].line));
        const painted = over(parseColour(look.background), parseColour(background));
        const ratio = contrast(parseColour(text), painted);
        expect(ratio, `${kind} text contrast on ${path}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
        ratios.push(`${kind} ${ratio.toFixed(1)}:1`);
      }
      console.log(`highlight text contrast on ${path}: ${ratios.join(', ')}`);
      await page.close();
    }
  }, 60_000);

  it("uses the same colours on the card's badge and the popup's swatches", async () => {
    const page = await ext.openWithHighlights('/article.html');
    await withScreenshotOnFailure(page, 'extension-colours-card', async () => {
      for (const [kind, name, selector] of [
        ['person', 'Vladimir Putin', '#claim'],
        ['organisation', 'Xinhua', '#org'],
        ['place', 'Kharkiv', '#place'],
      ] as const) {
        const box = await boxOfText(page, selector, name);
        await page.mouse.click(box.x, box.y);
        await expect
          .poll(() => cardComputedStyle(page, `badge-${kind}`, 'background-color'), { timeout: 10_000 })
          .not.toBeNull();
        const badge = await cardComputedStyle(page, `badge-${kind}`, 'background-color');
        expect(rgb(badge!), `${kind} badge`).toEqual(rgb(KIND_PALETTE[kind].background));
        await page.keyboard.press('Escape');
        await expect.poll(() => countShownHosts(page)).toBe(0);
      }
    });

    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(page));
    await withScreenshotOnFailure(popup, 'extension-colours-popup', async () => {
      await popup.locator('.swatch').nth(2).waitFor({ timeout: 15_000 });
      const swatches = await popup.evaluate(() =>
        [...document.querySelectorAll('[aria-labelledby^="group-"]')].map((s) => ({
          kind: s.getAttribute('aria-labelledby')!.slice('group-'.length),
          colour: getComputedStyle(s.querySelector('.swatch')!).backgroundColor,
        })),
      );
      expect(swatches.length).toBeGreaterThanOrEqual(3);
      for (const { kind, colour } of swatches) expect(rgb(colour), `${kind} swatch`).toEqual(rgb(KIND_PALETTE[kind as MentionKind].background));
    });
    await popup.close();
    await page.close();
  }, 90_000);
});
