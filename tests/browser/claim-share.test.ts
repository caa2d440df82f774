// How much of the seed article's text carries claim marking: the whole claim sentences (what the
// old look tinted and underlined: 59% of the text) against what is painted now, the claims' first
// words (calm-claims.ts). Printed, and held to a ceiling so the page keeps reading as a page.
//   npx vitest run --project browser tests/browser/claim-share.test.ts
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON, acrossThePage, waitForHighlights } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`claim-share.test.ts: ${SKIP_REASON}`);

/** Runs in the page: "highlight|text node|start|end" for every painted claim range there. */
function claimPieces(): string[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const out: string[] = [];
  for (const name of ['dossier-claim', 'dossier-claim-lead']) {
    for (const r of CSS.highlights.get(name) ?? []) {
      if (!(r instanceof Range)) continue;
      nodes.forEach((n, i) => {
        if (!r.intersectsNode(n)) return;
        const start = n === r.startContainer ? r.startOffset : 0;
        const end = n === r.endContainer ? r.endOffset : n.length;
        out.push(`${name}|${i}|${start}|${end}`);
      });
    }
  }
  return out;
}

describe.skipIf(SKIP_REASON !== null)('share of the seed article under claim marking', () => {
  const ext = useExtensionBrowser({
    pages: () => ({ '/article': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' }) }),
  });

  it('marks a small share of the text where whole sentences used to cover most of it', async () => {
    const page = await ext.open('/article');
    await waitForHighlights(page, 'claims', { kind: 'claim', timeout: 20_000 });
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
      return out;
    });
    const visible = (s: string) => s.replace(/\s/g, '').length;
    const total = texts.reduce((sum, t) => sum + visible(t), 0);
    const covered = new Map<string, Set<string>>();
    for (const piece of await acrossThePage(page, claimPieces)) {
      const [name, node, start, end] = piece.split('|') as [string, string, string, string];
      const set = covered.get(name) ?? new Set<string>();
      for (let i = Number(start); i < Number(end); i++) if (/\S/.test(texts[Number(node)]![i]!)) set.add(`${node}:${i}`);
      covered.set(name, set);
    }
    const share = (name: string) => (covered.get(name)?.size ?? 0) / total;
    const sentences = share('dossier-claim');
    const leads = share('dossier-claim-lead');
    console.log(`claim marking on the seed article: whole sentences ${(sentences * 100).toFixed(1)}% of the text (the old look painted these), painted now ${(leads * 100).toFixed(1)}% (claim leads)`);
    expect(sentences).toBeGreaterThan(0.3); // the seed article is full of claims: the measure sees them
    expect(leads).toBeLessThan(0.12);
    // The sentences themselves are not painted until their card opens.
    const look = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('article p')!, '::highlight(dossier-claim)');
      return { background: style.backgroundColor, line: style.textDecorationLine };
    });
    expect(look).toEqual({ background: 'rgba(0, 0, 0, 0)', line: 'none' });
    await page.close();
  });
});
