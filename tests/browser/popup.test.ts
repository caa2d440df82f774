// The toolbar popup with the real extension: it lists what the content script found on a news
// page, and a click on a name scrolls the page to it. popup.html is opened in a tab of its own,
// so it is told which tab to talk to with `?tab=<id>` (see src/ui/shared/target-tab.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CHROMIUM_PATH, launchWithExtension, tabIdOf as harnessTabIdOf, type ExtensionBrowser } from './harness';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NEEDED = ['src/background/index.ts', 'src/content/index.ts', 'src/ui/popup/index.tsx'];
const missing = [CHROMIUM_PATH, ...NEEDED.map((f) => join(root, f))].filter((f) => !existsSync(f));
if (missing.length > 0) console.warn(`popup.test.ts skipped: missing ${missing.join(', ')}`);

/** Builds the Chrome extension into a temp folder, so parallel runs never share dist/. */
async function buildExtension(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'dossier-popup-ext-'));
  const entries: { in: string; out: string }[] = [
    { in: 'src/background/index.ts', out: 'background.js' },
    { in: 'src/content/index.ts', out: 'content.js' },
    { in: 'src/ui/popup/index.tsx', out: 'popup/popup.js' },
  ];
  await Promise.all(
    entries.map((e) =>
      esbuild.build({
        entryPoints: [join(root, e.in)],
        outfile: join(out, e.out),
        bundle: true,
        format: 'iife',
        target: ['chrome120'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        define: { 'process.env.NODE_ENV': '"development"', __BROWSER__: '"chrome"' },
        logLevel: 'silent',
      }),
    ),
  );
  for (const f of ['popup.html', 'popup.css']) cpSync(join(root, 'src/ui/popup', f), join(out, 'popup', f));
  cpSync(join(root, 'icons'), join(out, 'icons'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.options_ui;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, background: { service_worker: 'background.js' } }));
  return out;
}

function articlePage(): string {
  const text = readFileSync('/work/shared/seed/article.txt', 'utf8');
  const paras = text
    .split(/\n+/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  // A tall lead-in, so that revealing a mention has to scroll.
  return `<!doctype html><html><head><meta charset="utf-8"><title>Seed article</title></head>
<body><div style="height:4000px">Lead-in</div><article>${paras}</article></body></html>`;
}

describe.skipIf(missing.length > 0)('popup with the built extension', () => {
  let server: Server;
  let browser: ExtensionBrowser;
  let context: BrowserContext;
  let worker: Worker;
  let extDir = '';
  let base = '';
  let extensionId = '';

  beforeAll(async () => {
    extDir = await buildExtension();
    const html = articlePage();
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchWithExtension(extDir);
    ({ context, serviceWorker: worker, extensionId } = browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    if (extDir) rmSync(extDir, { recursive: true, force: true });
  });

  async function tabIdOf(page: Page): Promise<number> {
    return harnessTabIdOf(worker, page);
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await context.newPage();
    onTestFailed(async () => {
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await popup.screenshot({ path: join(root, 'test-results', `popup-${tabId}.png`) }).catch(() => undefined);
    });
    await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}`);
    return popup;
  }

  it('lists the entities of the page and scrolls to the one clicked', async () => {
    const article = await context.newPage();
    await article.goto(`${base}/article`);
    const tabId = await tabIdOf(article);
    // The content script scans at document_idle; the popup may open before it has finished.
    const popup = await openPopup(tabId);
    await expect
      .poll(async () => {
        if (await popup.getByRole('button', { name: /^Vladimir Putin, \d+ mentions/ }).count()) return true;
        await popup.reload();
        return false;
      }, { timeout: 30_000, interval: 1_000 })
      .toBe(true);
    await expect(popup.getByRole('heading', { name: /People/ }).count()).resolves.toBe(1);
    await expect(popup.getByRole('heading', { name: /Places/ }).count()).resolves.toBe(1);
    await expect(popup.getByRole('switch', { name: 'Off on 127.0.0.1' }).count()).resolves.toBe(1);

    expect(await article.evaluate(() => window.scrollY)).toBe(0);
    const closed = popup.waitForEvent('close', { timeout: 10_000 }).then(() => true, () => false);
    await popup.getByRole('button', { name: /^Vladimir Putin, / }).click();
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(3000);
    expect(await closed, 'the popup closes after a reveal').toBe(true);
    // The reveal also opens the card beside the mention.
    await expect.poll(() => article.evaluate(() => document.querySelector('dossier-card') !== null), { timeout: 10_000 }).toBe(true);
    await article.close();
  });

  it('switches Dossier off for the site, and remembers it', async () => {
    const article = await context.newPage();
    await article.goto(`${base}/switch`);
    const tabId = await tabIdOf(article);
    const popup = await openPopup(tabId);
    const off = popup.getByRole('switch', { name: 'Off on 127.0.0.1' });
    await off.waitFor({ timeout: 30_000 });
    expect(await off.isChecked()).toBe(false);
    await off.check();
    await popup.getByText('Dossier is off on this site.').waitFor({ timeout: 10_000 });
    const again = await openPopup(tabId);
    await again.getByText('Dossier is off on this site.').waitFor({ timeout: 10_000 });
    expect(await again.getByRole('switch', { name: 'Off on 127.0.0.1' }).isChecked()).toBe(true);
    // And back on, so the other tests see the site enabled.
    await again.getByRole('switch', { name: 'Off on 127.0.0.1' }).uncheck();
    await again.getByRole('button', { name: /^Vladimir Putin, / }).waitFor({ timeout: 30_000 });
    for (const p of [popup, again, article]) await p.close();
  });

  it('searches the whole dossier as the user types', async () => {
    const article = await context.newPage();
    await article.goto(`${base}/search`);
    const popup = await openPopup(await tabIdOf(article));
    await popup.getByRole('searchbox', { name: 'Search your dossier' }).fill('Lavrov');
    await popup.locator('.results').getByText('Sergey Lavrov').first().waitFor({ timeout: 10_000 });
    await popup.getByRole('searchbox', { name: 'Search your dossier' }).fill('zzzzqqq');
    await popup.getByText('Nothing in your dossier matches').waitFor({ timeout: 10_000 });
    await popup.close();
    await article.close();
  });

  it('says so on a page where Dossier does not run', async () => {
    const blank = await context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopup(await tabIdOf(blank));
    await expect(popup.getByText('Dossier does not run on this page.').waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    await popup.close();
    await blank.close();
  });
});
