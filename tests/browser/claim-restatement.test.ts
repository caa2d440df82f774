// Claims by meaning in a real Chromium with the built extension: a page that restates three seed
// claims in new words gets them marked (the background's model judged the candidates of the
// page's one pass); a page of look-alikes that negate them or change their figures gets none.
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const RESTATED = [
  "Most of Russia's oil and gas exports now go to China.",
  'In 1949 Mao Zedong proclaimed the People’s Republic of China after the communists won the civil war.',
  'Taiwan elected Lai as its president in January.',
];
const NEGATED = [
  'China has condemned Moscow for its invasion, abandoning its claim of neutrality.',
  'Beijing has ruled out the use of force against Taiwan.',
  'Putin and Xi have met two times over the previous decade.',
];

const article = (sentences: readonly string[]) =>
  `<!doctype html><html><head><title>Claims</title></head><body><article>${sentences
    .map((s) => `<p>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')} Analysts followed the story closely.</p>`)
    .join('')}</article></body></html>`;

describe.skipIf(SKIP_REASON !== null)('claims found by meaning, in Chromium', () => {
  const ext = useExtensionBrowser({ pages: { '/restated.html': article(RESTATED), '/negated.html': article(NEGATED) } });

  it('marks a page that restates three seed claims in new words', async () => {
    const page = await ext.openWithHighlights('/restated.html');
    await withScreenshotOnFailure(page, 'claims-restated', async () => {
      await waitForHighlights(page, 'three claim highlights', { kind: 'claim', min: 3 });
      expect((await highlightTexts(page, 'claim')).sort()).toEqual([...RESTATED].sort());
    });
    await page.close();
  }, 60_000);

  it('does not mark a page that negates them or changes their figures', async () => {
    const page = await ext.openWithHighlights('/negated.html');
    await withScreenshotOnFailure(page, 'claims-negated', async () => {
      // The names are marked, so the page was read; the claims' verdicts come after, so give them
      // the time the restated page needed (and more) to show up, which they must not.
      await waitForHighlights(page, 'person highlight', { kind: 'place' });
      const restated = await ext.openWithHighlights('/restated.html');
      await waitForHighlights(restated, 'claim highlights on the control page', { kind: 'claim', min: 3 });
      await restated.close();
      expect(await highlightTexts(page, 'claim')).toEqual([]);
    });
    await page.close();
  }, 60_000);
});
