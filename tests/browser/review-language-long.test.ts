// The review page ("Add this article") in Chromium with the built extension, on the two pages
// issue 13 found broken: a Russian article (it proposed "Соусом" and "Ну" as organisations) and a
// 90,000-character name-dense article (14.8 s to review, and its default proposal was refused:
// "list/add refused: the list has more than 2000 items").
import { describe, expect, it } from 'vitest';
import { longArticleParagraphs } from '../fixtures/ner/long-article';
import { escapeHtml, htmlDocument } from './fixtures';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const RUSSIAN = [
  'Министр иностранных дел России Сергей Лавров прибыл в Пекин',
  'Ну, никто не ожидал такого поворота, сказал собеседник агентства в Москве во вторник.',
  'Соусом из обещаний переговоры не спасти, заявил Лавров журналистам после встречи с коллегой.',
  '«Мы готовы к диалогу», — сказал министр, добавив, что визит продлится два дня.',
];

const article = (title: string, paragraphs: string[], lang: string) =>
  htmlDocument(`<article><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>`, {
    title,
    head: `<meta property="article:published_time" content="2024-05-16T10:00:00Z">`,
  }).replace('<html>', `<html lang="${lang}">`);

describe.skipIf(SKIP_REASON !== null)('the review page on a non-English page and on a long article', () => {
  const ext = useExtensionBrowser({
    pages: () => {
      const long = longArticleParagraphs();
      return {
        '/ru.html': article(RUSSIAN[0]!, RUSSIAN.slice(1), 'ru'),
        '/long.html': article(long[0]!, long.slice(1), 'en'),
      };
    },
  });

  it('says the page looks Russian and proposes nothing', async () => {
    const page = await ext.open('/ru.html');
    const review = await ext.openExtensionPage('review/review.html', await ext.tabIdOf(page));
    await withScreenshotOnFailure(review, 'review-russian', async () => {
      await review.getByText('this page looks like Russian').waitFor({ timeout: 20_000 });
      expect(await review.getByRole('status').first().innerText()).toContain('Dossier proposes entities for English articles; this page looks like Russian');
      expect(await review.getByRole('checkbox').count()).toBe(0);
      expect(await review.locator('main').innerText()).not.toMatch(/Соусом|Ну\b/u);
    });
    for (const p of [page, review]) await p.close().catch(() => {});
  }, 60_000);

  it('reviews a 90,000-character article, and what it ticks by default can be added', async () => {
    const page = await ext.open('/long.html');
    const tabId = await ext.tabIdOf(page);
    const started = Date.now();
    const review = await ext.openExtensionPage('review/review.html', tabId);
    await withScreenshotOnFailure(review, 'review-long', async () => {
      await review.getByRole('button', { name: 'Add to my dossier' }).waitFor({ timeout: 30_000 });
      // The speed target (3 s) is measured by the bench (tests/bench/ner.bench.ts); here, for the log only.
      console.log(`review of the long article shown after ${Date.now() - started} ms`);
      const ticked = await review.locator('input[type="checkbox"]:checked').count();
      expect(ticked).toBeGreaterThan(100);
      await review.getByRole('button', { name: 'Add to my dossier' }).click();
      await expect.poll(() => review.locator('.done, .error').first().innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/Added to your dossier/);
    });
    for (const p of [page, review]) await p.close().catch(() => {});
  }, 120_000);
});
