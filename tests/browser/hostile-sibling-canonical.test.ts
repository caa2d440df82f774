// Issue 11, item 3: annotations stay on their own site. The reader has a private note on
// news.test/story. A page served from the sibling subdomain evil.news.test, with the same text and
// a rel=canonical naming news.test/story, must receive none of it: no note highlight its script
// could enumerate, nothing in the answer the popup gets for that tab. The control: the story
// itself, on news.test, does show the note.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAnnotation, exportJsonLd } from '../../src/core/annotations';
import { SKIP_REASON, waitForHighlights } from './harness';
import { eventually, noteTexts } from './annotate-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-sibling-canonical.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const NOTE = 'Private: my source at the ministry says otherwise';
const TEXT = `The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.`;
const page = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin in Beijing</title>${head}</head><body><article>
<p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
<p id="target">${TEXT}</p>
</article></body></html>`;

describe.skipIf(SKIP_REASON !== null)('a sibling subdomain that names the story as its canonical', () => {
  const ext = useExtensionBrowser({
    hosts: ['news.test', 'evil.news.test'],
    pages: () => ({ '/story': page('') }),
  });

  /** The reader's note on news.test/story, put in as the options page's import does. */
  async function importNote(): Promise<void> {
    const start = TEXT.indexOf(PASSAGE);
    const annotation = createAnnotation({ pageUrl: ext.urlOn('news.test', '/story'), title: 'Putin in Beijing', text: TEXT, start, end: start + PASSAGE.length, id: 'urn:uuid:private-1', note: NOTE, tags: ['sources'] });
    const options = await ext.openExtensionPage('options/options.html');
    const reply = await options.evaluate(
      (text) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'annotations/import', payload: { text } }),
      exportJsonLd([annotation], { generated: '2024-06-01T00:00:00.000Z' }),
    );
    expect(reply).toMatchObject({ ok: true, value: { added: 1 } });
    await options.close();
  }

  async function pageAnnotations(tab: Page): Promise<unknown> {
    return ext.sendToTab(await ext.tabIdOf(tab), { type: 'page/annotations', payload: {} });
  }

  it('receives none of the annotations of news.test/story, which itself shows them', async () => {
    await importNote();

    // The control: the story shows the note on its own origin.
    const story = await ext.browser.context.newPage();
    await story.goto(ext.urlOn('news.test', '/story'));
    await waitForHighlights(story, 'highlights on the story', { timeout: 20_000 });
    await eventually(() => noteTexts(story), (t) => t.length === 1 && t[0] === PASSAGE, 'the note on the story');
    expect(JSON.stringify(await pageAnnotations(story))).toContain(NOTE);
    await story.close();

    // The attack: the same text on evil.news.test, claiming to be the story.
    const evil = await ext.browser.context.newPage();
    await evil.route(ext.urlOn('evil.news.test', '/story'), (route) =>
      route.fulfill({ contentType: 'text/html', body: page(`<link rel="canonical" href="${ext.urlOn('news.test', '/story')}"><meta property="og:url" content="${ext.urlOn('news.test', '/story')}">`) }),
    );
    await evil.goto(ext.urlOn('evil.news.test', '/story'));
    await waitForHighlights(evil, 'highlights on the sibling', { timeout: 20_000 });
    // The popup's question makes the page load its annotations now (not only when idle).
    const answer = await pageAnnotations(evil);
    expect(answer).toMatchObject({ ok: true, value: { annotations: [] } });
    expect(JSON.stringify(answer)).not.toContain(NOTE);
    await evil.waitForTimeout(2_000);
    // What the page's script can see: no note highlight, no passage painted, no element holding the note.
    expect(await noteTexts(evil)).toEqual([]);
    expect(await evil.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('note')))).toEqual([]);
    expect(await evil.evaluate(() => document.documentElement.outerHTML)).not.toContain('ministry');
    await evil.close();
  }, 90_000);
});
