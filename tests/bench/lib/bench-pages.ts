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
export const GROWING_PARAGRAPH = 'Reporters in Beijing said Vladimir Putin and Xi Jinping spoke about trade as lunch was served.';
/** `window.__go()` starts the growth; `window.__grown` is true once the 5,000th paragraph is in. */
export const GROWING_HTML = `<!doctype html><meta charset="utf-8"><title>Live</title><body><main id="feed"><p>${GROWING_INTRO}</p></main><script>
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
