// Open pages follow the dossier without a reload. A reader who adds someone on the options page
// expects the tabs already open, the pages of them that named nobody of the list until then, and
// the frames inside other sites' pages, to highlight that person at once; deleting the entity or
// restoring a backup without it takes the highlights away again, and a new colour repaints. The
// card the reader has open meanwhile stays open on its mention, and the page's other highlights
// stay, and a note being written is left as typed.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { clickInAnnotateUi, eventually, noteTexts, selectText } from './annotate-helpers';
import { cardIsOpen } from './frame-helpers';
import { openOptionsPage } from './extension-helpers';
import { SKIP_REASON, turnOnDiagnostics, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`dossier-follow.test.ts: ${SKIP_REASON}`);

const NEWCOMER = 'Zelda Quarry';
const people = (target: Page | Frame): Promise<string[]> =>
  target.evaluate(() => [...(CSS.highlights.get('dossier-person') ?? [])].map((r) => (r instanceof Range ? r.toString() : '')));
/** The first stage has read the page (diagnostics on): whether it loaded the rest or not. */
const read = (target: Page | Frame): Promise<unknown> =>
  target.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 20_000 });

describe.skipIf(SKIP_REASON !== null)('open pages follow the dossier', () => {
  const ext = useExtensionBrowser({
    diagnostics: true,
    hosts: ['news.test', 'other.test'],
    pages: () => ({
      '/article': htmlDocument(`<article>${seedArticleParagraphs()}<p>${NEWCOMER} met the envoys at the airport.</p></article>`, { title: 'Seed article' }),
      '/quiet': htmlDocument(`<article><p>${NEWCOMER} opened the new bridge over the river.</p></article>`, { title: 'Bridge' }),
      // Served, not routed, so a local page may frame it; the frame comes first, in sight.
      '/framed': htmlDocument(`<iframe title="news.test" style="width:900px;height:300px"></iframe><article><p>Rain is expected.</p></article>
<script>document.querySelector('iframe').src = 'http://news.test:' + location.port + '/quiet';</script>`),
    }),
  });

  it('an entity added, deleted or restored away, and a new colour, reach open tabs and frames; the open card stays', async () => {
    const article = await ext.openOn('news.test', '/article');
    const quiet = await ext.openOn('news.test', '/quiet');
    const framing = await ext.openOn('other.test', '/framed');
    await expect.poll(() => framing.frames().some((f) => f.url() === ext.urlOn('news.test', '/quiet')), { timeout: 10_000 }).toBe(true);
    const frame = framing.frames().find((f) => f.url() === ext.urlOn('news.test', '/quiet'))!;
    await waitForHighlights(article, 'the seed names on the article', { timeout: 30_000 });
    for (const target of [quiet, frame]) await read(target);
    expect(await people(article)).not.toContain(NEWCOMER);
    expect(await people(quiet)).toEqual([]);
    expect(await people(frame)).toEqual([]);
    const seedNames = (await people(article)).length;

    // The reader has Putin's card open on the article while the dossier changes.
    await ext.sendToTab(await ext.tabIdOf(article), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(() => cardIsOpen(article), { timeout: 10_000 }).toBe(true);

    const options = await openOptionsPage(ext.browser);
    await withScreenshotOnFailure(options, 'dossier-follow-options', async () => {
      // A backup of the dossier as it is, without the newcomer.
      const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
      const backup = readFileSync((await download.path())!);

      // Added on the options page: every open page naming the newcomer highlights them.
      await addNewcomer(options);
      await expect.poll(() => people(article), { timeout: 10_000, message: 'the open article' }).toContain(NEWCOMER);
      await expect.poll(() => people(quiet), { timeout: 10_000, message: 'the page that named nobody of the list' }).toEqual([NEWCOMER]);
      await expect.poll(() => people(frame), { timeout: 10_000, message: "the site's frame inside another site's page" }).toEqual([NEWCOMER]);
      await expect.poll(async () => (await people(article)).length, { timeout: 10_000, message: 'the seed names stay' }).toBe(seedNames + 1);
      expect(await cardIsOpen(article), 'the card stays open').toBe(true);

      // A new colour for people repaints the open page.
      await options.getByLabel('Person colour').evaluate((input: HTMLInputElement) => {
        input.value = '#ff0000';
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.getByText('Saved.').waitFor({ timeout: 10_000 });
      const rules = () =>
        article.evaluate(() => [...document.adoptedStyleSheets, ...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n'));
      await expect.poll(rules, { timeout: 10_000, message: 'the person rule in the new colour' }).toMatch(/::highlight\(dossier-person\) \{[^}]*background-color: rgba\(255, 0, 0, 0\.45\)/);

      // Deleted: the highlights go, the seed names stay (watched all along, as a reader would see a blink).
      const dips: number[] = [];
      const watching = watchCount(article, seedNames, dips);
      await options.locator(`li[data-id="zelda-quarry"]`).getByRole('button', { name: `Delete ${NEWCOMER}` }).click();
      await options.locator(`li[data-id="zelda-quarry"]`).waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => people(article), { timeout: 10_000, message: 'deleted: gone from the article' }).not.toContain(NEWCOMER);
      await expect.poll(() => people(quiet), { timeout: 10_000, message: 'deleted: gone from the quiet page' }).toEqual([]);
      await expect.poll(() => people(frame), { timeout: 10_000, message: 'deleted: gone from the frame' }).toEqual([]);
      // Never fewer meanwhile: the old highlights stay painted until the new ones are in.
      expect(dips, 'the seed names never went missing while the page was read again').toEqual([]);
      await expect.poll(async () => (await people(article)).length, { timeout: 10_000 }).toBe(seedNames);

      // Added again, then the backup from before restored: the restored dossier has no newcomer.
      await addNewcomer(options);
      await expect.poll(() => people(quiet), { timeout: 10_000 }).toEqual([NEWCOMER]);
      await options.getByTestId('restore-backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
      await expect.poll(() => options.getByTestId('backup-status').textContent(), { timeout: 30_000 }).toMatch(/^Restored \d+ entities/);
      await expect.poll(() => people(article), { timeout: 10_000, message: 'restored: gone from the article' }).not.toContain(NEWCOMER);
      await expect.poll(() => people(quiet), { timeout: 10_000, message: 'restored: gone from the quiet page' }).toEqual([]);
      await expect.poll(async () => (await people(article)).length, { timeout: 10_000 }).toBe(seedNames);
      expect(await cardIsOpen(article), 'the card is still open on Putin').toBe(true);
      watching.stop();
    });
    for (const page of [article, quiet, framing, options]) await page.close();
  }, 120_000);

  it('leaves a note being written as typed while the dossier changes; it saves whole', async () => {
    // The restore above cleared the diagnostics switch (a backup does not carry it): the readable names again.
    await turnOnDiagnostics(ext.browser);
    const article = await ext.openOn('news.test', '/article');
    await waitForHighlights(article, 'the seed names on the article', { timeout: 30_000 });
    const passage = 'for state visit';
    await withScreenshotOnFailure(article, 'dossier-follow-note', async () => {
      await selectText(article, 'article', passage);
      await clickInAnnotateUi(article, 'data-action', 'annotate');
      await clickInAnnotateUi(article, 'data-field', 'note');
    });
    await article.keyboard.type('Written before the change, ');

    const options = await openOptionsPage(ext.browser);
    await addNewcomer(options);
    await expect.poll(() => people(article), { timeout: 10_000, message: 'the newcomer highlighted while the note is open' }).toContain(NEWCOMER);

    // The reader goes on typing where they were, and saves.
    await article.keyboard.type('and after it.');
    await clickInAnnotateUi(article, 'data-action', 'save');
    await eventually(() => noteTexts(article), (t) => t.includes(passage), 'the saved note on the page');
    const found = JSON.stringify(await ext.sendToTab(await ext.tabIdOf(article), { type: 'page/annotations', payload: {} }));
    expect(found).toContain('Written before the change, and after it.');
    for (const page of [article, options]) await page.close();
  }, 120_000);
});

/** Polls the page's person highlights every 20 ms, noting each count under `least`. */
function watchCount(page: Page, least: number, dips: number[]): { stop(): void } {
  let on = true;
  void (async () => {
    while (on) {
      const count = await people(page).then((p) => p.length, () => least);
      if (count < least) dips.push(count);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return { stop: () => void (on = false) };
}

async function addNewcomer(options: Page): Promise<void> {
  await options.getByRole('button', { name: 'Add entity' }).click();
  const form = options.getByRole('form', { name: 'New entity' });
  await form.getByLabel('Name', { exact: true }).fill(NEWCOMER);
  await form.getByLabel('Context', { exact: true }).fill('Engineer');
  await form.getByRole('button', { name: 'Save entity' }).click();
  await options.locator('li[data-id="zelda-quarry"]').waitFor({ timeout: 10_000 });
}
