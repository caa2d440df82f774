// The pages the browser benches share: the seed article as paragraphs, and the growing page of
// BENCHMARKS part 3 (50 paragraphs every 100 ms until 5,000), so each part measures the same page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../browser/harness';

const article = readFileSync(join(ROOT, 'src/data/seed-article.txt'), 'utf8');

export const ARTICLE_HTML = `<!doctype html><meta charset="utf-8"><title>Seed article</title><body><main>${article
  .split('\n')
  .filter(Boolean)
  .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('\n')}</main></body>`;

export const GROWING_INTRO = 'Live updates from the summit.';
/** The intro of the growing page on which Dossier already runs when the growth starts. */
export const GROWING_NAMED_INTRO = 'Live updates from the summit of Vladimir Putin and Xi Jinping.';
export const GROWING_PARAGRAPH = 'Reporters in Beijing said Vladimir Putin and Xi Jinping spoke about trade as lunch was served.';

/** `window.__go()` starts the growth; `window.__grown` is true once the 5,000th paragraph is in. */
function growingHtml(intro: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Live</title><body><main id="feed"><p>${intro}</p></main><script>
window.__go = () => {
  let n = 0;
  const feed = document.getElementById('feed');
  const timer = setInterval(() => {
    const batch = document.createDocumentFragment();
    for (let i = 0; i < 50; i++) { const p = document.createElement('p'); p.textContent = (n++) + '. ${GROWING_PARAGRAPH}'; batch.appendChild(p); }
    feed.appendChild(batch);
    if (n >= 5000) { clearInterval(timer); window.__grown = true; }
  }, 100);
};
</script></body>`;
}

/**
 * A live page that names nobody until it grows: its first append wakes the second stage (the
 * chunk's import, page/init, the compile) and, once it reads as an article, the quote harvest runs
 * once. Those one-off costs fall inside the growth and count in its per-append figure.
 */
export const GROWING_HTML = growingHtml(GROWING_INTRO);
/**
 * The same growth on a page whose intro names two people: Dossier runs before the first append
 * (and the harvest has found no article in one paragraph), so the figure is the appends' alone.
 */
export const GROWING_NAMED_HTML = growingHtml(GROWING_NAMED_INTRO);
