// "Learn as you read" in Chromium with the built extension: a quote met on page A shows on page
// B's card for its speaker, with A's title and a link to A; a second visit to A adds nothing; the
// same quote on another site is one quote "in 2 sources"; the comment section is never harvested.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, SKIP_REASON, waitForHighlights, waitForPage, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser, type ExtensionSession } from './use-extension-browser';
import { readCard } from './frame-helpers';

if (SKIP_REASON) console.warn(SKIP_REASON);
const QUOTE = 'We will never give up our national interests, whatever pressure is put on us';
const A_TITLE = 'Putin warns the West over sanctions';
/** Page A as another site would carry it: same words, its own title and date. */
const MIRROR = readFileSync(join(FIXTURE_PAGES, 'learn-a.html'), 'utf8')
  .replace(/<title>[^<]*<\/title>/, '<title>Mirror: Putin defiant</title>')
  .replace('2024-06-03T08:00:00Z', '2024-06-05T08:00:00Z');

/**
 * A quote standing as its own paragraph after one that says who speaks. The harvest reads the
 * article a line per block, where the rule "the sentence before names the speaker" holds; session
 * 14 found it broken where blocks are joined by blank lines or the page reader's separator (the
 * CLI's and the eval's reading of a page), and this keeps the harvest's case in a real browser.
 */
