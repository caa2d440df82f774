// Issue 11, "A hostile page learns nothing": the card, the note form and the note bubble are
// extension pages in frames, and only the reader's own (trusted) input opens them. Each test is
// written as a hostile page's script would do it (page.evaluate runs in the page's own world), and
// the reader's part with Playwright's mouse and keyboard, which are trusted input. On the build
// before the frames (a closed shadow root in the page's document) each of these failed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { annotate, clickInAnnotateUi, eventually, noteTexts, selectText } from './annotate-helpers';
import { boxOfText } from './extension-helpers';
import { countHosts, countShownHosts, dossierFrame, readCard, readFrame, waitForFrame, waitForFrameClosed, whenTakingClicks } from './frame-helpers';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { waitForSighting } from './stored-sightings';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-frames.test.ts: ${SKIP_REASON}`);

/** The title of a page the reader visited: what "Seen elsewhere" on another site's card shows. */
const SECRET_TITLE = 'Private visit: clinic appointments near Kharkiv';
const SECRET_NOTE = 'my private thought about sanctions';
const SECRET_TAG = 'diary-entry';
const PASSAGE = 'a new offensive in the Kharkiv region';

const doc = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const PAGES = {
  '/visited.html': doc(SECRET_TITLE, '<p id="text">Vladimir Putin was mentioned here.</p>'),
  '/hostile.html': doc(
    'A news page',
    `<p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
     <p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p>
     <p id="after">Chinese President Xi Jinping welcomed him in Beijing.</p>
     <p id="again">Later, Vladimir Putin met officials.</p>
     <p><input id="field" placeholder="the page's own field"></p>`,
  ),
};

/** The reader clicks Putin's name and waits for the card's data. */
async function readerOpensPutinCard(page: Page, loaded = 'Seen elsewhere'): Promise<void> {
  const point = await boxOfText(page, '#lead', 'Vladimir Putin');
  await page.mouse.click(point.x, point.y);
  await waitForFrame(page, 'card');
  await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 15_000 }).toContain(loaded);
}

/**
 * Clicks a card button once the card takes pointer clicks again. A card that moved to another
 * mention may be reported unseen for a moment (click-guard.ts), which drops a click made at once:
 * seen in CI as a Previous that never went back. The guard's report comes within ~100 ms of the move.
 */
async function clickOnceTaking(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(250);
  const frame = (await dossierFrame(page, 'card'))!;
  await whenTakingClicks(frame);
  await frame.locator(`[aria-label="${label}"]`).click();
}

describe.skipIf(SKIP_REASON !== null)('a hostile page and the private UI', () => {
  const ext = useExtensionBrowser({ pages: PAGES, ownBuild: true });

  it('cannot copy "Seen elsewhere" out of an open card with window.find() and Selection', async () => {
    const visited = await ext.openWithHighlights('/visited.html');
    await waitForSighting(ext.browser.serviceWorker, ext.url('/visited.html')); // sent once the first scan is done
    await visited.close();
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-find', async () => {
      await readerOpensPutinCard(page, SECRET_TITLE);
      const stolen = await page.evaluate((secret) => {
        const find = (text: string): boolean => (window as unknown as { find(s: string): boolean }).find(text);
        const found = { heading: find('Seen elsewhere'), title: find(secret) };
        const selection = getSelection()!;
        selection.selectAllChildren(document.documentElement);
        document.execCommand('selectAll');
        return { found, copied: selection.toString() };
      }, SECRET_TITLE);
      expect(stolen.found).toEqual({ heading: false, title: false });
      expect(stolen.copied).not.toContain(SECRET_TITLE);
      expect(stolen.copied).not.toContain('Seen elsewhere');
      // The card was open all along (the reader's frame), showing the title to the reader only.
      expect((await readCard(page))?.text).toContain(SECRET_TITLE);
    });
    await page.close();
  }, 90_000);

  it("cannot read the card frame's document, find its element, or drive it with forged messages", async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-cross-origin', async () => {
      // Forged elements named like Dossier's old hosts, with text inside: they are the page's.
      await page.evaluate(() => {
        for (const name of ['dossier-card', 'dossier-annotate']) document.body.append(Object.assign(document.createElement(name), { textContent: 'Xi Jinping forged' }));
      });
      await readerOpensPutinCard(page);
      const tried = await page.evaluate(async () => {
        const reads = [...Array(window.frames.length).keys()].map((i) => {
          try {
            return window.frames[i]!.document.body.innerText;
          } catch {
            return 'blocked';
          }
        });
        // Forged hello with a guessed token and the page's own port, then a forged order.
        const channel = new MessageChannel();
        const fake = { type: 'card', mention: { id: 'xi-jinping', kind: 'person', name: 'Xi Jinping', pageSentence: '', position: { index: 0, count: 1 }, pageUrl: location.href } };
        for (let i = 0; i < window.frames.length; i++) {
          window.frames[i]!.postMessage({ type: 'dossier-frame-hello', token: '0'.repeat(32) }, '*', [channel.port2]);
          window.frames[i]!.postMessage(fake, '*');
        }
        channel.port1.postMessage(fake);
        // Custom events named like ours.
        document.dispatchEvent(new CustomEvent('dossier:open', { detail: fake }));
        window.dispatchEvent(new CustomEvent('dossier-frame-hello', { detail: fake }));
        await new Promise((r) => setTimeout(r, 800));
        // What is at the card's place on screen, as the page's hit-testing sees it.
        const host = [...document.documentElement.children].find((e) => e.localName !== 'head' && e.localName !== 'body')!;
        const box = host.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + 20);
        return { reads, iframesInDom: document.querySelectorAll('iframe').length, hit: hit?.localName ?? '', hitRoot: hit?.shadowRoot ?? null, origin: location.origin };
      });
      // The frame sits in a closed shadow root: the page's DOM, its window.frames and its
      // hit-testing give it no handle on our frame, only the host, whose root it cannot open...
      expect(tried.reads.every((r) => r === 'blocked')).toBe(true);
      expect(tried).toMatchObject({ iframesInDom: 0, hitRoot: null });
      expect(tried.hit).not.toBe('iframe');
      // ...and the frame's document is of another origin (the extension's), so even a handle on
      // it would not read it.
      const frameOrigin = await (await dossierFrame(page, 'card'))!.evaluate(() => location.origin);
      expect(frameOrigin).toMatch(/^chrome-extension:\/\//);
      expect(frameOrigin).not.toBe(tried.origin);
      const card = await readCard(page);
      expect(card?.dialog?.['aria-label']).toBe('Vladimir Putin');
    });
    await page.close();
  }, 90_000);

  it('opens no card for a synthetic click on a highlighted name, and paints nothing', async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-synthetic-click', async () => {
      const added = await page.evaluate(async () => {
        const added: string[] = [];
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) added.push(n.nodeName);
        }).observe(document.documentElement, { childList: true, subtree: true });
        const p = document.getElementById('lead')!;
        const text = p.firstChild as Text;
        const at = text.data.indexOf('Vladimir Putin');
        const range = document.createRange();
        range.setStart(text, at + 2);
        range.setEnd(text, at + 3);
        const r = range.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, composed: true, clientX: r.left + 1, clientY: r.top + r.height / 2, button: 0, view: window };
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
          p.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
        }
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        await new Promise((done) => setTimeout(done, 1500));
        return added;
      });
      expect(added).toEqual([]);
      expect(await dossierFrame(page, 'card')).toBeNull();
      expect(await countHosts(page)).toBe(0);
      // The control: the reader's own click on the same name opens the card.
      const point = await boxOfText(page, '#lead', 'Vladimir Putin');
      await page.mouse.click(point.x, point.y);
      await waitForFrame(page, 'card');
    });
    await page.close();
  }, 90_000);

  it('adds no annotate element for a scripted selection and a synthetic mouseup or keyup', async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-scripted-selection', async () => {
      await page.waitForTimeout(1_500); // past the idle period: the annotator is listening
      const added = await page.evaluate(async (passage) => {
        const added: string[] = [];
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) added.push(n.nodeName);
        }).observe(document.documentElement, { childList: true, subtree: true });
        const text = document.getElementById('target')!.firstChild as Text;
        const at = text.data.indexOf(passage);
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + passage.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        const r = range.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, composed: true, clientX: r.right, clientY: r.bottom - 2, button: 0, view: window };
        document.getElementById('target')!.dispatchEvent(new MouseEvent('mouseup', init));
        document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
        await new Promise((done) => setTimeout(done, 2000));
        return added;
      }, PASSAGE);
      expect(added).toEqual([]);
      expect(await countHosts(page)).toBe(0);
    });
    await page.close();
  }, 90_000);

  it('hears none of the keys the reader types into a note and its tags, and cannot find the note later', async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-keylogger', async () => {
      await waitForHighlights(page, 'highlights');
      await selectText(page, '#target', PASSAGE);
      await clickInAnnotateUi(page, 'data-action', 'annotate');
      await waitForFrame(page, 'note');
      // The page's key logger, installed while the form is open (what it heard before is the
      // reader's selecting, on the page).
      await page.evaluate(() => {
        const heard: string[] = [];
        (window as unknown as { heard: string[] }).heard = heard;
        for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'textInput', 'compositionstart', 'compositionend']) {
          window.addEventListener(type, (e) => heard.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''}`), true);
          document.addEventListener(type, (e) => heard.push(`doc-${type}:${(e as KeyboardEvent).key ?? ''}`), true);
        }
      });
      await clickInAnnotateUi(page, 'data-field', 'note');
      await page.keyboard.type(SECRET_NOTE);
      await clickInAnnotateUi(page, 'data-field', 'tags');
      await page.keyboard.type(SECRET_TAG);
      await clickInAnnotateUi(page, 'data-action', 'save');
      await eventually(() => noteTexts(page), (t) => t.includes(PASSAGE), 'the saved note highlight');
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);

      // The reader opens the note bubble with a click; the page looks for the note's text.
      const box = await page.evaluate(() => {
        const ranges = [...CSS.highlights].flatMap(([, h]) => [...h] as Range[]);
        const range = ranges.find((r) => r.toString().startsWith('a new offensive'))!;
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + 4, y: rect.top + rect.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      await eventually(() => readFrame(page, 'note'), (s) => s?.text.includes(SECRET_NOTE) ?? false, 'the note bubble');
      const found = await page.evaluate(([note, tag]) => {
        const find = (text: string): boolean => (window as unknown as { find(s: string): boolean }).find(text);
        return { note: find(note), tag: find(tag) };
      }, [SECRET_NOTE, SECRET_TAG] as const);
      expect(found).toEqual({ note: false, tag: false });
      // The bubble's Close button still works.
      await clickInAnnotateUi(page, 'data-action', 'close');
      await waitForFrameClosed(page, 'note');
    });
    await page.close();
  }, 90_000);

  it("steps to the next mention with the card's own buttons, and closes from its Close button", async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-step', async () => {
      await readerOpensPutinCard(page);
      expect((await readCard(page))?.text).toContain('1 of 2 on this page');
      await whenTakingClicks((await dossierFrame(page, 'card'))!);
      await (await dossierFrame(page, 'card'))!.locator('[aria-label="Next mention"]').click();
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toContain('2 of 2 on this page');
      expect(await page.evaluate(() => getSelection()?.toString())).toBe('Vladimir Putin');
      await clickOnceTaking(page, 'Previous mention');
      await expect.poll(async () => (await readCard(page))?.text ?? '', { timeout: 10_000 }).toContain('1 of 2 on this page');
      await clickOnceTaking(page, 'Close');
      await waitForFrameClosed(page, 'card');
      expect(await countShownHosts(page)).toBe(0);
    });
    await page.close();
  }, 90_000);

  it('saves a note end to end through the frame, and Esc on the form gives focus back to the page', async () => {
    const page = await ext.openWithHighlights('/hostile.html');
    await withScreenshotOnFailure(page, 'hostile-frames-note-esc', async () => {
      await annotate(page, '#after', 'Xi Jinping welcomed him', 'a note', 'one, two');
      await eventually(() => noteTexts(page), (t) => t.includes('Xi Jinping welcomed him'), 'the note highlight');
      await page.focus('#field');
      await selectText(page, '#lead', 'two-day state visit');
      await clickInAnnotateUi(page, 'data-action', 'annotate');
      await waitForFrame(page, 'note');
      await expect.poll(async () => (await dossierFrame(page, 'note'))!.evaluate(() => document.activeElement?.id ?? '')).toBe('note');
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'note');
      expect(await countHosts(page)).toBe(0);
    });
    await page.close();
  }, 90_000);
});
