#!/usr/bin/env node
// Cost of the quote harvest's Readability pass (clone + parse + text) on real corpus pages, as
// the built content script measures it in Chromium ("dossier:harvest-readability"), next to the
// time to the first highlights ("dossier:highlighted"). Run after `node build.mjs`:
//   node tests/bench/harvest-cost.mjs [slug ...]      default: the five largest corpus pages
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = resolve(root, '../shared/corpus');
const extension = join(root, 'dist/chrome');
if (!existsSync('/usr/bin/chromium') || !existsSync(corpus) || !existsSync(join(extension, 'manifest.json'))) {
  console.error('needs /usr/bin/chromium, ../shared/corpus and a built dist/chrome');
  process.exit(2);
}
const slugs = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : readdirSync(corpus)
      .filter((s) => existsSync(join(corpus, s, 'source.html')))
      .sort((a, b) => statSync(join(corpus, b, 'source.html')).size - statSync(join(corpus, a, 'source.html')).size)
      .slice(0, 5);

const server = createServer((req, res) => {
  const slug = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).split('/')[1] ?? '';
  const file = join(corpus, slug, 'source.html');
  if (!slugs.includes(slug) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;
const profile = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
// Our timings (dossier:*) are on the page's timeline only with the options page's diagnostics on.
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const options = await context.newPage();
await options.goto(`chrome-extension://${new URL(worker.url()).host}/options/options.html`);
await options.evaluate(() => chrome.runtime.sendMessage({ type: 'settings/diagnostics/set', payload: { on: true } }));
await options.close();
// Block the pages' own scripts, images and fonts from the network: only the HTML is measured.
await context.route(/^(?!http:\/\/127\.0\.0\.1|chrome-extension:)/, (route) => route.abort()); // the extension's chunks pass
console.log('| page | HTML KB | to highlights ms | readability pass ms | readable |');
console.log('|---|---:|---:|---:|---|');
for (const slug of slugs) {
  const page = await context.newPage();
  await page.goto(`${origin}/${slug}/`, { waitUntil: 'load' });
  const result = await page
    .waitForFunction(
      () => {
        const highlighted = performance.getEntriesByName('dossier:highlighted')[0];
        const pass = performance.getEntriesByName('dossier:harvest-readability')[0];
        const done = performance.getEntriesByName('dossier:harvested')[0];
        if (!highlighted || (!done && !pass)) return null;
        if (pass && !done) return null;
        return { highlighted: highlighted.startTime - (performance.getEntriesByName('dossier:start')[0]?.startTime ?? 0), pass: pass?.duration ?? -1 };
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  const kb = Math.round(statSync(join(corpus, slug, 'source.html')).size / 1024);
  if (!result) console.log(`| ${slug} | ${kb} | ? | not readable or timed out | no |`);
  else console.log(`| ${slug} | ${kb} | ${result.highlighted.toFixed(0)} | ${result.pass.toFixed(1)} | ${result.pass >= 0 ? 'yes' : 'no'} |`);
  await page.close();
}
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();
