// A name never runs across two blocks of the page: "…chaired by Vladimir" ending one paragraph and
// "Putin left early." starting the next are two texts, not the name "Vladimir Putin". The first
// scan read the page's blocks joined by a blank line, which the matcher took for a space, and
// marked "Vladimir⏎⏎Putin" as one name (found while making appends read their roots as one text).
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, waitForHighlights } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`block-bounds.test.ts: ${SKIP_REASON}`);

const SPLIT = htmlDocument(
  '<main><p>Xi Jinping welcomed the delegation.</p><p>The talks were chaired by Vladimir</p><p>Putin left early.</p><ul><li>Xi</li><li>Jinping</li></ul></main>',
  { title: 'Split' },
);

describe.skipIf(SKIP_REASON !== null)('blocks of the page', () => {
  const ext = useExtensionBrowser({ diagnostics: true, pages: { '/split.html': SPLIT } });

  it('never joins the end of one block and the start of the next into one name', async () => {
    await ext.inTab('/split.html', 'block-bounds', async (tab) => {
      await waitForHighlights(tab, 'the names', { min: 2, timeout: 15_000 });
      await tab.waitForTimeout(500);
      const people = await highlightTexts(tab, 'person');
      // A range across two blocks reads their words run together: "VladimirPutin", "XiJinping".
      expect(people.filter((text) => /[a-z][A-Z]/.test(text))).toEqual([]);
      expect(people).toContain('Xi Jinping');
      expect(people).toContain('Putin');
    });
  }, 60_000);
});
