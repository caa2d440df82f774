// The card stays open while the page changes around it, as news pages do all the time: scripts
// and metadata appended, the title changed, an ad slotted into the article. It closes when the
// reader closes it or its mention leaves the page.
import { describe, expect, it } from 'vitest';
import { cardIsOpen, dossierFrame, inFrame } from './frame-helpers';
import { htmlDocument, seedArticleParagraphs } from './fixtures';
import { SKIP_REASON } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`card-stays-open.test.ts: ${SKIP_REASON}`);

describe.skipIf(SKIP_REASON !== null)('the open card while the page changes', () => {
  const ext = useExtensionBrowser({
    pages: () => ({ '/article': htmlDocument(`<article>${seedArticleParagraphs()}</article>`, { title: 'Seed article' }) }),
  });

  it('stays open through scripts, metadata, title changes and an ad, and closes when its mention goes', async () => {
    await ext.inTab('/article', 'card-stays-open', async (page) => {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      const tab = await ext.tabIdOf(page);
      await ext.sendToTab(tab, { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
      const cardOpen = async () => cardIsOpen(page);
      await expect.poll(cardOpen, { timeout: 10_000 }).toBe(true);

      const changes: [string, () => void][] = [
        ['a script appended to <body>', () => document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.x = 1' }))],
        ['a <meta> appended to <head>', () => document.head.append(Object.assign(document.createElement('meta'), { name: 'x', content: 'y' }))],
        ['the title changed', () => { document.title = '(1) Seed article'; }],
        ['a <link> appended to <body>', () => document.body.append(Object.assign(document.createElement('link'), { rel: 'preload', href: '/x.js', as: 'script' }))],
        ['an ad slotted into the article', () => document.querySelector('article')!.insertBefore(Object.assign(document.createElement('div'), { textContent: 'Advertisement' }), document.querySelector('article p:nth-of-type(3)'))],
        ['a script removed', () => document.querySelector('body > script')!.remove()],
      ];
      for (const [what, change] of changes) {
        await page.evaluate(`(${change.toString()})()`);
        await page.waitForTimeout(600); // past the watcher's batch and the rescan
        expect(await cardOpen(), `the card is still open after ${what}`).toBe(true);
      }

      // Its mention leaves the page: every paragraph naming Putin goes; the card closes.
      await page.evaluate(() => {
        for (const p of document.querySelectorAll('article p')) if (p.textContent?.includes('Putin')) p.remove();
      });
      await expect.poll(cardOpen, { timeout: 10_000 }).toBe(false);
    });
  });

  it('announces who, what and where as the card opens: "Vladimir Putin, person, 1 of N on this page"', async () => {
    await ext.inTab('/article', 'card-announces', async (page) => {
      await expect.poll(() => page.evaluate(() => CSS.highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
      await ext.sendToTab(await ext.tabIdOf(page), { type: 'page/reveal', payload: { id: 'vladimir-putin', kind: 'person' } });
      // The card is an extension frame: its live status, as a screen reader hears it there.
      const statuses = async () => {
        const frame = await dossierFrame(page, 'card');
        if (!frame) return [];
        return inFrame(frame, () => [...document.querySelectorAll('[role=status]')].map((n) => (n.textContent ?? '').trim()), [] as string[]);
      };
      await expect.poll(statuses, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^Vladimir Putin, person, 1 of \d+ on this page$/));
    });
  });
});
