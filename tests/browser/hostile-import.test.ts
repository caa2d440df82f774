// A hostile annotation file, imported through the options page in real Chromium with the built
// extension: notes, tags, titles and quotes made of markup and script. After the import they must
// show as text in the options page's annotation list and in the popup's list for the page: no
// element made from them, no dialog, no javascript: link.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAnnotation, exportJsonLd, type Annotation } from '../../src/core/annotations';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-import.test.ts: ${SKIP_REASON}`);

const NOTE = '<img src=x onerror=alert("note")><script>alert("note2")</script> read later';
const TAG = '<svg onload=alert("tag")>';
const TAG2 = '"><iframe src=javascript:alert("tag2")>';
const TITLE = '</title><img src=x onerror=alert("title")>';
const QUOTE = '<b onmouseover=alert("quote")>bold claim</b>';
/** Elements any of the payloads above would create if parsed as HTML. */
const PAYLOAD_TAGS = 'img, script:not([src]), svg, iframe, b';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PAGE_TEXT = `Analysts disagree. ${QUOTE} was the headline.`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title></head><body>
<p id="lead">${escapeHtml(PAGE_TEXT)}</p>
</body></html>`;

function hostileAnnotation(pageUrl: string): Annotation {
  const start = PAGE_TEXT.indexOf(QUOTE);
  return createAnnotation({ pageUrl, title: TITLE, text: PAGE_TEXT, start, end: start + QUOTE.length, id: 'urn:uuid:hostile-1', now: new Date('2024-05-16T10:00:00Z'), tags: [TAG, TAG2], note: NOTE });
}

const fileOf = (annotations: Annotation[]) => Buffer.from(exportJsonLd(annotations, { generated: '2024-06-01T00:00:00.000Z' }));

/** Every dialog any page of the browser opens, dismissed. */
function watchDialogs(page: Page, dialogs: string[]): void {
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
}

describe.skipIf(SKIP_REASON !== null)('a hostile annotation file', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/hostile.html': PAGE } });
  const dialogs: string[] = [];

  it('imports through the options page and lists every payload as text there', async () => {
    const options = await ext.openExtensionPage('options/options.html');
    watchDialogs(options, dialogs);
    await withScreenshotOnFailure(options, 'hostile-import-options', async () => {
      await options.getByTestId('annotation-count').waitFor({ timeout: 20_000 });
      const onPage = hostileAnnotation(ext.url('/hostile.html'));
      const input = options.getByTestId('import-annotations');
      // A record whose page is a javascript: address: the whole file is refused, naming the field.
      const scripted: Annotation = { ...onPage, id: 'urn:uuid:hostile-2', url: 'javascript:alert("url")', target: { ...onPage.target, source: 'javascript:alert("url")' } };
      await input.setInputFiles({ name: 'scripted.jsonld', mimeType: 'application/ld+json', buffer: fileOf([onPage, scripted]) });
      const refusal = options.locator('.import [role="alert"]');
      await refusal.waitFor({ timeout: 15_000 });
      expect(await refusal.innerText()).toMatch(/^Nothing was imported\. .*target\.source: expected an http\(s\) or file URL/);
      expect(await options.locator('li[data-id^="urn:uuid:hostile"]').count()).toBe(0);

      await input.setInputFiles({ name: 'hostile.jsonld', mimeType: 'application/ld+json', buffer: fileOf([onPage]) });
      const status = options.locator('.import [role="status"]');
      await status.waitFor({ timeout: 15_000 });
      expect(await status.innerText()).toMatch(/^Imported: 1 added/);
      const item = options.locator('li[data-id="urn:uuid:hostile-1"]');
      await item.waitFor({ timeout: 10_000 });
      const text = await item.innerText();
      expect(text).toContain(NOTE);
      expect(text).toContain(TAG);
      expect(text).toContain(TAG2);
      expect(text).toContain(QUOTE);
      expect(text).toContain(TITLE);
      // The tag filter offers the hostile tags as option text too.
      expect(await options.getByLabel('Tag').locator('option').allInnerTexts()).toEqual(expect.arrayContaining([TAG, TAG2]));
      const section = options.locator('section[aria-labelledby="annotations"]');
      expect(await section.locator(PAYLOAD_TAGS).count()).toBe(0);
      expect(await options.locator('a[href^="javascript:" i]').count()).toBe(0);
      await options.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    });
    await options.close();
  }, 60_000);

  it("lists the same payloads as text in the popup's annotations of the page", async () => {
    const page = await ext.browser.context.newPage();
    watchDialogs(page, dialogs);
    await page.goto(ext.url('/hostile.html'));
    // The page's own text is markup-looking text too; none of it may have become an element.
    await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 20_000 });
    expect(await page.locator(PAYLOAD_TAGS).count()).toBe(0);
    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(page));
    watchDialogs(popup, dialogs);
    await withScreenshotOnFailure(popup, 'hostile-import-popup', async () => {
      const list = popup.locator('section.annotations');
      await expect.poll(() => list.innerText().catch(() => ''), { timeout: 15_000 }).toContain(NOTE);
      const text = await list.innerText();
      expect(text).toContain(QUOTE);
      expect(text).toContain(`Tags: ${TAG}, ${TAG2}`);
      expect(await popup.locator(PAYLOAD_TAGS).count()).toBe(0);
      expect(await popup.locator('a[href^="javascript:" i]').count()).toBe(0);
      await popup.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    });
    await popup.close();
    await page.close();
  }, 60_000);
});
