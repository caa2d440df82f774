// The first stage (issue 14): content.js is a small loader that reads a page's text against the
// list's anchor filter and loads the rest (chunks/app.js) only where an anchor is seen. What the
// reader must never see: a name missed (on the page, in text added later, in a frame that comes
// into view); what they must not pay for: the rest of Dossier on a page or frame that names nobody.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { DOCUMENT_ELEMENTS } from '../../src/content/first-stage/quick-pass';

if (SKIP_REASON) console.warn(`first-stage.test.ts: ${SKIP_REASON}`);

const NOTHING = htmlDocument('<main id="feed"><p>The weather in the valley was mild on Tuesday, and the gardens were quiet.</p></main>', { title: 'Weather' });
const NAMED = htmlDocument('<main><p id="lead">Vladimir Putin spoke on Tuesday.</p></main>', { title: 'Named' });
// Names only where textContent lost them: at the start of a block after a block ending in a letter
// (it read "WorldPutin", "WeatherPutin").
const GLUED = htmlDocument('<main><h2>World</h2><p>Putin spoke on Tuesday.</p><ul><li>Weather</li><li>Putin</li></ul></main>', { title: 'Glued' });
// What a hostile page might write to hide a name from a reading of markup: an SVG <style/> before a
// later </style>, a stray < in text, a comment with > in it.
const TRICKY = htmlDocument(
  '<main><svg width="1" height="1"><style/></svg><p>if a &lt;b and c&gt; d then</p><!-- a > b --><p>Putin spoke.</p><style>p { color: black; }</style></main>',
  { title: 'Tricky' },
);
// Names only where no reader sees them: the title, a head script's JSON-LD, a script, a style, a
// comment, a template, a noscript. The first read of markup sees them all; the page must still
// load nothing more (its shown text names nobody).
const UNSHOWN = htmlDocument(
  '<main><p>The weather in the valley was mild.</p><script>var who = "Xi Jinping";</script><style>.putin::after { content: "Putin"; display: none }</style>' +
    '<!-- Vladimir Putin --><template><p>Vladimir Putin</p></template><noscript>Xi Jinping</noscript></main>',
  { title: 'Vladimir Putin', head: '<script type="application/ld+json">{"about": "Vladimir Putin"}</script>' },
);
// Markup that would make a reading of it drop a name if it were trusted to say no: a comment
// whose text holds "-->" and a script's start tag, a start tag in an attribute, then the name.
const DECOY = htmlDocument(
  '<main><p title="<script>">The weather.</p><p>Putin spoke.</p><script>document.querySelector("main").prepend(document.createComment("x --> <script> "));</script></main>',
  { title: 'Decoy' },
);
// A name only in an open shadow root: the light DOM names nobody (nor does the script's text,
// which a first read sees too: it would send the page to the node-by-node read, which finds it).
const SHADOW = htmlDocument(
  `<main><p>The gardens were quiet.</p><news-card></news-card></main><script>
    customElements.define('news-card', class extends HTMLElement {
      constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>In the shadow: ' + ['Pu', 'tin'].join('') + ' spoke.</p>'; }
    });
  </script>`,
  { title: 'Shadow' },
);
// The same on a page too big to read in one piece (more than DOCUMENT_ELEMENTS: read block by
// block; the custom element is one).
const FILLER = '<p>The gardens were quiet.</p>'.repeat(DOCUMENT_ELEMENTS + 100);
const SHADOW_BIG = SHADOW.replace('<main>', `<main>${FILLER}`);
// Names only where no reader sees them, on a page read block by block.
const UNSHOWN_BIG = UNSHOWN.replace('<main>', `<main>${FILLER}`);
const frames = (style: string) =>
  htmlDocument(`<main><p>A page of frames.</p><div style="height:4000px"></div><iframe id="f" src="/named.html" style="${style}"></iframe></main>`, { title: 'Frames' });

/** Every load of the second stage's file in the browser, by page URL of the request's frame. */
function watchAppLoads(ext: ReturnType<typeof useExtensionBrowser>): string[] {
  const loads: string[] = [];
  ext.browser.context.on('request', (request) => {
    if (request.url().endsWith('/chunks/app.js')) loads.push(request.frame().url());
  });
  return loads;
}

async function frameHighlights(page: Page): Promise<string[]> {
  const frame = page.frames().find((f) => f.url().endsWith('/named.html'));
  if (!frame) return [];
  return frame.evaluate(() => [...(CSS.highlights.get('dossier-person') ?? [])].map((r) => (r as Range).toString()));
}

