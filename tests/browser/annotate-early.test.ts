// A reader who selects text as soon as the names are highlighted gets the annotation toolbar,
// even on a page that is never idle. The annotator's code and the page's annotations wait for an
// idle period, and a selection made before it used to go unnoticed (seen in CI on a slow machine).
import { describe, expect, it } from 'vitest';
import { clickInAnnotateUi, selectText } from './annotate-helpers';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { readFrame } from './frame-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`annotate-early.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a two-day state visit';

// The page's own script keeps the main thread busy for 20 s in 20 ms tasks, back to back: the
// browser never has an idle period, so idle callbacks run only at their timeout (1 s for ours).
const BUSY_STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin in Beijing</title></head><body>
<p id="lead">Russian President Vladimir Putin has arrived in China for ${PASSAGE}.</p>
<p id="after">Chinese President Xi Jinping welcomed him in Beijing.</p>
<script>
  const channel = new MessageChannel();
  const until = performance.now() + 20000;
  channel.port1.onmessage = () => {
    const started = performance.now();
    while (performance.now() - started < 20) {}
    if (performance.now() < until) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
</script>
</body></html>`;

describe.skipIf(SKIP_REASON !== null)('a selection before the page is idle', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/busy': BUSY_STORY } });

  it('offers the annotation toolbar for text selected right after the highlights appear', async () => {
    const page = await ext.browser.context.newPage();
    await withScreenshotOnFailure(page, 'annotate-early', async () => {
      await page.goto(ext.url('/busy'));
      await waitForHighlights(page, 'highlights on the busy page', { timeout: 20_000 });
      const selectedAt = await page.evaluate(() => performance.now());
      await selectText(page, '#lead', PASSAGE);
      // The toolbar's Annotate button, then the form it opens: the reader can write the note.
      await clickInAnnotateUi(page, 'data-action', 'annotate');
      await clickInAnnotateUi(page, 'data-field', 'note');
      const ui = await readFrame(page, 'note');
      expect(ui?.text).toContain(PASSAGE);
      // The test proves something only if the selection came before our idle callback's 1 s timeout.
      const highlightedAt = await page.evaluate(() => performance.getEntriesByName('dossier:highlighted')[0]?.startTime ?? Number.NaN);
      expect(selectedAt - highlightedAt).toBeLessThan(1000);
    });
  }, 60_000);
});
