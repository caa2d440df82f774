// The card and the note form by keyboard alone, in the real browser, with trusted key presses
// only (page.keyboard; no mouse, no element.focus(), no scripted selection): the next-highlight
// command opens the card with focus inside; "›" keeps focus on itself as the card moves; Esc gives
// focus back where it came from; Shift+Arrow selects a passage, the annotate command opens the
// note form with focus in the note; Tab and Enter save it; and the options page exports it.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noteTexts } from './annotate-helpers';
import { dossierFrame, frameHasFocus, inFrame, readFrame, waitForFrame, waitForFrameClosed } from './frame-helpers';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`keyboard-frames.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'Vladimir Putin arrived in Beijing';
const STORY = htmlDocument(
  `<article><h1>Talks in Beijing</h1>
<p><a id="start" href="#more">Read more</a> ${PASSAGE} on Thursday for two days of talks with Xi Jinping.</p>
${seedArticleParagraphs()}</article>`,
  { title: 'Talks in Beijing' },
);

/** What has focus in the page's document: its id, or "body", or "frame" (an element holding one of our frames). */
function pageFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.id) return el.id;
    return el.parentElement === document.documentElement ? 'frame' : el.localName;
  });
}

/** The focused element inside a frame: its aria-label or data-action or role, "body" when none. */
function focusIn(frame: Frame): Promise<string> {
  return inFrame(
    frame,
    () => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      return el.getAttribute('aria-label') ?? el.dataset.action ?? el.dataset.field ?? el.getAttribute('role') ?? el.localName;
    },
    'gone',
  );
}

/** Presses Tab in `frame` until `want` has focus (at most `max` times). */
async function tabTo(page: Page, frame: Frame, want: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusIn(frame)) === want) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${want}; focus is on ${await focusIn(frame)}`);
}

describe.skipIf(SKIP_REASON !== null)('the card and the note form by keyboard', () => {
  const ext = useExtensionBrowser({ pages: { '/story': STORY } });

  async function stepCommand(page: Page, direction: 1 | -1): Promise<void> {
    // What the background sends when the next/previous-mention command fires (commands.ts).
    await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/step', payload: { direction } });
  }

  it('"›" keeps focus on itself as the card moves; Esc gives focus back to where it came from', async () => {
    await ext.inTab('/story', 'keyboard-card-next', async (page) => {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.keyboard.press('Tab');
      expect(await pageFocus(page)).toBe('start');
      await stepCommand(page, 1);
      const card = await waitForFrame(page, 'card');
      await expect.poll(() => frameHasFocus(page, 'card'), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => readFrame(page, 'card').then((c) => c?.dialog?.['aria-busy'] ?? 'done'), { timeout: 10_000 }).toBe('done');
      await tabTo(page, card, 'Next mention');
      for (let move = 0; move < 3; move++) {
        const before = (await readFrame(page, 'card'))?.text;
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await readFrame(page, 'card'))?.text, { timeout: 10_000 }).not.toBe(before);
        await expect.poll(() => readFrame(page, 'card').then((c) => c?.dialog?.['aria-busy'] ?? 'done'), { timeout: 10_000 }).toBe('done');
        await page.waitForTimeout(300);
        const frame = dossierFrame(page, 'card')!;
        expect(await focusIn(frame), `focus after move ${move + 1}`).toBe('Next mention');
        expect(await frameHasFocus(page, 'card')).toBe(true);
      }
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      await expect.poll(() => pageFocus(page)).toBe('start');
    });
  });
});