describe.skipIf(SKIP_REASON !== null)('the first stage', () => {
  const ext = useExtensionBrowser({
    diagnostics: true,
    pages: { '/unshown.html': UNSHOWN, '/unshown-big.html': UNSHOWN_BIG, '/decoy.html': DECOY, '/shadow.html': SHADOW, '/shadow-big.html': SHADOW_BIG, '/glued.html': GLUED, '/tricky.html': TRICKY, '/nothing.html': NOTHING, '/named.html': NAMED, '/tiny.html': frames('width:1px;height:1px'), '/below.html': frames('width:400px;height:200px') },
  });

  it('loads nothing more on a page that names nobody, and loads it when a name is added', async () => {
    const loads = watchAppLoads(ext);
    await ext.inTab('/nothing.html', 'first-stage-nothing', async (tab) => {
      await tab.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 });
      await tab.waitForTimeout(1_500); // and the idle check for annotations
      expect(loads.filter((url) => url.endsWith('/nothing.html'))).toEqual([]);
      await tab.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Later, Xi Jinping welcomed Vladimir Putin.';
        document.getElementById('feed')!.append(p);
      });
      await waitForHighlights(tab, 'the appended names', { min: 2, timeout: 15_000 });
      expect((await highlightTexts(tab, 'person')).sort()).toEqual(['Vladimir Putin', 'Xi Jinping']);
      expect(loads.filter((url) => url.endsWith("/nothing.html")).length).toBeGreaterThan(0);
    });
  }, 60_000);

  it('loads the rest where a name starts a block right after a block ending in a letter', async () => {
    await ext.inTab('/glued.html', 'first-stage-glued', async (tab) => {
      await waitForHighlights(tab, 'the glued names', { min: 2, timeout: 15_000 });
      expect(await highlightTexts(tab, 'person')).toEqual(['Putin', 'Putin']);
    });
  }, 60_000);

  it('is not made to miss a name by markup a page writes around it', async () => {
    await ext.inTab('/tricky.html', 'first-stage-tricky', async (tab) => {
      await waitForHighlights(tab, 'the name after the tricky markup', { timeout: 15_000 });
      expect(await highlightTexts(tab, 'person')).toEqual(['Putin']);
    });
  }, 60_000);

  it('loads nothing more on a page whose names are only in its title, scripts, styles, comments or templates', async () => {
    const loads = watchAppLoads(ext);
    // Read in one piece, and block by block.
    for (const path of ['/unshown.html', '/unshown-big.html']) {
      await ext.inTab(path, 'first-stage-unshown', async (tab) => {
        await tab.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 });
        await tab.waitForTimeout(1_500);
        expect(loads.filter((url) => url.endsWith(path))).toEqual([]);
      });
    }
  }, 60_000);

  it('is not made to miss a name by markup that looks like the start of a script', async () => {
    await ext.inTab('/decoy.html', 'first-stage-decoy', async (tab) => {
      await waitForHighlights(tab, 'the name after the decoys', { timeout: 15_000 });
      expect(await highlightTexts(tab, 'person')).toEqual(['Putin']);
    });
  }, 60_000);

  it('loads the rest where only an open shadow root names someone', async () => {
    const loads = watchAppLoads(ext);
    for (const path of ['/shadow.html', '/shadow-big.html']) {
      await ext.inTab(path, 'first-stage-shadow', async () => {
        await expect.poll(() => loads.filter((url) => url.endsWith(path)).length, { timeout: 15_000 }).toBeGreaterThan(0);
      });
    }
  }, 60_000);

  it('answers the popup on a page that names nobody (the message loads the rest)', async () => {
    const tab = await ext.open('/nothing.html');
    await tab.waitForFunction(() => performance.getEntriesByName('dossier:highlighted').length > 0, undefined, { timeout: 15_000 });
    const reply = await ext.sendToTab(await ext.tabIdOf(tab), { type: 'page/found', payload: {} });
    expect(reply).toMatchObject({ ok: true, value: { disabled: false, findings: [], title: 'Weather' } });
    await tab.close();
  }, 60_000);

  it('leaves a 1×1 frame alone until it grows, then highlights in it', async () => {
    await ext.inTab('/tiny.html', 'first-stage-tiny', async (tab) => {
      await tab.waitForTimeout(2_000);
      expect(await frameHighlights(tab)).toEqual([]);
      await tab.evaluate(() => {
        const frame = document.getElementById('f')!;
        frame.style.width = '400px';
        frame.style.height = '200px';
        frame.scrollIntoView();
      });
      await expect.poll(() => frameHighlights(tab), { timeout: 15_000 }).toEqual(['Vladimir Putin']);
    });
  }, 60_000);

  it('leaves a frame below the fold alone until it is scrolled into view', async () => {
    await ext.inTab('/below.html', 'first-stage-below', async (tab) => {
      await tab.waitForTimeout(2_000);
      expect(await frameHighlights(tab)).toEqual([]);
      await tab.evaluate(() => document.getElementById('f')!.scrollIntoView());
      await expect.poll(() => frameHighlights(tab), { timeout: 15_000 }).toEqual(['Vladimir Putin']);
    });
  }, 60_000);
});
