// Dossier in real Firefox (Debian's firefox-esr, headless), with dist/firefox installed as a
// temporary add-on over WebDriver BiDi (firefox-bidi.ts explains why not Playwright). What only a
// real Firefox shows: the content script's highlights through the CSS Custom Highlight API, the
// card and the note form as extension pages in frames at a moz-extension:// address (also on a page
// whose CSP forbids every script), out of the page's reach, and the card's data from the background
// event page and its IndexedDB.
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

/** Names nobody of the seed list: only the first stage runs here until the dossier changes. */
const BRIDGE = `<!doctype html><meta charset="utf-8"><title>Bridge</title>
<body><article><p>Zelda Quarry opened the new bridge over the river.</p></article></body>`;

/** A web component that renders its story into an open shadow root after load (shadow-changes.test.ts in Chromium). */
const COMPONENT = `<!doctype html><meta charset="utf-8"><title>Component</title><body>
<late-story></late-story>
<script>
customElements.define('late-story', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p id="body">Loading…</p>'; }
});
setTimeout(() => { document.querySelector('late-story').shadowRoot.getElementById('body').textContent = 'Later, Xi Jinping spoke to reporters.'; }, 1500);
</script></body>`;

const CARD_FRAME = /\/card\/card\.html/;
const NOTE_FRAME = /\/note\/note\.html/;

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
    server = await serve({ pages: { '/summit.html': PAGE, '/bridge.html': BRIDGE, '/component.html': COMPONENT } });
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
      // Pages read the switch from the first stage's record in storage.local, rewritten a moment after the reply.
      const recordSays = () =>
        options.evaluate(async () => (await (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, { diagnostics?: boolean } | undefined>> } } } }).browser.storage.local.get('firstStage')).firstStage?.diagnostics === true);
      for (let tries = 0; !(await recordSays()); tries++) {
        if (tries > 100) throw new Error('the first stage record never said diagnostics were on');
        await new Promise((done) => setTimeout(done, 100));
      }
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

  /** Dossier's elements on the page as the page sees them: children of <html> other than head and body. */
  const hostCount = (tab: FirefoxTab) => tab.evaluate(() => [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').length);

  async function expectHighlightsAndCard(tab: FirefoxTab): Promise<void> {
    await tab.waitFor('both person highlights', 30_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) >= 4);
    expect(new Set(await personTexts(tab))).toEqual(new Set(['Vladimir Putin', 'Xi Jinping']));
    const name = await centreOfText(tab, '#lead', 'Vladimir Putin');
    await tab.click(name.x, name.y);
    // The card is an extension page in a frame (moz-extension://, random per install); its data
    // comes from the background.
    let frame: FirefoxTab | null = null;
    await expect.poll(async () => (frame = await tab.frame(CARD_FRAME)) !== null, { timeout: 20_000, interval: 100 }).toBe(true);
    const read = () => frame!.evaluate(() => ({ text: document.body.innerText.replace(/\s+/g, ' '), label: document.querySelector('[role=dialog]')?.getAttribute('aria-label') ?? '' })).catch(() => ({ text: '', label: '' }));
    await expect.poll(async () => (await read()).text, { timeout: 20_000, interval: 100 }).toMatch(/Russian President.*Claims/i);
    expect((await read()).label).toBe('Vladimir Putin');
    // The page cannot read the frame, nor find its text.
    const seen = await tab.evaluate(() => {
      const reads = [...Array(window.frames.length).keys()].map((i) => {
        try {
          return window.frames[i]!.document.body.innerText;
        } catch {
          return 'blocked';
        }
      });
      return { reads, found: (window as unknown as { find(s: string): boolean }).find('Russian President'), iframes: document.querySelectorAll('iframe').length };
    });
    expect(seen.reads.every((r) => r === 'blocked')).toBe(true);
    expect(await frame!.evaluate(() => location.origin)).toMatch(/^moz-extension:\/\//);
    expect(seen).toMatchObject({ found: false, iframes: 0 });
    const size = await tab.evaluate(() => {
      const r = document.documentElement.lastElementChild!.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    expect(size.width).toBeGreaterThan(200);
    expect(size.height).toBeGreaterThan(60);
    await tab.pressKey('\uE00C'); // Escape
    // Closed: the card's frame is kept for the next open, hidden and inert (frame-host.ts, keep).
    await tab.waitFor('the card to close on Esc', 10_000, () =>
      [...document.documentElement.children].every((e) => e.localName === 'head' || e.localName === 'body' || getComputedStyle(e).visibility === 'hidden' || (e as HTMLElement).inert),
    );
  }

  it('highlights the people a page names and opens the card for a click on one', async () => {
    await inTab('/summit.html', expectHighlightsAndCard);
  }, 120_000);

  it('does the same on a page whose CSP forbids every script (the card frame is the add-on\'s, not the page\'s)', async () => {
    await inTab('/summit.html', expectHighlightsAndCard, strictServer!);
  }, 120_000);

  it("reads what a web component renders into its open shadow root after load, and opens the card for a click on it", async () => {
    await inTab('/component.html', async (tab) => {
      await tab.waitFor('the name the component rendered late', 30_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) >= 1);
      expect(await personTexts(tab)).toEqual(['Xi Jinping']);
      const point = await tab.evaluate(() => {
        const text = document.querySelector('late-story')!.shadowRoot!.getElementById('body')!.firstChild!;
        const range = document.createRange();
        const at = text.textContent!.indexOf('Xi Jinping');
        range.setStart(text, at);
        range.setEnd(text, at + 'Xi Jinping'.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      await tab.click(point.x, point.y);
      let frame: FirefoxTab | null = null;
      await expect.poll(async () => (frame = await tab.frame(CARD_FRAME)) !== null, { timeout: 20_000, interval: 100 }).toBe(true);
      await expect
        .poll(async () => frame!.evaluate(() => document.querySelector('[role=dialog]')?.getAttribute('aria-label') ?? '').catch(() => ''), { timeout: 20_000, interval: 100 })
        .toBe('Xi Jinping');
    });
  }, 120_000);

  it('saves a note typed into the note frame, which the page neither hears nor reads', async () => {
    await inTab('/summit.html', async (tab) => {
      await tab.waitFor('the person highlights', 30_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0);
      await tab.evaluate(() => {
        const heard: string[] = [];
        (window as unknown as { heard: string[] }).heard = heard;
        for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) window.addEventListener(type, (e) => heard.push(type + ':' + ((e as KeyboardEvent).key ?? '')), true);
        const text = document.getElementById('more')!.firstChild as Text;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 'Xi Jinping called'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await tab.pressKey('\uE008'); // Shift: the reader's own key ends the selection
      let button: { x: number; y: number } | null = null;
      await expect.poll(async () => (button = await tab.boxInShadowRoot('document.documentElement.lastElementChild', '[data-action=annotate]')) !== null, { timeout: 20_000, interval: 100 }).toBe(true);
      await tab.evaluate(() => ((window as unknown as { heard: string[] }).heard.length = 0));
      await tab.click(button!.x, button!.y);
      let frame: FirefoxTab | null = null;
      await expect.poll(async () => (frame = await tab.frame(NOTE_FRAME)) !== null, { timeout: 20_000, interval: 100 }).toBe(true);
      await expect.poll(() => frame!.evaluate(() => document.activeElement?.id ?? '').catch(() => ''), { timeout: 10_000, interval: 100 }).toBe('note');
      await tab.type('secret words');
      // Save: the button's place in the frame plus the frame's place on the page.
      const at = await frame!.evaluate(() => {
        const r = document.querySelector('[data-action=save]')!.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      const origin = await tab.evaluate(() => {
        const r = document.documentElement.lastElementChild!.getBoundingClientRect();
        return { x: r.left, y: r.top };
      });
      await tab.click(origin.x + at.x, origin.y + at.y);
      await tab.waitFor('the saved note painted', 20_000, () => [...CSS.highlights].some(([, h]) => [...h].some((r) => r instanceof Range && r.toString() === 'Xi Jinping called')));
      expect(await tab.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
      expect(await tab.evaluate(() => (window as unknown as { find(s: string): boolean }).find('secret words'))).toBe(false);
    });
  }, 120_000);

  it("shows the entity list on the options page and the page's people in the popup, and clears the reading history (background and IndexedDB)", async () => {
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
        // The reading history in Firefox's IndexedDB: the article's page kept, then cleared as the options page does.
        const ask = (type: string, payload: object) =>
          options.evaluate(
            async (args) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { pages: number } }> } } }).browser.runtime.sendMessage({ type: args.type, payload: args.payload }),
            { type, payload },
          );
        await expect.poll(async () => (await ask('history/summary', {})).value?.pages ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
        expect((await ask('history/clear', { range: 'all' })).value?.pages).toBeGreaterThan(0);
        expect((await ask('history/summary', {})).value?.pages).toBe(0);
      } finally {
        await options.close();
      }
    });
  }, 120_000);
  it('follows the site switch made elsewhere: the open page loses its highlights and gets them back, without a reload', async () => {
    await inTab('/summit.html', async (article) => {
      const people = () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0;
      await article.waitFor('the person highlights', 30_000, people);
      const host = await article.evaluate(() => location.hostname);
      const options = await firefox!.openExtensionPage('options/options.html');
      const setSite = (disabled: boolean) =>
        options.evaluate(async (args) => {
          const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
          return api.runtime.sendMessage({ type: 'site/set', payload: args });
        }, { host, disabled });
      try {
        await options.waitFor('the options page', 30_000, () => document.querySelector('[data-testid="entity-count"]') !== null);
        await setSite(true);
        await article.waitFor('no highlights once the site is off', 15_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 0);
        await setSite(false);
        await article.waitFor('the highlights back once the site is on', 15_000, people);
      } finally {
        await setSite(false).catch(() => undefined);
        await options.close();
      }
    });
  }, 120_000);
  it('follows the dossier changed elsewhere: a page that named nobody highlights an entity added, and loses it once deleted', async () => {
    await inTab('/bridge.html', async (page) => {
      await page.waitFor('the first stage to read the page', 30_000, () => performance.getEntriesByName('dossier:highlighted').length > 0);
      expect(await personTexts(page)).toEqual([]);
      const options = await firefox!.openExtensionPage('options/options.html');
      const send = (type: string, payload: unknown) =>
        options.evaluate(async (message) => {
          const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
          return api.runtime.sendMessage(message);
        }, { type, payload });
      try {
        await options.waitFor('the options page', 30_000, () => document.querySelector('[data-testid="entity-count"]') !== null);
        await send('entities/save', { entity: { name: 'Zelda Quarry', kind: 'person', aliases: [], context: 'Engineer' } });
        await page.waitFor('the added entity highlighted without a reload', 15_000, () => [...(CSS.highlights.get('dossier-person') ?? [])].some((r) => r.toString() === 'Zelda Quarry'));
        await send('entities/delete', { id: 'zelda-quarry' });
        await page.waitFor('its highlight gone once deleted', 15_000, () => (CSS.highlights.get('dossier-person')?.size ?? 0) === 0);
      } finally {
        await send('entities/delete', { id: 'zelda-quarry' }).catch(() => undefined);
        await options.close();
      }
    });
  }, 120_000);
  it('backs up and restores in the options page (it reads and fills the databases itself; the event page switches)', async () => {
    const options = await firefox!.openExtensionPage('options/options.html');
    try {
      await options.waitFor('the options page', 30_000, () => document.querySelector('[data-testid="restore-backup"]') !== null);
      const result = await options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ value: { counts: Record<string, number> } }> } } }).browser;
        const w = window as unknown as { __saved: Blob[] };
        w.__saved = [];
        // The download itself is not needed: the Blob handed to it is the file.
        URL.createObjectURL = (blob: Blob | MediaSource) => (w.__saved.push(blob as Blob), 'blob:kept');
        HTMLAnchorElement.prototype.click = () => undefined;
        window.confirm = () => true;
        const wait = async (done: () => boolean) => {
          for (let i = 0; i < 1200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
        };
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Download backup')!.click();
        await wait(() => w.__saved.length > 0);
        const base = JSON.parse(await w.__saved[0]!.text()) as { entities: { id: string }[]; sightings: unknown[] };
        const ids = base.entities.map((e) => e.id);
        base.sightings = Array.from({ length: 3000 }, (_, i) => ({ entityId: ids[i % ids.length], url: `https://news.example/${i}`, title: `Story ${i}`, time: 1_717_243_200_000 + i, count: 1 }));
        const input = document.querySelector<HTMLInputElement>('[data-testid="restore-backup"]')!;
        const picked = new DataTransfer();
        picked.items.add(new File([JSON.stringify(base)], 'backup.json', { type: 'application/json' }));
        input.files = picked.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await wait(() => /^(Restored|Nothing)/.test(document.querySelector('[data-testid="backup-status"]')?.textContent ?? '') && !input.disabled);
        const status = document.querySelector('[data-testid="backup-status"]')?.textContent ?? '';
        const counts = (await api.runtime.sendMessage({ type: 'backup/export', payload: {} })).value.counts;
        return { status, sightings: counts.sightings, entities: counts.entities, before: ids.length };
      });
      expect(result.status).toMatch(/^Restored \d+ entities, .* 3000 sightings\.$/);
      expect(result).toMatchObject({ sightings: 3000, entities: result.before });
    } finally {
      await options.close();
    }
  }, 120_000);
});
