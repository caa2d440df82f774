// The quote harvest (Readability on a clone of the page, then quote finding) costs tens of ms on
// big pages; it only runs where it can learn something: a page naming a person, or an organisation
// (a role may speak for it: "a Kremlin spokesman said"). A page naming only places is not read.
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

/** An article by Readability's measure (long paragraphs), naming `who` and nothing else of the dossier. */
const paragraph = (n: number, who: string): string =>
  `<p>${n}. The statement from ${who} was read out on Tuesday afternoon, and reporters who had waited since the morning ` +
  `were told that further details would follow later in the week, once the officials involved had met again to discuss ` +
  `the wording of the final text and the schedule for its publication.</p>`;
const article = (who: string): string =>
  `<!doctype html><meta charset="utf-8"><title>Statement</title><body><article><h1>Statement</h1>` +
  Array.from({ length: 8 }, (_, i) => paragraph(i, who)).join('') +
  `</article></body>`;

describe.skipIf(SKIP_REASON !== null)('the quote harvest runs only on pages naming a person or an organisation', () => {
  const ext = useExtensionBrowser({
    diagnostics: true,
    pages: { '/places.html': article('Beijing and Harbin'), '/organisations.html': article('the Kremlin and Xinhua'), '/person.html': article('Vladimir Putin') },
  });

  const readabilityRuns = (): number => performance.getEntriesByName('dossier:harvest-readability').length;

  it('skips Readability on an article that names only places', async () => {
    const page = await ext.open('/places.html');
    // The page is highlighted…
    await waitForPage(page, () => (CSS.highlights.get('dossier-place')?.size ?? 0) > 0, 'place highlights', 15_000);
    // …and the harvest's idle wait (2 s at most) has long passed.
    await page.waitForTimeout(3_500);
    expect(await page.evaluate(readabilityRuns)).toBe(0);
    await page.close();
  }, 60_000);

  it('harvests the same article when it names organisations and no person', async () => {
    const page = await ext.open('/organisations.html');
    await waitForPage(page, () => (CSS.highlights.get('dossier-organisation')?.size ?? 0) > 0, 'organisation highlights', 15_000);
    await waitForPage(page, () => performance.getEntriesByName('dossier:harvest-readability').length > 0, 'the Readability pass', 20_000);
    expect(await page.evaluate(readabilityRuns)).toBe(1);
    await page.close();
  }, 60_000);

  it('harvests the same article once it names a person', async () => {
    const page = await ext.openWithHighlights('/person.html');
    await waitForPage(page, () => performance.getEntriesByName('dossier:harvest-readability').length > 0, 'the Readability pass', 20_000);
    expect(await page.evaluate(readabilityRuns)).toBe(1);
    await page.close();
  }, 60_000);
});
