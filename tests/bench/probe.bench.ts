import { readFileSync } from 'node:fs';
import { launchWithExtension, serve } from '../browser/harness';
import { startTrace, stopTrace } from './lib/trace';
const b = await launchWithExtension();
const article = readFileSync('/work/main/src/data/seed-article.txt', 'utf8');
const html = `<!doctype html><meta charset=utf-8><body>${article.split('\n').map((l) => `<p>${l}</p>`).join('')}</body>`;
const s = await serve({ pages: { '/a.html': html } });
const page = await b.context.newPage();
const cdp = await page.context().newCDPSession(page);
await startTrace(cdp);
await page.goto(s.url('/a.html'));
await page.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 20000 });
console.log(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
const ev = await stopTrace(cdp);
const prefix = `chrome-extension://${b.extensionId}/`;
const names = new Map<string, number>();
for (const e of ev) {
  const j = JSON.stringify(e.args ?? {});
  if (j.includes(prefix)) names.set(e.name, (names.get(e.name) ?? 0) + 1);
}
console.log(names);
const runMicro = ev.filter((e) => e.name === 'RunMicrotasks' || e.name === 'FunctionCall').slice(0, 3);
console.log(JSON.stringify(runMicro).slice(0, 1500));
await b.close(); await s.close();
