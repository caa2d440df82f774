// Red-team, session 11: the note form is an extension frame, so a page hears none of the keys typed
// there: unless it takes the keyboard. A page script that sees our frame take focus (its host is
// the page's activeElement) moves focus to a hidden textarea of its own, or blurs the host so keys
// fall to its <body> and its window listeners: the rest of the reader's note went to the page,
// every key of it. Focus now leaves the form only by the reader's own press on the page; anything
// else puts it back in the frame before the page's script ends, and the form tells the reader.
// Not a wall (src/content/frames/focus-guard.ts): Chromium still routes a key or two to the page
// while its browser process catches up (0-2 keydowns of 32 here), never text into its fields.
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { annotate, clickInAnnotateUi, eventually, noteTexts, openNoteForm as openNoteFormOn } from './annotate-helpers';
import { boxOfText } from './extension-helpers';
import { dossierFrame, inFrame, readFrame, waitForFrameClosed } from './frame-helpers';
import { FOCUS_TAKEN } from '../../src/content/annotate/annotate-host';
import { SKIP_REASON, waitForHighlights, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-note-focus.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const FIRST = 'my ';
const SECRET = 'private doubts about the sources';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title></head><body>
    <p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
    <p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p>
    <p><input id="field" placeholder="the page's own field"></p>
    <textarea id="trap" style="position:fixed;left:-200px;top:0;width:10px;height:10px;opacity:0"></textarea></body></html>`;
const PAGES = { '/story.html': STORY, '/quiet.html': STORY, '/early.html': STORY };

type Theft = { trap: string; heard: string[]; steals: number };

/** The page's thief: whenever one of the extension's elements holds focus, take it away. */
function installThief(page: Page, how: 'focus' | 'blur' | 'host', forMs = Infinity): Promise<void> {
  return page.evaluate(([mode, windowMs]) => {
    const w = window as unknown as { heard: string[]; steals: number };
    w.heard = [];
    w.steals = 0;
    for (const type of ['keydown', 'keypress', 'input', 'beforeinput']) {
      window.addEventListener(type, (e) => w.heard.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''}`), true);
    }
    const known = new Set([document.head, document.body]);
    let firstSeen = -1;
    setInterval(() => {
      const active = document.activeElement;
      if (!active || known.has(active as HTMLElement) || active.parentElement !== document.documentElement) return;
      // `forMs`: only that long after it first saw our frame focused (null: Infinity through JSON).
      if (firstSeen < 0) firstSeen = performance.now();
      if (windowMs !== null && performance.now() - firstSeen > windowMs) return;
      w.steals++;
      if (mode === 'focus') (document.getElementById('trap') as HTMLTextAreaElement).focus();
      else if (mode === 'blur') (active as HTMLElement).blur();
      else {
        // Our host itself made focusable and focused: focus leaves the frame inside it.
        (active as HTMLElement).tabIndex = 0;
        (active as HTMLElement).focus();
      }
    }, 20);
  }, [how, Number.isFinite(forMs) ? forMs : null] as const);
}

function theft(page: Page): Promise<Theft> {
  return page.evaluate(() => {
    const w = window as unknown as { heard: string[]; steals: number };
    return { trap: (document.getElementById('trap') as HTMLTextAreaElement).value, heard: w.heard, steals: w.steals };
  });
}

function openNoteForm(page: Page): Promise<void> {
  return openNoteFormOn(page, '#target', PASSAGE);
}

async function noteField(page: Page): Promise<string> {
  const frame = await dossierFrame(page, 'note');
  return frame ? inFrame(frame, () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value ?? '', '') : '';
}

