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
        const frame = (await dossierFrame(page, 'card'))!;
        expect(await focusIn(frame), `focus after move ${move + 1}`).toBe('Next mention');
        expect(await frameHasFocus(page, 'card')).toBe(true);
      }
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      await expect.poll(() => pageFocus(page)).toBe('start');
    });
  });

  it('a card the page closes (its mention removed) leaves the keys with the page, not in the hidden card', async () => {
    await ext.inTab('/story', 'keyboard-card-page-closes', async (page) => {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      await stepCommand(page, 1);
      await waitForFrame(page, 'card');
      await expect.poll(() => frameHasFocus(page, 'card'), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => readFrame(page, 'card').then((c) => c?.text ?? ''), { timeout: 10_000 }).toContain('Beijing');
      // The page drops the headline whose "Beijing" the card is about: the card closes by itself.
      await page.evaluate(() => document.querySelector('h1')?.remove());
      await waitForFrameClosed(page, 'card');
      // The reader's next keys reach the page (its scrolling, its selection), not the hidden card.
      await page.evaluate(() => {
        (window as unknown as { keysSeen: string[] }).keysSeen = [];
        document.addEventListener('keydown', (event) => (window as unknown as { keysSeen: string[] }).keysSeen.push(event.key));
      });
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen), { timeout: 5_000 }).toEqual(['ArrowDown']);
      expect(await pageFocus(page)).toBe('body');
    });
  });

  it('the whole path by keyboard: next highlight → card → Esc → select → annotate → save → export', async () => {
    const page = await ext.browser.context.newPage();
    await withScreenshotOnFailure(page, 'keyboard-whole-path', async () => {
      await page.goto(ext.url('/story'));
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      // The next-highlight command, twice: the headline's "Beijing", then "Vladimir Putin" in the
      // lead. The card opens with focus in it, and the mention is selected on the page.
      const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '');
      await stepCommand(page, 1);
      await waitForFrame(page, 'card');
      await expect.poll(() => frameHasFocus(page, 'card'), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => readFrame(page, 'card').then((c) => c?.text ?? ''), { timeout: 10_000 }).toContain('Beijing');
      await stepCommand(page, 1);
      await expect.poll(() => readFrame(page, 'card').then((c) => c?.text ?? ''), { timeout: 10_000 }).toContain('Vladimir Putin');
      await expect.poll(() => frameHasFocus(page, 'card'), { timeout: 10_000 }).toBe(true);
      expect(await selected()).toBe('Vladimir Putin');
      // Esc closes it and gives focus back to the page, where it was (nowhere in particular).
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'card');
      await expect.poll(() => pageFocus(page)).toBe('body');

      // Shift+Arrow extends the selected mention to the passage, a character at a time.
      for (let i = 0; i < 40 && (await selected()).length < PASSAGE.length; i++) await page.keyboard.press('Shift+ArrowRight');
      expect(await selected()).toBe(PASSAGE);

      // The annotate command: the note form opens with focus in the note field.
      await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/annotate', payload: {} });
      const form = await waitForFrame(page, 'note');
      await expect.poll(() => frameHasFocus(page, 'note'), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => focusIn(form)).toBe('note');
      await page.keyboard.type('Arrived for two days');
      await page.keyboard.press('Tab');
      expect(await focusIn(form)).toBe('tags');
      await page.keyboard.type('visit, beijing');
      await tabTo(page, form, 'save');
      await page.keyboard.press('Enter');
      await waitForFrameClosed(page, 'note');
      await expect.poll(() => noteTexts(page), { timeout: 10_000 }).toEqual([expect.stringContaining(PASSAGE)]);

      // The options page exports it: Tab to the JSON-LD button, Enter, and the file has the note.
      const options = await ext.openExtensionPage('options/options.html');
      await expect.poll(() => options.getByTestId('annotation-count').textContent(), { timeout: 15_000 }).toBe('1 of 1 annotations');
      const onExport = () => options.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.format ?? '');
      let stops = 0;
      for (; stops < 300 && (await onExport()) !== 'jsonld'; stops++) await options.keyboard.press('Tab');
      expect(await onExport()).toBe('jsonld');
      const [download] = await Promise.all([options.waitForEvent('download'), options.keyboard.press('Enter')]);
      const file = readFileSync((await download.path())!, 'utf8');
      expect(file).toContain('Arrived for two days');
      expect(file).toContain('beijing');
      expect(file).toContain(PASSAGE);
      await options.close();
    });
    await page.close();
  });
});

