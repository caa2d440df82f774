// A sentence repeated on a page is judged once (src/content/claims/verdict-memo.ts): a live page repeats
// bylines, captions and standing lines, and each repeat was a question to the background's judge.
// Every repeat must still get its claim highlight, in the batch that first asked and in later ones.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const page = htmlDocument('<main id="feed"><p>Live updates: Xi Jinping opened the summit.</p></main>', { title: 'Live' });

/** A seed claim restated in new words (as in claim-restatement.test.ts). */
const RESTATED = "Most of Russia's oil and gas exports now go to China.";

describe.skipIf(SKIP_REASON !== null)('a repeated claim sentence', () => {
  const ext = useExtensionBrowser({ pages: { '/live.html': page } });

  it('is judged once and highlighted in every paragraph that repeats it', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    // Counts, in the background, the sentences the judge is asked about (a second listener, which
    // answers nothing, beside the router's).
    await ext.browser.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { __asked: string[]; chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } };
      g.__asked = [];
      g.chrome.runtime.onMessage.addListener((m) => {
        const message = m as { type?: string; payload?: { candidates?: { claimId: string; sentence: string }[] } };
        if (message.type === 'claims/judge') for (const c of message.payload?.candidates ?? []) g.__asked.push(`${c.claimId}: ${c.sentence}`);
      });
    });
    const asked = () => ext.browser.serviceWorker.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked);
    const append = (from: number, count: number) =>
      tab.evaluate(
        ([sentence, first, n]) => {
          const feed = document.getElementById('feed')!;
          const batch = document.createDocumentFragment();
          for (let i = first; i < first + n; i++) {
            const p = document.createElement('p');
            p.textContent = `Update ${i}. ${sentence} Analysts followed the story closely.`;
            batch.append(p);
          }
          feed.append(batch);
        },
        [RESTATED, from, count] as const,
      );
    await withScreenshotOnFailure(tab, 'claim-verdict-memo', async () => {
      await append(0, 6);
      await waitForHighlights(tab, 'six claim highlights', { kind: 'claim', min: 6, timeout: 30_000 });
      // A later batch repeats it again: answered on the page, highlighted all the same.
      await append(6, 3);
      await waitForHighlights(tab, 'nine claim highlights', { kind: 'claim', min: 9, timeout: 30_000 });
      expect(await highlightTexts(tab, 'claim')).toEqual(new Array<string>(9).fill(RESTATED));
      const questions = (await asked()).filter((s) => s.endsWith(`: ${RESTATED}`));
      // Once for each claim it was found for, not once per paragraph (nine of them).
      expect(questions.length).toBeGreaterThan(0);
      expect(questions.length).toBe(new Set(questions).size);
    });
    await tab.close();
  }, 60_000);
});
