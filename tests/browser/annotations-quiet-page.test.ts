// A page that names nobody of the list loads nothing more (issue 14), yet the reader's notes on
// it must come back. Since the first stage reads the list's filter from storage.local (session
// 19), what tells it to ask is the stored record's "the reader has annotations": the page then
// asks for its own once it is idle, and loads the rest only where it has some.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { annotate, eventually, noteTexts } from './annotate-helpers';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`annotations-quiet-page.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'the gardens were quiet';
const QUIET = htmlDocument(`<main><p id="weather">The weather in the valley was mild on Tuesday, and ${PASSAGE}.</p></main>`, { title: 'Weather' });
const OTHER = htmlDocument('<main><p>The river rose a little overnight and the ferry kept to its timetable.</p></main>', { title: 'River' });

type Local = { get(k: string): Promise<Record<string, { annotating?: boolean } | undefined>> };
const annotatingSaid = (page: Page) => page.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get('firstStage')).firstStage?.annotating);

describe.skipIf(SKIP_REASON !== null)('notes on a page that names nobody', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/quiet.html': QUIET, '/other.html': OTHER } });

  it('come back when the page is opened again, and a page of the site without notes still loads nothing', async () => {
    const loads: string[] = [];
    ext.browser.context.on('request', (request) => {
      if (request.url().endsWith('/chunks/app.js')) loads.push(request.frame().url());
    });
    const options = await ext.openExtensionPage('options/options.html');
    await expect.poll(() => annotatingSaid(options), { timeout: 10_000 }).toBe(false);

    await ext.inTab('/quiet.html', 'quiet-page-annotate', async (tab) => {
      await tab.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 });
      await annotate(tab, '#weather', PASSAGE, 'Calm before the storm', 'weather');
      await eventually(() => noteTexts(tab), (texts) => texts.includes(PASSAGE), 'the new note painted');
    });
    await expect.poll(() => annotatingSaid(options), { timeout: 10_000 }).toBe(true);
    await options.close();

    loads.length = 0;
    await ext.inTab('/quiet.html', 'quiet-page-note-back', async (tab) => {
      await eventually(() => noteTexts(tab), (texts) => texts.includes(PASSAGE), 'the note painted again on the page that names nobody');
    });
    expect(loads.filter((url) => url.endsWith('/quiet.html')).length).toBeGreaterThan(0);

    loads.length = 0;
    await ext.inTab('/other.html', 'quiet-page-other', async (tab) => {
      await tab.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 });
      await tab.waitForTimeout(2_500); // the idle question for notes (whenIdle, up to 1 s) and its answer
      await withScreenshotOnFailure(tab, 'quiet-page-other-loads', async () => {
        expect(loads.filter((url) => url.endsWith('/other.html'))).toEqual([]);
      });
    });
  }, 90_000);
});
