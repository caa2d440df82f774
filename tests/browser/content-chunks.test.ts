// The annotator and the quote harvest are loaded by the content script when first needed
// (src/content/runtime/chunks.ts); the card is an extension page in a frame. What a reader must never
// notice: a card that does not open on a page that forbids every script (the click comes at once),
// or a page that learns Dossier is installed by loading its code from the extension's fixed address.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentScriptWorld, withCdp } from './cdp-dom';
import { SKIP_REASON, waitForHighlights } from './harness';
import { boxOfText } from './extension-helpers';
import { readCard } from './frame-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Visit</title>
<body><p id="lead">Vladimir Putin arrived in Beijing on Thursday.</p></body>`;

describe.skipIf(SKIP_REASON !== null)('code loaded on demand', () => {
  const ext = useExtensionBrowser({ pages: { '/visit.html': PAGE }, headers: { 'content-security-policy': "default-src 'none'" } });

  it('opens the card on the first click after load, on a page that forbids every script', async () => {
    await ext.inTab('/visit.html', 'chunks-card-csp', async (page, errors) => {
      await waitForHighlights(page, 'the person highlight');
      const point = await boxOfText(page, '#lead', 'Vladimir Putin');
      await page.mouse.click(point.x, point.y);
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toMatch(/Russian President.*Claims/);
      const card = await readCard(page);
      expect(card?.text).not.toMatch(/could not load/i);
      expect(card?.dialog).not.toBeNull();
      expect(errors).toEqual([]);
    });
  }, 60_000);
});

describe.skipIf(SKIP_REASON !== null)('Dossier’s code, seen from a page', () => {
  const ext = useExtensionBrowser({ pages: { '/visit.html': PAGE } });

  /** What `chrome.runtime.getURL(path)` gives Dossier's content script in this tab (its isolated world). */
  async function contentScriptUrl(page: Page, path: string): Promise<string> {
    return withCdp(page, async (cdp) => {
      const contextId = await contentScriptWorld(cdp);
      const reply = await cdp.send('Runtime.evaluate', { expression: `chrome.runtime.getURL(${JSON.stringify(path)})`, contextId, returnByValue: true });
      return String(reply.result.value);
    });
  }

  /** Loads `urls` as scripts from the page's own world: 'loaded' or 'refused' for each. */
  function loadFromPage(page: Page, urls: string[]): Promise<string[]> {
    return page.evaluate(
      (list) =>
        Promise.all(
          list.map(
            (url) =>
              new Promise<string>((resolve) => {
                const script = document.createElement('script');
                script.type = 'module';
                script.src = url;
                script.onload = () => resolve('loaded');
                script.onerror = () => resolve('refused');
                document.head.append(script);
              }),
          ),
        ),
      urls,
    );
  }

  it('gives a page no fixed address at which to find Dossier’s code', async () => {
    await ext.inTab('/visit.html', 'chunks-no-fingerprint', async (page) => {
      await waitForHighlights(page, 'the person highlight');
      const fixed = ['card/card.js', 'note/note.js', 'chunks/annotate.js', 'chunks/harvest.js', 'content.js'].map((f) => `chrome-extension://${ext.browser.extensionId}/${f}`);
      expect(await loadFromPage(page, fixed)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
      // The control: the same chunk at the content script's own per-session address does load,
      // so "refused" above is the fixed address being closed, not scripts failing on this page.
      const sessionUrl = await contentScriptUrl(page, 'chunks/annotate.js');
      expect(sessionUrl).not.toContain(ext.browser.extensionId);
      expect(await loadFromPage(page, [sessionUrl])).toEqual(['loaded']);
    });
  }, 60_000);
});
