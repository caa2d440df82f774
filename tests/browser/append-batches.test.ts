// Appends read together (issue 14, BENCHMARKS part 3): a rescan reads all the blocks a batch
// added as one text (src/content/scan/roots-collector.ts) and asks the judge once for all their claim
// sentences, whose ranges are made only once the judge says yes (src/content/claims/claim-spot.ts). What
// the reader sees must be what reading each block alone gave: every name and claim of every
// appended block, no name glued across two of them, none lost while an earlier rescan waits.
import { describe, expect, it } from 'vitest';
import { htmlDocument } from './fixtures';
import { SKIP_REASON, foundByName, highlightTexts, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(SKIP_REASON);

const page = htmlDocument('<main id="feed"><p>Live updates: Xi Jinping opened the summit.</p></main>', { title: 'Live' });

/** Seed claims restated in new words (as in claim-restatement.test.ts). */
const RESTATED = [
  "Most of Russia's oil and gas exports now go to China.",
  'In 1949 Mao Zedong proclaimed the People’s Republic of China after the communists won the civil war.',
  'Taiwan elected Lai as its president in January.',
];

describe.skipIf(SKIP_REASON !== null)('appended blocks read together', () => {
  const ext = useExtensionBrowser({ pages: { '/live.html': page } });

  it('marks every name of a batch of appended blocks, and none across two of them', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    const found = () => foundByName(ext.browser.serviceWorker, tab);
    await withScreenshotOnFailure(tab, 'append-batches-names', async () => {
      await expect.poll(found, { timeout: 15_000, interval: 100 }).toEqual({ 'Xi Jinping': 1 });
      await tab.evaluate(() => {
        const feed = document.getElementById('feed')!;
        const batch = document.createDocumentFragment();
        for (let i = 0; i < 12; i++) {
          const p = document.createElement('p');
          p.textContent = `${i}. Vladimir Putin met reporters in Beijing.`;
          batch.append(p);
        }
        // One block ends with a first name, the next starts with a word that follows it in a
        // name: read as one text, they must not make "Vladimir Putin" across the two blocks.
        const end = document.createElement('p');
        end.textContent = 'The talks were chaired by Vladimir';
        const start = document.createElement('p');
        start.textContent = 'Putin later left.';
        // A block with inline markup (several text nodes) and bare text in a block of its own.
        const marked = document.createElement('div');
        marked.innerHTML = 'At noon <b>Xi Jinping</b> spoke in <i>Moscow</i>.';
        batch.append(end, start, marked);
        feed.append(batch);
      });
      // Putin: 12 in full, and the surname alone in "Putin later left." (identified on the page).
      await expect.poll(found, { timeout: 15_000, interval: 100 }).toEqual({ 'Xi Jinping': 2, 'Vladimir Putin': 13, Beijing: 12, Moscow: 1 });
      await waitForHighlights(tab, 'the appended names painted', { kind: 'person', min: 15 });
      const persons = await highlightTexts(tab, 'person');
      expect(persons.filter((t) => !['Vladimir Putin', 'Putin', 'Xi Jinping'].includes(t))).toEqual([]);
      expect(persons.filter((t) => t === 'Putin')).toHaveLength(1);
    });
    await tab.close();
  }, 60_000);

  it('loses no name appended while an earlier rescan waits for the judge', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    const found = () => foundByName(ext.browser.serviceWorker, tab);
    await withScreenshotOnFailure(tab, 'append-batches-overlap', async () => {
      await expect.poll(found, { timeout: 15_000, interval: 100 }).toEqual({ 'Xi Jinping': 1 });
      // Twenty batches a few milliseconds apart, each with claim sentences for the judge: batches
      // arrive while the rescan before them still waits for its verdicts.
      await tab.evaluate(
        () =>
          new Promise<void>((done) => {
            const feed = document.getElementById('feed')!;
            let n = 0;
            const timer = setInterval(() => {
              const batch = document.createDocumentFragment();
              for (let i = 0; i < 10; i++) {
                const p = document.createElement('p');
                p.textContent = `${n * 10 + i}. Reporters said Vladimir Putin and Xi Jinping spoke about trade.`;
                batch.append(p);
              }
              feed.append(batch);
              if (++n === 20) {
                clearInterval(timer);
                done();
              }
            }, 15);
          }),
      );
      await expect.poll(found, { timeout: 30_000, interval: 200 }).toEqual({ 'Xi Jinping': 201, 'Vladimir Putin': 200 });
    });
    await tab.close();
  }, 60_000);

  it('marks each claim of a batch that the judge was asked about in one question', async () => {
    const tab = await ext.openWithHighlights('/live.html');
    await withScreenshotOnFailure(tab, 'append-batches-claims', async () => {
      await tab.evaluate((sentences) => {
        const feed = document.getElementById('feed')!;
        const batch = document.createDocumentFragment();
        sentences.forEach((sentence, i) => {
          const p = document.createElement('p');
          // The last one spans an inline element: a sentence over several text nodes.
          if (i === sentences.length - 1) {
            const words = sentence.split(' ');
            p.append(`${words.slice(0, 2).join(' ')} `);
            const em = document.createElement('em');
            em.textContent = words.slice(2, 4).join(' ');
            p.append(em, ` ${words.slice(4).join(' ')}`);
          } else p.textContent = sentence;
          p.append(' Analysts followed the story closely.');
          batch.append(p);
        });
        feed.append(batch);
      }, RESTATED);
      await waitForHighlights(tab, 'three claim highlights', { kind: 'claim', min: 3, timeout: 30_000 });
      expect((await highlightTexts(tab, 'claim')).sort()).toEqual([...RESTATED].sort());
    });
    await tab.close();
  }, 60_000);
});
