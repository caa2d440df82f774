// A real saved news page (CBS News on the impeachment hearings, ../shared/corpus) in Chromium with
// the built extension: the names a reader expects are highlighted, and the US National Security
// Council is not taken for the UN Security Council. The page's own scripts are switched off by a
// CSP header (a saved page's scripts would only fail offline); content scripts are not subject to
// the page's CSP, so Dossier runs as it would on the live site.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SKIP_REASON, highlightTexts, launchWithExtension, waitForPage, withScreenshotOnFailure, type ExtensionBrowser } from './harness';

const CORPUS_PAGE = join(ROOT, '../shared/corpus/cbsnews-impeachment/source.html');
const SKIP = SKIP_REASON ?? (existsSync(CORPUS_PAGE) ? null : `extension-corpus tests skipped: ${CORPUS_PAGE} is absent`);
if (SKIP) console.warn(SKIP);

/** A control page: the UN body named outright, next to the US one. */
const CONTROL_PAGE = `<!doctype html><meta charset="utf-8"><title>Control</title><body>
<p id="un">Russia and China hold vetoes on the UN Security Council, and the Security Council met on Monday.</p>
<p id="us">Tim Morrison, a former National Security Council official, spoke about Vladimir Putin.</p></body>`;

/** Serves `pages` (path → HTML) with page scripts forbidden. */
async function serveWithoutScripts(pages: Record<string, () => string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
    res.end(page());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Organisation highlights whose text is "Security Council" preceded by "National" (or "Homeland",
 * "Russian"…: any capitalised word other than UN/U.N./the): the UN alias matched inside a
 * national body's name.
 */
function securityCouncilMisreads(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const range of CSS.highlights.get('dossier-organisation') ?? []) {
      if (!(range instanceof Range) || range.toString() !== 'Security Council') continue;
      const before = (range.startContainer.textContent ?? '').slice(0, range.startOffset);
      const word = /([\p{L}.]+)\s+$/u.exec(before)?.[1] ?? '';
      if (/^\p{Lu}/u.test(word) && !['UN', 'U.N.', 'The'].includes(word)) bad.push(`${word} Security Council`);
    }
    return bad;
  });
}

describe.skipIf(SKIP !== null)('the extension on a saved CBS News page', () => {
  let browser: ExtensionBrowser;
  let server: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    browser = await launchWithExtension();
    server = await serveWithoutScripts({ '/cbs.html': () => readFileSync(CORPUS_PAGE, 'utf8'), '/control.html': () => CONTROL_PAGE });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights Ukraine and Zelenskyy, and does not take the National Security Council for the UN body', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/cbs.html`, { waitUntil: 'domcontentloaded' });
    await withScreenshotOnFailure(page, 'extension-corpus-cbs', async () => {
      await waitForPage(page, () => (CSS.highlights.get('dossier-place')?.size ?? 0) > 0, 'place highlights', 20_000);
      // The text is in the page: the check below is about Dossier, not a page that failed to load.
      expect(await page.evaluate(() => document.body.innerText.includes('National Security Council'))).toBe(true);
      const places = await highlightTexts(page, 'place');
      const people = await highlightTexts(page, 'person');
      console.log(`cbsnews-impeachment: ${places.filter((t) => t === 'Ukraine').length} × Ukraine, ${people.filter((t) => /Zelensk/.test(t)).length} × Zelensky(y), organisations: ${JSON.stringify([...new Set(await highlightTexts(page, 'organisation'))])}`);
      expect(places).toContain('Ukraine');
      expect(people.filter((t) => /^(Volodymyr )?Zelenskyy?$/.test(t)).length).toBeGreaterThan(0);
      expect(await securityCouncilMisreads(page)).toEqual([]);
      const organisations = await highlightTexts(page, 'organisation');
      expect(organisations.filter((t) => /Security Council/.test(t))).toEqual([]);
    });
    await page.close();
  }, 90_000);

  it('still highlights the UN Security Council where a page names it (the check above can fail)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/control.html`);
    await withScreenshotOnFailure(page, 'extension-corpus-control', async () => {
      await waitForPage(page, () => (CSS.highlights.get('dossier-organisation')?.size ?? 0) > 0, 'organisation highlights');
      const organisations = await highlightTexts(page, 'organisation');
      expect(organisations).toEqual(expect.arrayContaining(['UN Security Council', 'Security Council']));
      expect(await securityCouncilMisreads(page)).toEqual([]);
      // And the misread detector does flag a "Security Council" range after "National".
      const flagged = await page.evaluate(() => {
        const text = document.getElementById('us')!.firstChild as Text;
        const at = text.data.indexOf('Security Council');
        const range = new Range();
        range.setStart(text, at);
        range.setEnd(text, at + 'Security Council'.length);
        CSS.highlights.get('dossier-organisation')!.add(range);
        return true;
      });
      expect(flagged).toBe(true);
      expect(await securityCouncilMisreads(page)).toEqual(['National Security Council']);
    });
    await page.close();
  }, 60_000);
});
