// Issue 5, "Must show": export all from the options page, import into a FRESH profile: the same
// annotations, anchored the same way on the page; the export is a valid W3C collection. Then
// malformed files (wrong types, __proto__ keys, 10 MB of junk, truncated): a clear error in the
// options page, and the dossier unchanged.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { w3cCollectionProblems } from '../fixtures/annotations/w3c-check';
import { annotate, eventually, noteTexts } from './annotate-helpers';
import { extensionUrl, launchWithExtension, SKIP_REASON, turnOnDiagnostics, waitForHighlights, withScreenshotOnFailure, type ExtensionBrowser } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { highlightPaintInPage } from './extension-helpers';

if (SKIP_REASON) console.warn(`annotate-roundtrip.test.ts: ${SKIP_REASON}`);

const FIRST = 'a two-day state visit';
const SECOND = 'welcomed him in Beijing';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin in Beijing</title></head><body>
<p id="lead">Russian President Vladimir Putin has arrived in China for ${FIRST}.</p>
<p id="after">Chinese President Xi Jinping ${SECOND} on Thursday.</p>
</body></html>`;

async function optionsPage(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, 'options/options.html'));
  await page.getByTestId('annotation-count').waitFor({ timeout: 15_000 });
  return page;
}

/** Everything the dossier holds, as the options page's own message returns it. */
function listAll(page: Page): Promise<unknown> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'annotations/list', payload: {} }));
}
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

async function storyHighlights(page: Page): Promise<string[]> {
  const [yellow, green] = await Promise.all([noteTexts(page, 'yellow'), noteTexts(page, 'green')]);
  return [...yellow, ...green].sort();
}

describe.skipIf(SKIP_REASON !== null)('export, import into a fresh profile, malformed imports', () => {
  const ext = useExtensionBrowser({ ownBuild: true, pages: { '/story': STORY } });
  let second: ExtensionBrowser;
  let exported = '';
  let exportedList: unknown;

  afterAll(async () => {
    await second?.close();
  });

  it('exports every annotation as a W3C collection from the options page', async () => {
    const page = await ext.browser.context.newPage();
    await withScreenshotOnFailure(page, 'roundtrip-export', async () => {
      await page.goto(ext.url('/story'));
      await waitForHighlights(page, 'highlights on the story', { timeout: 20_000 });
      await annotate(page, '#lead', FIRST, 'Two days only', 'visit');
      await eventually(() => storyHighlights(page), (t) => t.length === 1, 'the first note');
      await annotate(page, '#after', SECOND, 'Warm welcome', 'visit, xi');
      await eventually(() => storyHighlights(page), (t) => t.length === 2, 'both notes');

      const options = await optionsPage(ext.browser);
      await expect.poll(() => options.getByTestId('annotation-count').textContent()).toBe('2 of 2 annotations');
      exportedList = await listAll(options);
      // Entity links travel only on request; a full round trip asks for them.
      await options.getByLabel('with entity mentions').check();
      const [download] = await Promise.all([options.waitForEvent('download'), options.locator('button[data-format=jsonld]').click()]);
      exported = readFileSync((await download.path())!, 'utf8');
      const collection = JSON.parse(exported) as { total: number };
      expect(w3cCollectionProblems(collection)).toEqual([]);
      expect(collection.total).toBe(2);
    });
  });

  it('imports the export into a fresh profile: the same annotations, anchored the same way', async () => {
    // The file of the test above: without it this one would only report an empty import.
    expect(exported, 'no export to import: the export test failed').not.toBe('');
    second = await launchWithExtension(ext.extensionDir);
    // Readable names (dossier-note-yellow) in the fresh profile too, as useExtensionBrowser gives the first.
    await turnOnDiagnostics(second);
    const options = await optionsPage(second);
    await withScreenshotOnFailure(options, 'roundtrip-import', async () => {
      await expect.poll(() => options.getByTestId('annotation-count').textContent()).toBe('0 of 0 annotations');
      await options.getByTestId('import-annotations').setInputFiles({ name: 'export.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(exported) });
      await expect.poll(() => options.getByRole('region', { name: 'Annotations' }).getByRole('status').textContent(), { timeout: 10_000 }).toContain('2 added');
      await expect.poll(() => options.getByTestId('annotation-count').textContent()).toBe('2 of 2 annotations');
      expect(await listAll(options)).toEqual(exportedList);

      const page = await second.context.newPage();
      await page.goto(ext.url('/story'));
      await eventually(() => storyHighlights(page), (t) => t.length === 2, 'both notes in the fresh profile');
      expect(await storyHighlights(page)).toEqual([FIRST, SECOND].sort());
      expect(await noteTexts(page, 'yellow')).toHaveLength(2);
      // Painted, not only registered: our rule reaches the text of each (painted-elements.ts).
      for (const index of [0, 1]) expect(await page.evaluate(highlightPaintInPage, ['dossier-note-yellow', index] as const)).not.toBe('rgba(0, 0, 0, 0)');
    });
  });

  it.each([
    ['wrong types', () => exported.replace(/"start": \d+/, '"start": "seven"'), /target\.selector\[1\]\.start/],
    ['a __proto__ key', () => exported.replace('"type": "AnnotationCollection",', '"type": "AnnotationCollection", "__proto__": {"polluted": true},'), /__proto__/],
    ['10 MB of junk', () => '#'.repeat(10 * 1024 * 1024 + 10), /10 MB import limit/],
    ['a truncated file', () => exported.slice(0, Math.floor(exported.length / 2)), /truncated/],
  ])('refuses %s with a clear message and leaves the dossier unchanged', async (_what, file, error) => {
    expect(exported, 'no export to spoil: the export test failed').not.toBe('');
    const options = await optionsPage(second);
    await withScreenshotOnFailure(options, `roundtrip-malformed-${_what}`, async () => {
      const before = await listAll(options);
      await options.getByTestId('import-annotations').setInputFiles({ name: 'bad.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(file()) });
      const alert = options.locator('.import [role=alert]');
      await alert.waitFor({ timeout: 15_000 });
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(/^Nothing was imported\./);
      expect(text).toMatch(error);
      expect(await listAll(options)).toEqual(before);
      await options.close();
    });
  });
});
