// The site switch reaches every page of the site, not only the tab whose popup flipped it. A reader
// who switches Dossier off on news.test from one tab's popup expects the site's other tabs, and
// its frames inside other sites' pages, to lose their highlights at once; switching it back on
// from the options page ("Switch back on") must bring them back without a reload, including on a
// page of that site that named nobody then and names someone now. Pages of other sites keep theirs.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { CHROMIUM_SKIP_REASON, waitForHighlights } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (CHROMIUM_SKIP_REASON) console.warn(`site-switch-tabs.test.ts: ${CHROMIUM_SKIP_REASON}`);

const people = (target: Page | Frame): Promise<number> => target.evaluate(() => CSS.highlights.get('dossier-person')?.size ?? 0);

describe.skipIf(CHROMIUM_SKIP_REASON !== null)('the site switch with several tabs open', () => {
  const ext = useExtensionBrowser({
    hosts: ['news.test', 'other.test'],
    pages: () => {
      const article = htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' });
      return {
        '/a': article,
        '/b': article,
        // Served, not routed: Chromium keeps a routed (public) page from framing a local address. The
        // frame comes first: a frame out of sight is read only once it is seen.
        '/framed': htmlDocument(`<iframe title="news.test" style="width:900px;height:500px"></iframe><article>${seedArticleParagraphs()}</article>
<script>document.querySelector('iframe').src = 'http://news.test:' + location.port + '/a';</script>`),
        '/quiet': htmlDocument('<article><p>Rain is expected over the weekend in the north.</p></article>', { title: 'Weather' }),
      };
    },
  });

  it('switched off in one tab, every page of the site follows; back on from the options page, they all come back', async () => {
    const a = await ext.openOn('news.test', '/a');
    const b = await ext.openOn('news.test', '/b');
    const quiet = await ext.openOn('news.test', '/quiet');
    const other = await ext.openOn('other.test', '/framed');
    const newsFrame = () => other.frames().find((f) => f.url() === ext.urlOn('news.test', '/a'));
    await expect.poll(() => newsFrame() !== undefined, { timeout: 10_000 }).toBe(true);
    const frame = newsFrame();
    expect(frame, 'the news.test frame inside the other.test page').toBeDefined();
    for (const [target, what] of [[a, 'tab a'], [b, 'tab b'], [other, 'the other.test page'], [frame!, 'the news.test frame']] as const) {
      await waitForHighlights(target, `highlights on ${what}`, { timeout: 30_000 });
    }
    const otherCount = await people(other);

    // A hostile page forges the switch's messages the only ways a page can reach anything: nothing changes.
    const bCount = await people(b);
    await b.evaluate(() => {
      for (const type of ['page/sites-changed', 'page/set-enabled', 'page/dossier-changed']) {
        const forged = { type, payload: { host: location.hostname, enabled: false, disabled: true } };
        window.postMessage(forged, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: forged }));
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (m: unknown) => unknown } } }).chrome?.runtime;
        try {
          runtime?.sendMessage?.(forged);
        } catch {
          // A page has no channel to an extension that does not offer one.
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await people(b), "a page's forged switch changes nothing").toBe(bCount);

    // Off from tab a's popup.
    const popup = await ext.openExtensionPage('popup/popup.html', await ext.tabIdOf(a));
    await popup.getByRole('switch', { name: 'Dossier on this site' }).uncheck({ timeout: 30_000 });
    await popup.locator('#site-switch:not([aria-busy])').waitFor({ timeout: 10_000 });
    await popup.close();
    await expect.poll(() => people(a), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => people(b), { timeout: 10_000, message: 'the other tab of the site' }).toBe(0);
    await expect.poll(() => people(frame!), { timeout: 10_000, message: "the site's frame in another site's page" }).toBe(0);
    expect(await people(other), 'the page of another site keeps its highlights').toBe(otherCount);

    // While off, a name added to the quiet page of the site is not highlighted.
    await quiet.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later: Vladimir Putin arrived in Beijing.';
      document.querySelector('article')!.append(p);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await people(quiet), 'nothing is read on a site switched off').toBe(0);

    // Back on from the options page: no popup tells any tab.
    const options = await ext.openExtensionPage('options/options.html');
    await options.locator('li[data-host="news.test"]').getByRole('button', { name: 'Switch back on' }).click({ timeout: 15_000 });
    await options.getByText('None. Switch Dossier off on a site').waitFor({ timeout: 10_000 });
    await options.close();
    for (const [target, what] of [[a, 'tab a'], [b, 'tab b'], [frame!, 'the news.test frame'], [quiet, 'the page that named nobody at first']] as const) {
      await waitForHighlights(target, `highlights again on ${what}`, { timeout: 20_000 });
    }
    expect(await people(other)).toBe(otherCount);
    for (const page of [a, b, quiet, other]) await page.close();
  });
});
