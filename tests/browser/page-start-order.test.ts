// Issue 14: what may stand between a page's start and its highlights. The claim judge's model (a
// few hundred KB the background fetches the first time a page has claim sentences) once sat
// there: the page's "highlighted" waited for it, ~150 ms and more on a fresh worker. Here the
// worker's fetch of the model is held back, as a slow disk or a busy worker would: the names must
// be highlighted, and another page must start and be highlighted, while the judge still waits;
// the claim is marked once the model arrives.
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, waitForPage } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const CLAIM = 'Putin arrived in China for a two-day state visit.';
const WITH_CLAIM = htmlDocument(`<main><p>Xi Jinping welcomed Vladimir Putin in Beijing. ${CLAIM}</p></main>`, { title: 'Visit' });
const NAMES_ONLY = htmlDocument('<main><p>Xinhua reported from Kharkiv.</p></main>', { title: 'Names' });

/** Holds the worker's fetches of the claim model until release() (the worker keeps running). */
async function holdClaimModel(worker: Worker): Promise<{ release(): Promise<void> }> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { fetch: typeof fetch; __releaseClaimModel?: () => void };
    const realFetch = scope.fetch.bind(scope);
    const held = new Promise<void>((resolve) => (scope.__releaseClaimModel = resolve));
    scope.fetch = (input, init) => (String(input).includes('claim-model') ? held.then(() => realFetch(input, init)) : realFetch(input, init));
  });
  return {
    release: () => worker.evaluate(() => (globalThis as unknown as { __releaseClaimModel: () => void }).__releaseClaimModel()),
  };
}

const marked = (name: string): (() => boolean) => new Function(`return performance.getEntriesByName(${JSON.stringify(name)}).length > 0`) as () => boolean;

describe.skipIf(SKIP_REASON !== null)("a page's start does not wait for the claim judge", () => {
  const ext = useExtensionBrowser({ pages: { '/claim.html': WITH_CLAIM, '/names.html': NAMES_ONLY } });

  it('highlights the names, and starts other pages, while the claim model has not arrived', async () => {
    const worker = ext.browser.serviceWorker;
    const model = await holdClaimModel(worker);
    const page = await ext.open('/claim.html');
    await waitForPage(page, marked('dossier:highlighted'), 'the names highlighted while the claim model is held', 15_000);
    expect(await highlightTexts(page, 'person')).toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
    expect(await highlightTexts(page, 'claim')).toEqual([]);
    expect(await page.evaluate(marked('dossier:claims-judged'))).toBe(false);

    // The worker answers the next page's page/filter and page/init while the judge still waits.
    const other = await ext.open('/names.html');
    await waitForPage(other, marked('dossier:highlighted'), 'a second page highlighted while the claim model is held', 15_000);
    expect(await highlightTexts(other, 'organisation')).toEqual(['Xinhua']);
    expect(await page.evaluate(marked('dossier:claims-judged'))).toBe(false);

    await model.release();
    await expect.poll(() => highlightTexts(page, 'claim'), { timeout: 10_000, interval: 100 }).toEqual([CLAIM]);
    expect(await page.evaluate(marked('dossier:claims-judged'))).toBe(true);
    await other.close();
    await page.close();
  }, 60_000);
});
