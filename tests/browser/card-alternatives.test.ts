// Issue 17: where the page does not decide which of two entities its words name ("Jordan": the
// country, or Michael Jordan named earlier), the card offers the others. Bundled from source, in a
// plain page, the way card.test.ts mounts the card.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardState } from '../../src/ui/card/index';
import type { EntityCardData } from '../../src/shared/messages';
import { bundlePreview } from './card-preview';
import { CHROMIUM_SKIP_REASON, launchPlainChromium, serve, type StaticServer } from './harness';

if (CHROMIUM_SKIP_REASON) console.warn(`card-alternatives.test.ts: ${CHROMIUM_SKIP_REASON}`);

const HOSTILE = '<img src=x onerror=alert(1)>';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><p>News.</p><script src="/preview.js"></script></body></html>`;
const PREVIEW = `
import { mountCard } from './src/ui/card/index';
const chosen = [];
window.__chosen = chosen;
window.__mount = (state, offer) => {
  const host = document.createElement('dossier-card-preview');
  document.documentElement.appendChild(host);
  const root = host.attachShadow({ mode: 'closed' });
  window.__root = root;
  mountCard(root, state, {
    onPrevious() {}, onNext() {}, onClose() {},
    ...(offer ? { onChooseAlternative: (id) => chosen.push(id) } : {}),
  });
};
`;

function data(): EntityCardData {
  const provenance = { outlet: 'Reuters', title: 'T', date: '1996-08-30', sentence: 'S.' };
  return {
    entity: { id: 'michael-jordan', name: 'Michael Jordan', kind: 'person', aliases: [], context: '', provenance },
    claims: [],
    quotesBy: [],
    quotesAbout: [],
    sightings: [],
  } as unknown as EntityCardData;
}

describe.skipIf(CHROMIUM_SKIP_REASON !== null)('card: the other readings of an ambiguous mention', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serve({ pages: { '/': PAGE, '/preview.js': await bundlePreview(PREVIEW) } });
    browser = await launchPlainChromium();
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const mount = async (state: CardState, offer: boolean) => {
    await page.goto(server.url('/'));
    await page.evaluate(([s, o]) => (window as unknown as { __mount(s: unknown, o: boolean): void }).__mount(s, o), [state, offer] as const);
  };
  const buttons = () =>
    page.evaluate(() => [...(window as unknown as { __root: ShadowRoot }).__root.querySelectorAll('button.alternative')].map((b) => b.textContent));

  it('offers each other reading, its name as text, and says which was chosen', async () => {
    const alternatives = [
      { id: 'jordan', name: 'Jordan', kind: 'place' as const },
      { id: 'hostile', name: HOSTILE, kind: 'organisation' as const },
    ];
    await mount({ status: 'entity', data: data(), position: { index: 0, count: 1 }, alternatives }, true);
    expect(await buttons()).toEqual(['Jordan (place)', `${HOSTILE} (organisation)`]);
    expect(await page.evaluate(() => (window as unknown as { __root: ShadowRoot }).__root.querySelectorAll('img').length)).toBe(0);
    await page.evaluate(() => ((window as unknown as { __root: ShadowRoot }).__root.querySelector('button.alternative') as HTMLButtonElement).click());
    expect(await page.evaluate(() => (window as unknown as { __chosen: string[] }).__chosen)).toEqual(['jordan']);
  });

  it('shows nothing more for a mention with one reading', async () => {
    await mount({ status: 'entity', data: data(), position: { index: 0, count: 1 } }, true);
    expect(await buttons()).toEqual([]);
  });
});
