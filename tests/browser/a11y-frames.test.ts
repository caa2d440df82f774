// axe-core on the card and the note frames where they live: extension pages in frames on a news
// page, checked in the real browser as each Frame, on a light page and a dark one (the frames
// follow prefers-color-scheme): the entity card, a claim card, the note form and the note bubble.
// Any violation fails, with axe's own description of what and where.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { selectText, eventually } from './annotate-helpers';
import { axeViolations, describeViolations } from './axe';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { readFrame, waitForFrame, whenTakingClicks } from './frame-helpers';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`a11y-frames.test.ts: ${SKIP_REASON}`);

const DARK_HEAD = '<style>html, body { background: #111; color: #e8e8e8; }</style><meta name="color-scheme" content="dark">';

async function expectNoViolations(page: Page, frame: Frame, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(100);
    const violations = await axeViolations(frame);
    expect(violations, `${what} (${colorScheme}):\n${describeViolations(violations)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

describe.skipIf(SKIP_REASON !== null)('axe-core on the card and note frames', () => {
  const ext = useExtensionBrowser({
    pages: () => ({
      '/light': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' }),
      '/dark': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article, dark', head: DARK_HEAD }),
    }),
  });

  for (const path of ['/light', '/dark']) {
    it(`the entity card and a claim card (${path} page)`, async () => {
      await ext.inTab(path, `a11y-frames-card${path.replace('/', '-')}`, async (page) => {
        await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
        const tab = await ext.tabIdOf(page);
        await ext.sendToTab(tab, { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
        await eventually(() => readFrame(page, 'card'), (c) => c !== null && c.dialog?.['aria-busy'] === undefined && c.text.includes('Vladimir Putin'), 'the Putin card');
        await expectNoViolations(page, await waitForFrame(page, 'card'), `entity card, ${path}`);

        await ext.sendToTab(tab, { type: 'page/reveal', payload: { id: 'putin-state-visit-china', kind: 'claim' } });
        await eventually(() => readFrame(page, 'card'), (c) => c !== null && c.dialog?.['aria-busy'] === undefined && (c.dialog?.['aria-label'] ?? '').startsWith('Claim:'), 'a claim card');
        await expectNoViolations(page, await waitForFrame(page, 'card'), `claim card, ${path}`);
      });
    });

    it(`the note form and the note bubble (${path} page)`, async () => {
      await ext.inTab(path, `a11y-frames-note${path.replace('/', '-')}`, async (page) => {
        await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
        const tab = await ext.tabIdOf(page);
        await selectText(page, 'article p:nth-of-type(2)', (await page.locator('article p:nth-of-type(2)').innerText()).slice(0, 40));
        await ext.sendToTab(tab, { type: 'page/annotate', payload: {} });
        const form = await waitForFrame(page, 'note');
        await form.locator('textarea').first().waitFor({ timeout: 10_000 });
        await expectNoViolations(page, form, `note form, ${path}`);

        // Saved, the note shows as a bubble when its highlight is clicked.
        await form.locator('textarea').first().fill('A note to check');
        await whenTakingClicks(form);
        await form.locator('[data-action="save"]').click();
        await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('dossier-note-'))), { timeout: 10_000 }).toBe(true);
        await page.keyboard.press('Escape');
        const point = await page.evaluate(() => {
          const name = [...CSS.highlights.keys()].find((k) => k.startsWith('dossier-note-'))!;
          const rect = ([...CSS.highlights.get(name)!][0] as Range).getClientRects()[0]!;
          return { x: rect.left + 4, y: rect.top + rect.height / 2 };
        });
        await page.mouse.click(point.x, point.y);
        await eventually(() => readFrame(page, 'note'), (s) => s !== null && s.text.includes('A note to check'), 'the note bubble');
        await withScreenshotOnFailure(page, `a11y-frames-bubble${path.replace('/', '-')}`, async () =>
          expectNoViolations(page, await waitForFrame(page, 'note'), `note bubble, ${path}`),
        );
      });
    });
  }
});
