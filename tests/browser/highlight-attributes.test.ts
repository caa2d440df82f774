// What our highlights hang from (src/content/highlight/painted-elements.ts): in Chromium the
// ::highlight rules reach only elements carrying our attribute, so adding them restyles those
// elements, not the whole page (a 20 MB article: one task of ~250 ms before). Checked here as a
// reader and a page see it: names painted, in light DOM and in an open shadow root; the attribute
// on the few elements holding painted names and nowhere else; put back when a page strips it;
// gone when Dossier stops on the page. (The Diagnostics switch is on: the readable names.)
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, reloadExtension, waitForPage } from './harness';
import { highlightPaintInPage } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const MARK = 'data-dossier-mark';
const BARE = 'rgba(0, 0, 0, 0)';
const FILLER = Array.from({ length: 30 }, (_, i) => `<p>Filler paragraph ${i}: the gardens stayed quiet all afternoon.</p>`).join('\n');
const PAGE = `<!doctype html><meta charset="utf-8"><title>Marked</title><body><article>
<p id="light">The talks in <b>Beijing</b> went on late.</p>
<x-quote id="host"></x-quote>
${FILLER}
</article>
<script>
customElements.define('x-quote', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>In the shadow, Vladimir Putin spoke.</p>'; }
});
</script></body>`;

/** Where each painted name's text is, and what our rule paints there. */
function paintedNames(): { text: string; paint: string; holder: string }[] {
  const out: { text: string; paint: string; holder: string }[] = [];
  for (const name of ['dossier-person', 'dossier-place']) {
    for (const range of CSS.highlights.get(name) ?? []) {
      const element = (range as Range).startContainer.parentElement!;
      const root = element.getRootNode();
      out.push({
        text: (range as Range).toString(),
        paint: getComputedStyle(element, `::highlight(${name})`).backgroundColor,
        holder: root instanceof ShadowRoot ? `shadow of ${root.host.localName}` : element.localName,
      });
    }
  }
  return out.sort((a, b) => a.text.localeCompare(b.text));
}

describe.skipIf(SKIP_REASON !== null)('the elements our highlights hang from', () => {
  const ext = useExtensionBrowser({ pages: { '/marked.html': PAGE } });

  it('paints names in the page and in an open shadow root, marking only the elements that hold them', async () => {
    const page = await ext.openWithHighlights('/marked.html');
    await waitForPage(page, () => (CSS.highlights.get('dossier-place')?.size ?? 0) > 0 && (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'both names');
    const names = await page.evaluate(paintedNames);
    expect(names.map((n) => [n.text, n.holder])).toEqual([
      ['Beijing', 'b'],
      ['Vladimir Putin', 'shadow of x-quote'],
    ]);
    for (const name of names) expect(name.paint, `${name.text} is painted`).not.toBe(BARE);
    // The attribute is on the name's element and, for the shadow, on its host: nowhere else.
    const marked = await page.evaluate((attribute) => [...document.querySelectorAll(`[${attribute}]`)].map((e) => e.localName).sort(), MARK);
    expect(marked).toEqual(['b', 'x-quote']);
    // The words around the names take no tint.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#light')!, '::highlight(dossier-place)').backgroundColor)).toBe(BARE);
    await page.close();
  });

  it('paints again a name whose attribute the page stripped, at the next change of the page', async () => {
    const page = await ext.openWithHighlights('/marked.html');
    await waitForPage(page, () => (CSS.highlights.get('dossier-place')?.size ?? 0) > 0, 'Beijing highlighted');
    expect(await page.evaluate(highlightPaintInPage, ['dossier-place', 0] as const)).not.toBe(BARE);
    await page.evaluate((attribute) => {
      for (const element of document.querySelectorAll(`[${attribute}]`)) element.removeAttribute(attribute);
    }, MARK);
    // The control: without the attribute, no rule reaches the name.
    expect(await page.evaluate(highlightPaintInPage, ['dossier-place', 0] as const)).toBe(BARE);
    await page.evaluate(() => document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'Later, more talks.' })));
    await waitForPage(page, () => {
      const range = [...(CSS.highlights.get('dossier-place') ?? [])][0] as Range | undefined;
      return !!range && getComputedStyle(range.startContainer.parentElement!, '::highlight(dossier-place)').backgroundColor !== 'rgba(0, 0, 0, 0)';
    }, 'Beijing painted again');
    await page.close();
  });

  it('leaves no attribute behind when it stops on the page (the extension reloaded)', async () => {
    const page = await ext.openWithHighlights('/marked.html');
    await waitForPage(page, () => (CSS.highlights.get('dossier-person')?.size ?? 0) > 0, 'Putin highlighted');
    expect(await page.evaluate((attribute) => document.querySelectorAll(`[${attribute}]`).length, MARK)).toBeGreaterThan(0);
    await reloadExtension(ext.browser);
    await page.waitForTimeout(500);
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Xi Jinping again.' })));
    await waitForPage(page, () => !CSS.highlights.has('dossier-person'), 'highlights removed by the orphan');
    expect(await page.evaluate((attribute) => document.querySelectorAll(`[${attribute}]`).length, MARK)).toBe(0);
    await page.close();
  }, 60_000);
});
