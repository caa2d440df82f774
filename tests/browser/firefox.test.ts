// Dossier in real Firefox (Debian's firefox-esr, headless), with dist/firefox installed as a
// temporary add-on over WebDriver BiDi (firefox-bidi.ts explains why not Playwright). What only a
// real Firefox shows: the content script's highlights through the CSS Custom Highlight API, the
// card's code imported on demand from a moz-extension:// address (also on a page whose CSP forbids
// every script), and the card's data from the background event page and its IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_SKIP_REASON, launchFirefoxWithExtension, type FirefoxSession, type FirefoxTab } from './firefox-bidi';
import { serve, type StaticServer } from './harness';
import { textBoxInPage } from './extension-helpers';

if (FIREFOX_SKIP_REASON) console.warn(FIREFOX_SKIP_REASON);

const PAGE = `<!doctype html><meta charset="utf-8"><title>Summit</title>
<style>body { font: 20px/1.6 Georgia, serif; max-width: 36em; margin: 2em; }</style>
<body><article>
<p id="lead">Vladimir Putin arrived in Beijing on Thursday for talks with Xi Jinping.</p>
<p id="more">Xi Jinping called Vladimir Putin an old friend.</p>
</article></body>`;

const CARD_HOST = 'dossier-card';

/** The viewport centre of the first `text` inside `selector`. */
async function centreOfText(tab: FirefoxTab, selector: string, text: string): Promise<{ x: number; y: number }> {
  const box = await tab.evaluate(textBoxInPage, [selector, text] as const);
  return { x: box.x, y: box.y };
}

/** The text of every range of our person highlight, as the page's own registry holds them. */
function personTexts(tab: FirefoxTab): Promise<string[]> {
  return tab.evaluate(() => {
    const highlight = CSS.highlights.get('dossier-person');
    return highlight ? [...highlight].map((r) => (r instanceof Range ? r.toString() : '')) : [];
  });
}

describe.skipIf(FIREFOX_SKIP_REASON !== null)('Dossier in Firefox', () => {
  let firefox: FirefoxSession | undefined;
  let server: StaticServer | undefined;
  /** The same page, under a CSP that forbids every script, image and style of its own. */
  let strictServer: StaticServer | undefined;

  beforeAll(async () => {
    server = await serve({ pages: { '/summit.html': PAGE } });
    strictServer = await serve({ pages: { '/summit.html': PAGE }, headers: { 'content-security-policy': "default-src 'none'" } });
    firefox = await launchFirefoxWithExtension();
    // The diagnostics switch, as the options page sets it: Dossier then uses its readable names
    // (dossier-person, <dossier-card>) that this file looks for, not random ones per page.
    const options = await firefox.openExtensionPage('options/options.html');
    try {
      await options.waitFor('the options page', 30_000, () => document.readyState === 'complete');
      const reply = await options.evaluate(() =>
        (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ type: 'settings/diagnostics/set', payload: { on: true } }),
      );
      if (JSON.stringify(reply) !== JSON.stringify({ ok: true, value: { on: true } })) throw new Error(`diagnostics not turned on: ${JSON.stringify(reply)}`);
    } finally {
      await options.close();
    }
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    await strictServer?.close();
  });

  /** Runs `body` in a new tab showing `path`; on failure adds what Firefox logged to the error. */
  async function inTab(path: string, body: (tab: FirefoxTab) => Promise<void>, from = server!): Promise<void> {
    const tab = await firefox!.newTab();
    try {
      await tab.goto(from.url(path));
      await body(tab);
    } catch (error) {
      (error as Error).message += `\n--- Firefox said:\n${firefox!.diagnostics()}`;
      throw error;
    } finally {
      await tab.close();
    }
  }

  async function expectHighlightsAndCard(tab: FirefoxTab): Promise<void> {
    await tab.waitFor('both person highlights', 30_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) >= 4);
    expect(new Set(await personTexts(tab))).toEqual(new Set(['Vladimir Putin', 'Xi Jinping']));
    const name = await centreOfText(tab, '#lead', 'Vladimir Putin');
    await tab.click(name.x, name.y);
    // The host appears at once; its content once the card chunk is imported and the data is in.
    await tab.waitFor('the card host', 20_000, () => document.querySelector('dossier-card') !== null);
    await expect.poll(async () => (await tab.readShadowRoot(CARD_HOST))?.text ?? '', { timeout: 20_000, interval: 100 }).toMatch(/Russian President.*Claims/);
    const card = await tab.readShadowRoot(CARD_HOST);
    expect(card?.text).not.toMatch(/could not load/i);
    expect(card?.dialog?.['aria-label']).toBe('Vladimir Putin');
    const size = await tab.evaluate(() => {
      const r = document.querySelector('dossier-card')!.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    expect(size.width).toBeGreaterThan(0);
    expect(size.height).toBeGreaterThan(0);
    await tab.pressKey('\uE00C'); // Escape
    await tab.waitFor('the card to close on Esc', 10_000, () => document.querySelector('dossier-card') === null);
  }

  it('highlights the people a page names and opens the card for a click on one', async () => {
    await inTab('/summit.html', expectHighlightsAndCard);
  }, 120_000);

  it('does the same on a page whose CSP forbids every script (the card chunk is the add-on\'s, not the page\'s)', async () => {
    await inTab('/summit.html', expectHighlightsAndCard, strictServer!);
  }, 120_000);

  it("shows the entity list on the options page and the page's people in the popup (background and IndexedDB)", async () => {
    await inTab('/summit.html', async (article) => {
      await article.waitFor('the person highlights', 30_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0);
      const options = await firefox!.openExtensionPage('options/options.html');
      try {
        await options.waitFor('the seed entities on the options page', 30_000, () => /Vladimir Putin/.test(document.body.innerText) && /Xi Jinping/.test(document.body.innerText));
        // The article's tab, as the add-on knows it (it has no "tabs" permission: the active tab is taken).
        await article.activate();
        const ids = await options.evaluate(async () => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).browser;
          return (await api.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id ?? -1);
        });
        expect(ids).toHaveLength(1);
        const popup = await firefox!.openExtensionPage('popup/popup.html', ids[0]);
        try {
          await popup.waitFor('the people of the page in the popup', 30_000, () => {
            const text = document.body.innerText;
            return /Vladimir Putin/.test(text) && /Xi Jinping/.test(text);
          });
          expect(await popup.evaluate(() => document.body.innerText)).not.toMatch(/does not run on this page/);
        } finally {
          await popup.close();
        }
      } finally {
        await options.close();
      }
    });
  }, 120_000);
});