describe.skipIf(SKIP_REASON !== null)('a page that takes the keyboard from the note form', () => {
  const ext = useExtensionBrowser({ pages: PAGES });

  const ways = { focus: 'focuses a field of its own', blur: 'blurs our frame', host: 'focuses our host element itself' } as const;
  // How many keys slip through is a race with Chromium's routing of keys between processes: on a
  // busy two-core machine (CI, right after the sync files' browsers close) 8–9 of 32 leaked twice
  // where 0–2 leak otherwise. Tried again up to twice: a guard that stops working leaks on every try.
  const underContention = { retry: 2, timeout: 60_000 };
  for (const how of ['focus', 'blur', 'host'] as const) {
    it(`gets no text and at most a stray key of the note when it ${ways[how]}`, underContention, async () => {
      const page = await ext.openWithHighlights('/story.html');
      // Closed whatever happens: a failed try must not leave its thief running beside the next.
      onTestFinished(() => page.close());
      await withScreenshotOnFailure(page, `hostile-note-focus-${how}`, async () => {
        await openNoteForm(page);
        await page.keyboard.type(FIRST);
        await installThief(page, how);
        await page.waitForTimeout(300);
        await page.keyboard.type(SECRET, { delay: 15 });
        const stolen = await theft(page);
        expect(stolen.steals).toBeGreaterThan(0); // the thief did try
        expect(stolen.trap).toBe('');
        // No text event at all; of the keys, a stray one at most, never the note (all 32 without the guard).
        expect(stolen.heard.filter((e) => !e.startsWith('keydown:') && !e.startsWith('keypress:'))).toEqual([]);
        expect(stolen.heard.filter((e) => e.startsWith('keydown:')).length).toBeLessThan(SECRET.length / 4);
        expect(await noteField(page)).toMatch(new RegExp(`^${FIRST}`));
        expect((await readFrame(page, 'note'))?.text).toContain(FOCUS_TAKEN);
      });
    });
  }

  // The control, and a bug of its own: every form said the page had taken the keyboard (Chromium
  // takes focus off our host for a few ms as the frame, another process, focuses its field), so
  // the warning meant nothing. Checked in a real window (xvfb) as well as here.
  it('says nothing about the keyboard on a page that leaves focus alone', async () => {
    // A page of its own: the forms above leave their drafts on /story.html's passage.
    const page = await ext.openWithHighlights('/quiet.html');
    await withScreenshotOnFailure(page, 'hostile-note-focus-control', async () => {
      await openNoteForm(page);
      await page.keyboard.type(SECRET, { delay: 15 });
      await page.waitForTimeout(300);
      expect(await noteField(page)).toBe(SECRET);
      expect((await readFrame(page, 'note'))?.text).not.toContain(FOCUS_TAKEN);
    });
    await page.close();
  }, 60_000);

  // While the form opens (its first half second: focus-guard.ts, `OPENING_SETTLE_MS`) a move of
  // focus is put back without a word, as Chromium itself moves it then; the page gets no key all
  // the same.
  it('puts focus back in the form when the page takes it while the form is opening', async () => {
    const page = await ext.openWithHighlights('/early.html');
    await withScreenshotOnFailure(page, 'hostile-note-focus-early', async () => {
      await installThief(page, 'focus', 400);
      await openNoteForm(page);
      await page.keyboard.type(SECRET, { delay: 15 });
      const stolen = await theft(page);
      expect(stolen.steals).toBeGreaterThan(0); // the thief did try, in the opening
      expect(stolen.trap).toBe('');
      expect(stolen.heard.filter((e) => !e.startsWith('keydown:') && !e.startsWith('keypress:'))).toEqual([]);
      expect(stolen.heard.filter((e) => e.startsWith('keydown:')).length).toBeLessThan(SECRET.length / 4);
      expect(await noteField(page)).toContain(SECRET.slice(-12));
    });
    await page.close();
  }, 60_000);

  it("keeps the bubble of a saved note (where a conflict's merge is typed) as guarded as the form", underContention, async () => {
    const page = await ext.openWithHighlights('/story.html');
    onTestFinished(() => page.close());
    await withScreenshotOnFailure(page, 'hostile-note-focus-bubble', async () => {
      await waitForHighlights(page, 'highlights');
      await annotate(page, '#target', PASSAGE, 'a saved note', 'x');
      await eventually(() => noteTexts(page), (t) => t.includes(PASSAGE), 'the saved note highlight');
      const box = await boxOfText(page, '#target', 'offensive');
      await page.mouse.click(box.x, box.y);
      await eventually(() => readFrame(page, 'note'), (f) => f?.text.includes('a saved note') ?? false, 'the note bubble');
      await page.waitForTimeout(1_100); // the reader's click on the page is no longer recent
      await installThief(page, 'focus');
      await page.waitForTimeout(300);
      await page.keyboard.type(SECRET, { delay: 15 });
      const stolen = await theft(page);
      expect(stolen.steals).toBeGreaterThan(0);
      expect(stolen.trap).toBe('');
      expect(stolen.heard.filter((e) => e.startsWith('keydown:')).length).toBeLessThan(SECRET.length / 4);
    });
  });

  it("lets the reader's own click take focus to the page while the form is open", async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-note-focus-reader', async () => {
      await openNoteForm(page);
      await page.keyboard.type(FIRST);
      await page.click('#field');
      await page.keyboard.type('search');
      expect(await page.inputValue('#field')).toBe('search');
      expect(await noteField(page)).toBe(FIRST);
    });
    await page.close();
  }, 60_000);

  it('keeps Tab inside the guarded form, going round its controls, and Esc still leaves it', async () => {
    const page = await ext.openWithHighlights('/story.html');
    await withScreenshotOnFailure(page, 'hostile-note-focus-tab', async () => {
      await openNoteForm(page);
      const focused = async (): Promise<string> => {
        const frame = await dossierFrame(page, 'note');
        if (!frame) return 'no frame';
        return inFrame(frame, () => {
          const el = document.activeElement;
          return el && el !== document.body ? el.id || el.getAttribute('data-action') || el.getAttribute('aria-label') || el.localName : 'nothing';
        }, 'unreadable');
      };
      // A keyboard reader goes round the form: each Tab lands on one of its controls, and past
      // the last one back in the form (the guard), never on nothing and never on the page.
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(60);
        seen.push(await focused());
      }
      expect(seen.filter((f) => f === 'nothing' || f === 'no frame'), `focus went nowhere: ${seen.join(', ')}`).toEqual([]);
      expect(seen, 'the note field comes round again').toContain('note');
      expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('field');
      await page.keyboard.press('Escape');
      await waitForFrameClosed(page, 'note');
    });
    await page.close();
  }, 60_000);
});
