// `npm run screenshots`: the README's pictures, made from the real extension (dist/chrome, built
// first by the npm script) in a fresh Chromium profile, so they show what a user gets today:
// the card on the seed article, the popup, the review page and the options page.
//   node scripts/screenshots.mjs            → docs/screenshots/{card,popup,review,options}.png
//   node scripts/screenshots.mjs --corpus   → test-results/look/*.png: highlights on real news
//     pages of ../shared/corpus, light and dark (a dark theme forced over the page), for a person
//     to look at; nothing is asserted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist/chrome');
const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const corpusMode = process.argv.includes('--corpus');
const corpusDir = join(root, '..', 'shared', 'corpus');

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const seedLines = readFileSync(join(root, 'src/data/seed-article.txt'), 'utf8').split(/\n+/).filter((l) => l.trim() !== '');
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(seedLines[0])}</title>
<style>body{margin:0;background:#fff;color:#1a1a1a;font:19px/1.6 Georgia,serif}article{max-width:680px;margin:40px auto;padding:0 24px}h1{font:700 34px/1.2 Georgia,serif}</style>
</head><body><article><h1>${escapeHtml(seedLines[0])}</h1>${seedLines.slice(1).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}</article></body></html>`;

/** Pages of the corpus that name people of the seed list; the first two are also shown dark. */
const CORPUS_PAGES = ['washex-beijing', 'cbsnews-impeachment', 'guardian-1', 'bbc-1'];
const DARK_THEME = 'html, body, body * { background-color: #121212 !important; color: #e8e8e8 !important; border-color: #444 !important }';

function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const corpus = /^\/corpus\/([\w-]+)$/.exec(path);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (path === '/article') return res.end(ARTICLE);
    if (corpus && existsSync(join(corpusDir, corpus[1], 'source.html'))) return res.end(readFileSync(join(corpusDir, corpus[1], 'source.html')));
    res.statusCode = 404;
    res.end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'dossier-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    deviceScaleFactor: 1,
    // The forced dark theme of --corpus is an inline style: a page's own CSP would refuse it.
    bypassCSP: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/** Without the "tabs" permission tab URLs are hidden: the page is brought to the front and the active tab taken. */
async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(() => chrome.tabs.query({ active: true }).then((tabs) => tabs[0]?.id));
}
const sendToTab = (worker, tabId, message) => worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m, { frameId: 0 }), [tabId, message]);
const waitForHighlights = (page) => page.waitForFunction(() => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, null, { timeout: 30_000 });

async function readmePictures(browser, origin) {
  const out = join(root, 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${origin}/article`);
  await waitForHighlights(page);
  const tabId = await tabIdOf(browser.worker, page);
  await sendToTab(browser.worker, tabId, { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
  await page.waitForSelector('dossier-card', { timeout: 10_000 });
  await page.waitForTimeout(1500); // the card's data arrives
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.screenshot({ path: join(out, 'card.png') });

  const ext = (path) => `chrome-extension://${browser.extensionId}/${path}?tab=${tabId}`;
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height: 600 });
  await popup.goto(ext('popup/popup.html'));
  await popup.waitForSelector('.finding', { timeout: 30_000 });
  await popup.screenshot({ path: join(out, 'popup.png') });

  const review = await browser.context.newPage();
  await review.setViewportSize({ width: 1000, height: 900 });
  await review.goto(ext('review/review.html'));
  await review.getByRole('button', { name: 'Add to my dossier' }).waitFor({ timeout: 60_000 });
  await review.waitForTimeout(500);
  await review.screenshot({ path: join(out, 'review.png') });

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.getByRole('button', { name: /^Edit/ }).first().waitFor({ timeout: 15_000 });
  await options.screenshot({ path: join(out, 'options.png') });
  console.log(`wrote ${['card', 'popup', 'review', 'options'].map((n) => `docs/screenshots/${n}.png`).join(', ')}`);
}

async function corpusLook(browser, origin) {
  if (!existsSync(corpusDir)) return console.log(`skipped: ${corpusDir} is absent`);
  const out = join(root, 'test-results/look');
  mkdirSync(out, { recursive: true });
  for (const [i, name] of CORPUS_PAGES.entries()) {
    for (const dark of i < 2 ? [false, true] : [false]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      await page.goto(`${origin}/corpus/${name}`, { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => {});
      if (dark) await page.addStyleTag({ content: DARK_THEME });
      const found = await waitForHighlights(page).then(() => true, () => false);
      // To the first claim lead, else the first person.
      await page.evaluate(() => {
        const first = [...(CSS.highlights.get('dossier-claim-lead') ?? [])][0] ?? [...(CSS.highlights.get('dossier-person') ?? [])][0];
        first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      });
      await page.waitForTimeout(600);
      const file = join(out, `${name}${dark ? '-dark' : ''}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}${found ? '' : ' (no highlights)'}`);
      await page.close();
    }
  }
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  if (corpusMode) await corpusLook(browser, origin);
  else await readmePictures(browser, origin);
} finally {
  await browser.close();
  server.close();
}
