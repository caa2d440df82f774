// The keyboard commands in a windowed Chromium (under Xvfb) with a fresh profile, as a new user
// gets them: chrome.commands.getAll() reports every suggested key as bound (Chromium leaves a
// suggested key unbound when it holds it itself: Alt+Shift+N/P/A were), and pressing them, as
// real X key events, moves to the next and previous highlight and opens its card, and annotates
// the selection.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionArgs } from '../../src/cli/start/chromium';
import { cardIsOpen, focusedInNote } from './frame-helpers';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { CHROMIUM_PATH, EXTENSION_DIR, ROOT, SKIP_REASON, serve, tabIdOf, withScreenshotOnFailure, type StaticServer } from './harness';
import { XVFB_SKIP_REASON, startVirtualDisplay, type VirtualDisplay } from './xvfb';

const skip = SKIP_REASON ?? XVFB_SKIP_REASON;
if (skip) console.warn(`commands-headed.test.ts: ${skip}`);

interface Manifest {
  commands: Record<string, { suggested_key: { default: string } }>;
}

/** "Alt+Shift+Period" → xdotool's "alt+shift+period". */
const xdotoolKeys = (suggested: string): string => suggested.toLowerCase();

describe.skipIf(skip !== null)('keyboard commands in a windowed Chromium, fresh profile', () => {
  let x: VirtualDisplay;
  let context: BrowserContext;
  let worker: Worker;
  let server: StaticServer;
  let profile: string;
  const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;

  beforeAll(async () => {
    x = await startVirtualDisplay();
    server = await serve({ pages: { '/article': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' }) } });
    profile = mkdtempSync(join(tmpdir(), 'dossier-headed-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: false,
      env: { ...process.env, DISPLAY: x.display },
      args: [...extensionArgs(EXTENSION_DIR), '--disable-gpu', '--window-position=0,0', '--window-size=1280,900'],
      viewport: null,
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    x?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('binds every suggested key', async () => {
    const bound = await worker.evaluate(() => {
      type Command = { name?: string; shortcut?: string };
      const { chrome } = globalThis as unknown as { chrome: { commands: { getAll(): Promise<Command[]> } } };
      return chrome.commands.getAll().then((all) => Object.fromEntries(all.map((c) => [c.name ?? '', c.shortcut ?? ''])));
    });
    for (const [name, { suggested_key }] of Object.entries(manifest.commands)) {
      expect(bound[name], `${name} (suggested ${suggested_key.default})`).toBe(suggested_key.default);
    }
  });

  /** Whether a card is open on the page. */
  const cardOpen = async (page: Page) => cardIsOpen(page);

  it('next and previous highlight open the card, and the annotate key opens the note form on the selection', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url('/article'));
    await withScreenshotOnFailure(page, 'commands-headed', async () => {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      await page.bringToFront();
      // Real focus for the window: a click on the page's text (no highlight there).
      x.click(640, 20);
      expect(await cardOpen(page)).toBe(false);
      x.press(xdotoolKeys(manifest.commands['next-mention']!.suggested_key.default));
      await expect.poll(() => cardOpen(page), { timeout: 10_000 }).toBe(true);
      // The card follows the keys: next, next, previous lands on the second mention's card.
      const scrolled = () => page.evaluate(() => window.scrollY);
      x.press(xdotoolKeys(manifest.commands['next-mention']!.suggested_key.default));
      x.press(xdotoolKeys(manifest.commands['previous-mention']!.suggested_key.default));
      await page.waitForTimeout(500);
      expect(await cardOpen(page)).toBe(true);
      expect(await scrolled()).toBeGreaterThanOrEqual(0);
      // Annotate: select a passage and press the key; the note form opens.
      await page.keyboard.press('Escape');
      await page.evaluate(() => {
        const p = document.querySelectorAll('article p')[1]!;
        const range = document.createRange();
        range.selectNodeContents(p.firstChild!);
        range.setEnd(p.firstChild!, Math.min(40, (p.firstChild as Text).length));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      const tabId = await tabIdOf(worker, page);
      expect(tabId).toBeGreaterThan(0);
      x.press(xdotoolKeys(manifest.commands['annotate-selection']!.suggested_key.default));
      // The note form opens with the keyboard in its note field.
      await expect.poll(() => focusedInNote(page), { timeout: 10_000 }).toMatchObject({ role: 'textbox', name: 'Note' });
    });
  });
});
