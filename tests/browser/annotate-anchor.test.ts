// Issue 5, "Must show": annotate a selection with a note and a tag; reload: anchored again; a new
// paragraph before it and a changed word next to it: still on the right text; the passage deleted:
// listed as an orphan in the popup, and still exported.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { readFrame } from './frame-helpers';
import { annotate, eventually, noteTexts } from './annotate-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`annotate-anchor.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin in Beijing</title>
<link rel="canonical" href="/story?from=canonical"></head><body><article id="story">
<h1>Putin arrives in China</h1>
<p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
<p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p>
<p id="after">Chinese President Xi Jinping welcomed him in Beijing.</p>
</article></body></html>`;

describe.skipIf(SKIP_REASON !== null)('annotating a passage and finding it again', () => {
  const ext = useExtensionBrowser({ ownBuild: true, pages: { '/story': STORY } });
  let page: Page;

  beforeAll(async () => {
    page = await ext.browser.context.newPage();
  });

  it('saves a note with a tag and highlights the passage in its colour', async () => {
    await withScreenshotOnFailure(page, 'annotate-save', async () => {
      // Arrives with a tracking parameter: the annotation belongs to the canonical article.
      await page.goto(ext.url('/story?utm_source=newsletter'));
      await waitForHighlights(page, 'highlights on the story', { timeout: 20_000 });
      await annotate(page, '#target', PASSAGE, 'Second front opened', 'ukraine-war');
      await eventually(() => noteTexts(page), (t) => t.length === 1 && t[0] === PASSAGE, 'the yellow note highlight');
    });
  });

  it('shows the note when its highlight is clicked', async () => {
    await withScreenshotOnFailure(page, 'annotate-click', async () => {
      const box = await page.evaluate(() => {
        const range = [...CSS.highlights.get('dossier-note-yellow')!][0] as Range;
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + 4, y: rect.top + rect.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      const shown = await eventually(() => readFrame(page, 'note'), (s) => s !== null && s.text.includes('Second front opened'), 'the note bubble');
      expect(shown?.text).toContain('ukraine-war');
    });
  });

  it('anchors it again after a reload', async () => {
    await withScreenshotOnFailure(page, 'annotate-reload', async () => {
      await page.goto(ext.url('/story'));
      await eventually(() => noteTexts(page), (t) => t.length === 1 && t[0] === PASSAGE, 'the note highlight after reload');
    });
  });

  it('stays on the right words when a paragraph is inserted before it and a word next to it changes', async () => {
    await withScreenshotOnFailure(page, 'annotate-edit', async () => {
      await page.evaluate(() => {
        const extra = document.createElement('p');
        extra.textContent = 'Update: this story was updated with reaction from Kyiv and an analysis of the talks.';
        document.querySelector('#lead')!.before(extra);
        const target = document.querySelector('#target')!.firstChild as Text;
        target.data = target.data.replace('launched', 'began');
      });
      const texts = await eventually(
        () => noteTexts(page),
        (t) => t.length === 1 && t[0] === PASSAGE && t[0] !== undefined,
        'the note highlight after the edits',
      );
      expect(texts).toEqual([PASSAGE]);
      // The highlight sits in the edited paragraph, not anywhere else.
      const inTarget = await page.evaluate(() => {
        const range = [...CSS.highlights.get('dossier-note-yellow')!][0] as Range;
        return document.querySelector('#target')!.contains(range.startContainer);
      });
      expect(inTarget).toBe(true);
    });
  });

  it('lists the annotation as an orphan when the passage is deleted, and still exports it', async () => {
    await withScreenshotOnFailure(page, 'annotate-orphan', async () => {
      await page.evaluate(() => document.querySelector('#target')!.remove());
      await eventually(() => noteTexts(page), (t) => t.length === 0, 'the highlight to go');
      const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(page));
      const item = popup.locator('.annotations li');
      await item.first().waitFor({ timeout: 15_000 });
      await expect.poll(() => item.first().textContent(), { timeout: 10_000 }).toMatch(/could not find this passage/i);
      expect(await item.first().textContent()).toContain('Second front opened');
      // Export of this page from the popup: the orphan is in it, with its quote, note and tag.
      const [download] = await Promise.all([popup.waitForEvent('download'), popup.locator('button[data-format=jsonld]').click()]);
      const stream = await download.createReadStream();
      let text = '';
      for await (const chunk of stream) text += chunk.toString();
      const items = (JSON.parse(text) as { first: { items: { target: { selector: { exact?: string }[] }; body: { value: string; purpose: string }[] }[] } }).first.items;
      expect(items).toHaveLength(1);
      expect(items[0]!.target.selector.find((s) => s.exact)?.exact).toBe(PASSAGE);
      expect(items[0]!.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ value: 'Second front opened', purpose: 'commenting' }),
          expect.objectContaining({ value: 'ukraine-war', purpose: 'tagging' }),
        ]),
      );
      await popup.close();
    });
  });
});
