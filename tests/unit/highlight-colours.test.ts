// The page highlights take their colours from the shared palette (one kind, one colour in the
// page, the card and the popup); the browser test extension-colours checks what Chromium paints.
import { describe, expect, it } from 'vitest';
import { MENTION_KINDS, highlightCss, highlightName, withAlpha } from '../../src/content/highlight/highlight-styles';
import { KIND_PALETTE } from '../../src/ui/shared/palette';

describe('highlight colours', () => {
  it('turns a palette colour into a see-through tint', () => {
    expect(withAlpha('#f4a261', 0.45)).toBe('rgba(244, 162, 97, 0.45)');
    expect(() => withAlpha('orange', 0.5)).toThrow(/#rrggbb/);
  });

  it("tints each kind with its palette background and underlines it in the palette's line colour", () => {
    const css = highlightCss();
    for (const kind of MENTION_KINDS) {
      // A claim's visible mark is its lead (its first words: see highlight-look.ts).
      const name = kind === 'claim' ? `${highlightName(kind)}-lead` : highlightName(kind);
      const rule = css.split('\n').find((line) => line.startsWith(`::highlight(${name})`));
      expect(rule, kind).toBeDefined();
      const [r, g, b] = withAlpha(KIND_PALETTE[kind].background, 1).match(/\d+/g)!;
      expect(rule).toMatch(new RegExp(`background-color: rgba\\(${r}, ${g}, ${b}, 0\\.\\d+\\)`));
      expect(rule).toContain(KIND_PALETTE[kind].line);
    }
  });
});
