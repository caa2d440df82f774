// Web components fill and change their open shadow roots after load (a news site built of them
// fetches the story, then renders it inside). The document's MutationObserver does not see into a
// shadow tree, so that text was never read, and a rescan of the block holding a component re-read
// its tree without dropping the marks already there. Each root the scan reads is now watched
// (scan/watcher.ts) and a rescan reaches the marks inside the components it covers
// (dom/shadow-roots.ts). Was a gap until session 17.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`shadow-changes.test.ts: ${SKIP_REASON}`);

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Components</title></head><body>
<p>The light tree names the Kremlin.</p>
<div id="holder"><late-story></late-story><span id="beside">Beside it.</span></div>
<script>
customElements.define('late-story', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p id="body">Loading…</p>'; }
});
window.fill = () => {
  document.querySelector('late-story').shadowRoot.getElementById('body').textContent = 'Vladimir Putin met Xi Jinping in Beijing.';
};
</script></body></html>`;

/** Names nobody until its component renders: only the first stage runs there until then. */
const QUIET = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet</title></head><body>
<p>A page about the weather.</p><late-story></late-story>
<script>
customElements.define('late-story', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p id="body">Loading…</p>'; }
});
</script></body></html>`;

/** The texts of the person marks the page shows, sorted. */
function people(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('dossier-person') ?? [])].map(String).sort());
}

describe.skipIf(SKIP_REASON !== null)('text a web component puts in its shadow root after load', () => {
  const ext = useExtensionBrowser({ pages: { '/late.html': PAGE, '/quiet.html': QUIET } });

  async function open(): Promise<Page> {
    const page = await ext.browser.context.newPage();
    await page.goto(ext.url('/late.html'));
    await waitForPage(page, () => (CSS.highlights.get('dossier-organisation')?.size ?? 0) > 0, 'the Kremlin highlighted', 20_000);
    // The first scan is over once the light tree's name is marked; the component says "Loading…".
    expect(await people(page)).toEqual([]);
    return page;
  }

  it('is highlighted once the component renders it, and follows its changes', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { fill(): void }).fill());
    await expect.poll(() => people(page), { timeout: 10_000 }).toEqual(['Vladimir Putin', 'Xi Jinping']);

    // The component changes its text: the name that went is no longer marked.
    await page.evaluate(() => {
      document.querySelector('late-story')!.shadowRoot!.getElementById('body')!.textContent = 'Xi Jinping spoke alone.';
    });
    await expect.poll(() => people(page), { timeout: 10_000 }).toEqual(['Xi Jinping']);
    await page.close();
  }, 60_000);

  it('wakes on a page that named nobody until its component rendered a name', async () => {
    const page = await ext.browser.context.newPage();
    await page.goto(ext.url('/quiet.html'));
    // The first stage's pass is over (it found no anchor): its timeline says so.
    await waitForPage(page, () => performance.getEntriesByName('dossier:highlighted').length > 0, 'the first stage done', 20_000);
    expect(await people(page)).toEqual([]);
    await page.evaluate(() => {
      document.querySelector('late-story')!.shadowRoot!.getElementById('body')!.textContent = 'Vladimir Putin landed.';
    });
    await expect.poll(() => people(page), { timeout: 15_000 }).toEqual(['Vladimir Putin']);
    await page.close();
  }, 60_000);

  it('reads a component once when the block around it changes, and drops its marks when it goes', async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { fill(): void }).fill());
    await expect.poll(() => people(page), { timeout: 10_000 }).toEqual(['Vladimir Putin', 'Xi Jinping']);
    // The block holding the component changes beside it: its rescan reads the component again.
    await page.evaluate(() => document.getElementById('beside')!.append(' Vladimir Putin left later.'));
    await expect.poll(() => people(page), { timeout: 10_000 }).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Xi Jinping']);
    await page.waitForTimeout(600);
    expect(await people(page)).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Xi Jinping']);

    await page.evaluate(() => document.querySelector('late-story')!.remove());
    await expect.poll(() => people(page), { timeout: 10_000 }).toEqual(['Vladimir Putin']);
    await page.close();
  }, 60_000);
});
