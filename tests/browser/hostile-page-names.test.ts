// Issue 11, item 5: nothing to see where nothing is painted. A page's own script, written the way
// a tracker fingerprints extensions, watches <html> with a MutationObserver from its first moment,
// enumerates CSS.highlights and document.adoptedStyleSheets, and makes a scripted selection. On a
// page that names nobody of the list it must find no trace of Dossier at all; on a page that does
// name someone, the names it finds must not say "dossier" and must differ from page to page.
// Diagnostics stay off here, as they are by default (readable names are a diagnostics feature).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { boxOfText } from './extension-helpers';

if (SKIP_REASON) console.warn(`hostile-page-names.test.ts: ${SKIP_REASON}`);

const paragraph = (n: number) =>
  `<p>${n}. The weather office said on Thursday that the cold spell over the northern valleys would last into next week, ` +
  `with frost expected on the higher roads and light snow on the passes, before milder air arrives from the west.</p>`;
const NOBODY = `<!doctype html><html><head><meta charset="utf-8"><title>Cold spell</title></head><body><article><h1>Cold spell to last</h1>${Array.from({ length: 8 }, (_, i) => paragraph(i)).join('')}</article></body></html>`;
const SOMEBODY = `<!doctype html><html><head><meta charset="utf-8"><title>Summit</title></head><body><article>
<p id="lead">Vladimir Putin arrived in Beijing on Thursday for talks with Xi Jinping.</p></article></body></html>`;
/** Every tag the pages above are written with: anything else in the DOM was put there by someone else. */
const PAGE_TAGS = new Set(['html' /* the doctype */, 'HTML', 'HEAD', 'META', 'TITLE', 'BODY', 'ARTICLE', 'H1', 'P', '#text']);

/** The page's own probe, installed before any other script runs. */
async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { added: [] as string[], attributes: [] as string[] };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') for (const n of r.addedNodes) seen.added.push(n.nodeName);
        else seen.attributes.push(`${r.target.nodeName}@${r.attributeName}`);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

interface Findings {
  highlights: string[];
  sheets: string[];
  added: string[];
  attributes: string[];
  customElements: string[];
}

/** What the page's script can learn right now. */
function probe(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const seen = (window as unknown as { seen: { added: string[]; attributes: string[] } }).seen;
    return {
      highlights: [...CSS.highlights.keys()],
      sheets: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      added: [...new Set(seen.added)],
      attributes: seen.attributes,
      customElements: [...document.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).filter((t) => t.includes('-')),
    };
  });
}

describe.skipIf(SKIP_REASON !== null)('what a page can see of Dossier', () => {
  const ext = useExtensionBrowser({ diagnostics: false, pages: { '/nobody.html': NOBODY, '/somebody.html': SOMEBODY } });

  it('on a page that names nobody: no highlight, no style sheet, no element, no attribute, even after a scripted selection', async () => {
    await ext.inTab(
      '/nobody.html',
      'page-names-nobody',
      async (page) => {
        // Dossier ran here: the popup's question is answered once the page is scanned.
        // (It answers "disabled" until its start-up question to the background is answered.)
        const tabId = await ext.tabIdOf(page);
        await expect
          .poll(() => ext.sendToTab(tabId, { type: 'page/found', payload: {} }), { timeout: 15_000 })
          .toMatchObject({ ok: true, value: { disabled: false, findings: [] } });
        // Past the idle work (annotations after 1 s idle, the card's code after 2 s).
        await page.waitForTimeout(3_000);
        // A scripted selection, as a page script makes one (no reader, no event).
        await page.evaluate(() => {
          window.getSelection()!.selectAllChildren(document.querySelector('article')!);
          (window as unknown as { find(text: string): boolean }).find('northern valleys');
        });
        await page.waitForTimeout(1_500);
        const seen = await probe(page);
        expect(seen.highlights).toEqual([]);
        expect(seen.sheets).toEqual([]);
        expect(seen.customElements).toEqual([]);
        expect(seen.attributes).toEqual([]);
        expect(seen.added.filter((tag) => !PAGE_TAGS.has(tag))).toEqual([]);
      },
      { prepare: installProbe },
    );
  }, 60_000);

  it('on a page that names someone: highlight and element names that say nothing of Dossier and change per page', async () => {
    const namesOf = async (): Promise<{ highlights: string[]; attributes: string[]; host: string }> => {
      const page = await ext.browser.context.newPage();
      await installProbe(page);
      await page.goto(ext.url('/somebody.html'));
      // Our highlight, found the way the page would: a registered Highlight holding the name.
      await page.waitForFunction(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString() === 'Vladimir Putin')), undefined, { timeout: 15_000, polling: 50 });
      const seen = await probe(page);
      expect(seen.highlights.length).toBeGreaterThan(0);
      expect(seen.sheets.length).toBeGreaterThan(0);
      for (const text of [...seen.highlights, ...seen.sheets]) expect(text).not.toMatch(/dossier/i);
      // The attribute our colours hang from (painted-elements.ts), on the name's paragraph.
      const attributes = [...new Set(seen.attributes.filter((a) => a.startsWith('P@data-')).map((a) => a.slice(2)))];
      expect(attributes).toHaveLength(1);
      expect(attributes[0]).not.toMatch(/dossier/i);
      // The reader clicks the name: the card's host element appears, under a name of this page only.
      const box = await boxOfText(page, '#lead', 'Vladimir Putin');
      await page.mouse.click(box.x, box.y);
      await page.waitForFunction(() => [...document.documentElement.children].some((e) => e.tagName.includes('-')), undefined, { timeout: 15_000, polling: 50 });
      const host = (await probe(page)).customElements[0]!;
      expect(host).not.toMatch(/dossier/i);
      expect(await page.evaluate(() => document.querySelector('dossier-card'))).toBeNull();
      await page.close();
      return { highlights: seen.highlights, attributes, host };
    };
    const first = await namesOf();
    const second = await namesOf();
    expect(second.host).not.toBe(first.host);
    expect(second.highlights.filter((name) => first.highlights.includes(name))).toEqual([]);
    expect(second.attributes).not.toEqual(first.attributes);
  }, 90_000);
});