const SPEAKER_PARAGRAPH_QUOTE = 'We will outlast every sanction they can invent in Brussels';
const SPEAKER_PARAGRAPH = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Putin on sanctions</title>
<meta property="article:published_time" content="2024-06-04T08:00:00Z"></head><body><article>
<h1>Putin on sanctions</h1>
<p>European ministers met in Brussels on Monday to discuss a further package of measures targeting Russian banks, energy exports and the companies that supply the country’s defence industry with parts.</p>
<p>Russian President Vladimir Putin told officials on Tuesday that the new measures would fail, as the old ones had, and that the country’s economy had learnt to live with them over the last two years.</p>
<p>“${SPEAKER_PARAGRAPH_QUOTE}.”</p>
<p>Analysts said the remarks were aimed as much at a domestic audience as at foreign capitals, with the economy under strain and the cost of living rising faster than wages in many regions of the country.</p>
</article></body></html>`;

/**
 * A quote of a role that speaks for an organisation of the dossier ("A Kremlin spokesman said"): it
 * names no one of the dossier, so before session 15 the harvest dropped it; it is now among the
 * Kremlin's own quotes ("By Kremlin"), with the role as its speaker. The page names no person:
 * before session 16 such a page was not read for quotes at all.
 */
const ROLE_QUOTE = 'The talks in Beijing opened a new chapter for both our countries';
const ROLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kremlin on the visit</title>
<meta property="article:published_time" content="2024-06-06T08:00:00Z"></head><body><article>
<h1>Kremlin on the visit</h1>
<p>The president returned to the capital on Friday after two days of meetings with officials and business leaders, and a visit to a university in the north-east of the country.</p>
<p>A Kremlin spokesman told reporters on Friday: “${ROLE_QUOTE}.” He gave no details of the agreements signed during the visit, which analysts expect to be published in the coming weeks.</p>
<p>Trade between the two countries reached a record last year, driven by energy exports and by the sale of cars and machinery, and officials on both sides have said they expect it to grow again this year.</p>
</article></body></html>`;
const KREMLIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another story</title></head><body><article>
<p>The Kremlin said on Monday that preparations for the next summit had begun.</p></article></body></html>`;

/** Opens a page and waits until the content script has highlighted it and finished its harvest. */
async function visitArticle(ext: ExtensionSession, path: string): Promise<Page> {
  const page = path.startsWith('http') ? await ext.browser.context.newPage() : await ext.open(path);
  if (path.startsWith('http')) await page.goto(path);
  await waitForPage(page, () => performance.getEntriesByName('dossier:harvested').length > 0, `the quote harvest on ${path}`, 20_000);
  return page;
}

async function putinCard(ext: ExtensionSession): Promise<string> {
  const b = await ext.openWithHighlights('/learn-b.html');
  return withScreenshotOnFailure(b, 'learn-quotes-card', async () => {
    const tabId = await ext.tabIdOf(b);
    await ext.sendToTab(tabId, { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
    await expect.poll(async () => (await readCard(b))?.text ?? '', { timeout: 15_000 }).toContain('By Vladimir Putin');
    const text = (await readCard(b))?.text ?? '';
    await b.close();
    return text;
  });
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe.skipIf(SKIP_REASON !== null)('learn as you read: quotes', () => {
  const ext = useExtensionBrowser({ diagnostics: true, fixtures: true, hosts: ['mirror.test'], pages: { '/mirror/learn-a.html': MIRROR, '/speaker-paragraph.html': SPEAKER_PARAGRAPH, '/kremlin-role.html': ROLE_PAGE, '/kremlin-b.html': KREMLIN_PAGE } });

  it("shows page A's quote on page B's Putin card, with A's title, once, and never the comments'", async () => {
    const a = await visitArticle(ext, '/learn-a.html');
    const harvestMs = await a.evaluate(() => performance.getEntriesByName('dossier:harvest-readability')[0]?.duration ?? -1);
    expect(harvestMs).toBeGreaterThanOrEqual(0);
    await a.close();

    const first = await putinCard(ext);
    expect(occurrences(first, QUOTE)).toBe(1);
    // The source is the host the browser reports; the page's og:site_name is only its claim (issue 11).
    expect(first).toContain(`127.0.0.1, which calls itself “Page A Times”: ${A_TITLE}`);
    expect(first).toContain('3 June 2024');
    expect(first).not.toContain('must never be harvested'); // the comment section
    expect(first).not.toContain('Sport is war'); // the navigation

    // A second visit to A is the same source: nothing is added.
    (await visitArticle(ext, '/learn-a.html')).close();
    const again = await putinCard(ext);
    expect(occurrences(again, QUOTE)).toBe(1);
    expect(again).not.toContain('in 2 sources');
  }, 90_000);

  it('takes the speaker of a quote that stands as its own paragraph from the paragraph before', async () => {
    (await visitArticle(ext, '/speaker-paragraph.html')).close();
    const card = await putinCard(ext);
    expect(occurrences(card, SPEAKER_PARAGRAPH_QUOTE)).toBe(1);
  }, 90_000);

  it("puts a role's quote among the quotes of the organisation it speaks for, with the role as its speaker", async () => {
    (await visitArticle(ext, '/kremlin-role.html')).close();
    const b = await ext.open('/kremlin-b.html');
    await withScreenshotOnFailure(b, 'learn-quotes-role', async () => {
      await waitForHighlights(b, 'the Kremlin highlighted', { kind: 'organisation' });
      await ext.sendToTab(await ext.tabIdOf(b), { type: 'page/reveal', payload: { id: 'kremlin', kind: 'organisation' } });
      await expect.poll(async () => (await readCard(b))?.text ?? '', { timeout: 15_000 }).toContain(ROLE_QUOTE);
      const card = (await readCard(b))?.text ?? '';
      // Under "By Kremlin" (beside the seed's quotes by the Kremlin), the role as its speaker; not under "Mentioning Kremlin".
      const [before, mentioning = ''] = card.split('Mentioning Kremlin');
      const [, by = ''] = before!.split('By Kremlin');
      expect(by).toContain(`${ROLE_QUOTE} ” — A Kremlin spokesman`);
      expect(mentioning).not.toContain(ROLE_QUOTE);
    });
    await b.close();
  }, 90_000);

  it('counts the same quote on another site as one quote in two sources, newest source first', async () => {
    // Another site: a second page of the same host would add no source (harvest.ts).
    (await visitArticle(ext, `http://mirror.test:${new URL(ext.server.origin).port}/mirror/learn-a.html`)).close();
    const card = await putinCard(ext);
    expect(occurrences(card, QUOTE)).toBe(1);
    expect(card).toContain('in 2 sources');
    // The newest source (the mirror, 5 June) is the one cited first; A is listed under it.
    expect(card.indexOf('Mirror: Putin defiant')).toBeLessThan(card.indexOf(A_TITLE));
  }, 90_000);
});
