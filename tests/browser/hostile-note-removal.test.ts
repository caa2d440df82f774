// A page that removes the note form while the reader types (SECURITY.md, "Private UI in extension
// frames"): its script removes our host element from <html>, or navigates our frame away, the
// moment the reader's form holds focus. The note frame sends what is typed to the background as it
// is typed (src/ui/frames/note-draft.ts), and the content script puts the form back with it
// (src/content/annotate/annotate-host.ts), a few times; then the toolbar badge says the draft is
// kept. Drafts belong to one passage of one page: another page neither sees nor writes them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickInAnnotateUi, eventually, openNoteForm as openNoteFormOn } from './annotate-helpers';
import { dossierFrame, frameBox, inFrame, readFrame, waitForFrameClosed } from './frame-helpers';
import { DRAFT_RESTORED, FORM_PUT_BACK } from '../../src/shared/draft-port';
import { FORM_TAKEN_NOTICE } from '../../src/shared/draft-messages';
import { FOCUS_TAKEN, FORM_PUT_BACKS_MAX } from '../../src/content/annotate/annotate-host';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { axeViolations, describeViolations } from './axe';
import { useExtensionBrowser, type ExtensionSession } from './use-extension-browser';

if (SKIP_REASON) console.warn(`hostile-note-removal.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const FIRST = 'my private doubts ';
const SECOND = 'about the sources ';
const THIRD = 'and the timing';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title></head><body>
  <p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
  <p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p></body></html>`;
const PAGES = { '/story.html': STORY, '/other.html': STORY };

type Removal = { removed: number; heard: number };

/**
 * The page's script: whenever one of the extension's elements holds focus (the note form: the
 * toolbar never takes it), it removes that element from <html>, moves it into <body> (which
 * reloads the frame inside: its document is gone), or hides it by rewriting its style attribute,
 * at most `times` times, after `afterMs`. It also counts the keys it hears.
 */
function installRemover(page: Page, how: 'host' | 'move' | 'hide', times: number, afterMs: number): Promise<void> {
  return page.evaluate(
    ([mode, max, delay]) => {
      const w = window as unknown as { removal: { removed: number; heard: number } };
      w.removal = { removed: 0, heard: 0 };
      window.addEventListener('keydown', () => w.removal.heard++, true);
      const start = performance.now();
      const seen = new WeakSet<Element>();
      setInterval(() => {
        const active = document.activeElement;
        if (performance.now() - start < delay || w.removal.removed >= max) return;
        if (!active || active === document.body || active.parentElement !== document.documentElement) return;
        if (mode === 'move') {
          if (seen.has(active)) return;
          seen.add(active);
          // The page cannot read our closed root, but window.frames reaches the frame's window.
          // window.frames does not reach a frame in a closed root; moving our host does reload it.
          document.body.append(active);
        } else if (mode === 'hide') {
          active.setAttribute('style', 'display: none !important');
        } else {
          active.remove();
        }
        w.removal.removed++;
      }, 10);
    },
    [how, times, afterMs] as const,
  );
}

/**
 * How many characters of `typed` are missing from `kept`, when `kept` is `typed` with some
 * characters left out, the rest in order and nothing added; -1 when it is anything else.
 */
function missingFrom(typed: string, kept: string): number {
  let at = 0;
  for (const char of kept) {
    at = typed.indexOf(char, at) + 1;
    if (at === 0) return -1;
  }
  return typed.length - kept.length;
}

function removal(page: Page): Promise<Removal> {
  return page.evaluate(() => (window as unknown as { removal: Removal }).removal);
}

function openNoteForm(page: Page): Promise<void> {
  return openNoteFormOn(page, '#target', PASSAGE);
}

/** A new form on the passage starts empty, without the restored-draft line (the draft was cleared). */
async function expectNoDraft(page: Page): Promise<void> {
  await openNoteForm(page);
  // Long enough for a draft, were there one, to come back over the frame's port.
  await page.waitForTimeout(500);
  expect(await noteField(page)).toBe('');
  expect((await readFrame(page, 'note'))?.text).not.toContain(DRAFT_RESTORED);
}

async function noteField(page: Page): Promise<string | null> {
  const frame = await dossierFrame(page, 'note');
  return frame ? inFrame(frame, () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value ?? null, null) : null;
}

/** The form is back (or open again) and shows `line`. */
function formShowing(page: Page, line: string): Promise<unknown> {
  return eventually(() => readFrame(page, 'note'), (f) => f?.text.includes(line) ?? false, `the note form saying "${line}"`);
}

/** Every stored annotation's note, through an extension page's own message. */
async function storedNotes(ext: ExtensionSession): Promise<string[]> {
  const page = await ext.openExtensionPage('popup/popup.html');
  try {
    const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'annotations/list', payload: {} }))) as {
      value: { annotations: { body: { note?: string } }[] };
    };
    return reply.value.annotations.map((a) => a.body.note ?? '');
  } finally {
    await page.close();
  }
}
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

function badgeOf(ext: ExtensionSession, tabId: number): Promise<string> {
  return ext.browser.serviceWorker.evaluate((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

describe.skipIf(SKIP_REASON !== null)('a page that removes the note form while the reader types', () => {
  const ext = useExtensionBrowser({ pages: PAGES, hosts: ['news.test', 'evil.test'] });

  const ways = { host: 'removes our host element', move: 'moves our host (its frame reloads)', hide: 'hides our host' } as const;
  for (const how of ['host', 'move', 'hide'] as const) {
    it(`keeps every key typed before the page ${ways[how]}, puts the form back with it, and saves the whole note`, async () => {
      const page = await ext.openWithHighlights('/story.html');
      await withScreenshotOnFailure(page, `hostile-note-removal-${how}`, async () => {
        await openNoteForm(page);
        await page.keyboard.type(FIRST, { delay: 20 });
        // The page strikes while the reader is still typing.
        await installRemover(page, how, 1, 120);
        await page.keyboard.type(SECOND, { delay: 40 });
        expect((await removal(page)).removed).toBe(1);
        // A hidden host is pinned again in place (same frame, same field); a removed or moved one
        // is a new frame, which says so and gets the draft back.
        if (how !== 'hide') {
          await formShowing(page, FORM_PUT_BACK);
          await formShowing(page, DRAFT_RESTORED);
          // One line says what happened; not also the focus guard's.
          expect((await readFrame(page, 'note'))?.text).not.toContain(FOCUS_TAKEN);
        }
        // Shown, with a box on screen (not merely on the page).
        await eventually(() => frameBox(page, 'note'), (box) => (box?.width ?? 0) > 0 && (box?.height ?? 0) > 0, 'the form on screen');
        const kept = (await eventually(() => noteField(page), (v) => (v ?? '').startsWith(FIRST), 'the first words back in the form'))!;
        // Everything typed before the page struck is there; of the rest, what reached a frame, in
        // order. Keys typed while the form was away went to the page (or nowhere).
        const missing = missingFrom(FIRST + SECOND, kept);
        console.log(`hostile-note-removal (${how}): kept ${JSON.stringify(kept)}, ${missing} of ${SECOND.length} later keys missing; the page heard ${(await removal(page)).heard}`);
        expect(missing).toBeGreaterThanOrEqual(0);
        await clickInAnnotateUi(page, 'data-field', 'note');
        await page.keyboard.press('End');
        await page.keyboard.type(THIRD);
        await clickInAnnotateUi(page, 'data-action', 'save');
        const notes = await eventually(() => storedNotes(ext), (n) => n.some((t) => t.startsWith(FIRST.trim()) && t.endsWith(THIRD)), 'the saved note');
        expect(notes).toContain(`${kept}${THIRD}`.trim());
        // Saved: its draft is gone, and a new form on the passage starts empty.
        await waitForFrameClosed(page, 'note');
        await expectNoDraft(page);
      });
      await page.close();
    }, 90_000);
  }

  it('stops putting the form back after a few rounds, says so on the toolbar button, and keeps the draft for the next time', async () => {
    const page = await ext.openWithHighlights('/other.html');
    const tabId = await ext.tabIdOf(page);
    await withScreenshotOnFailure(page, 'hostile-note-removal-fight', async () => {
      await openNoteForm(page);
      await page.keyboard.type(FIRST, { delay: 20 });
      await page.waitForTimeout(200);
      await installRemover(page, 'host', 100, 0);
      await eventually(() => badgeOf(ext, tabId), (b) => b === '!', 'the toolbar badge');
      await page.waitForTimeout(1_000);
      // The first form and FORM_PUT_BACKS_MAX put back: no endless fight.
      expect((await removal(page)).removed).toBe(FORM_PUT_BACKS_MAX + 1);
      expect(await dossierFrame(page, 'note')).toBeNull();
      // The popup (the browser's, like the badge) says what happened and that the draft is kept.
      const popup = await ext.openExtensionPage('popup/popup.html', tabId);
      await popup.getByTestId('form-taken').waitFor({ timeout: 10_000 });
      expect(await popup.getByTestId('form-taken').textContent()).toBe(FORM_TAKEN_NOTICE);
      const popupViolations = await axeViolations(popup);
      expect(popupViolations, describeViolations(popupViolations)).toEqual([]);
      await popup.close();
      // The reader reloads the page (its script is gone) and selects the passage again.
      await page.reload();
      await openNoteForm(page);
      await formShowing(page, DRAFT_RESTORED);
      expect(await noteField(page)).toBe(FIRST);
      const form = await dossierFrame(page, 'note');
      const formViolations = form ? await axeViolations(form) : [];
      expect(form).not.toBeNull();
      expect(formViolations, describeViolations(formViolations)).toEqual([]);
      await eventually(() => badgeOf(ext, tabId), (b) => b === '', 'the badge cleared');
      // Cancel is the reader's choice: the draft goes.
      await clickInAnnotateUi(page, 'data-action', 'cancel');
      await page.waitForTimeout(300);
      await expectNoDraft(page);
    });
    await page.close();
  }, 90_000);

  it('shows a draft only on its own page: another site with the same passage neither reads it nor writes it', async () => {
    // One tab in front at a time: the reader's keys go to the page in front.
    const story = await ext.openOn('news.test', '/story.html');
    await withScreenshotOnFailure(story, 'hostile-note-removal-other-page', async () => {
      await openNoteForm(story);
      await story.keyboard.type(FIRST);
      await eventually(() => noteField(story), (v) => v === FIRST, 'the draft typed on news.test');
      await story.waitForTimeout(800); // kept by the background
      await story.close();
      const evil = await ext.openOn('evil.test', '/story.html');
      // The same passage on another site: no draft, no "restored" line.
      await openNoteForm(evil);
      await evil.waitForTimeout(500);
      expect(await noteField(evil)).toBe('');
      expect((await readFrame(evil, 'note'))?.text).not.toContain(DRAFT_RESTORED);
      // The other site's script tries to plant one: forged draft replies and form orders posted to
      // every frame it can reach and to its own window (our frame listens only to its private
      // port), and it has no runtime to message.
      const reach = await evil.evaluate(() => {
        const forged = [
          { kind: 'restored', draft: { note: 'PLANTED', tags: '', colour: 'yellow' } },
          { kind: 'edit', draft: { note: 'PLANTED', tags: '', colour: 'yellow' } },
          { type: 'form', quote: 'x', page: 'http://news.test/story.html' },
        ];
        for (const message of forged) {
          window.postMessage(message, '*');
          for (let i = 0; i < window.frames.length; i++) window.frames[i]!.postMessage(message, '*');
        }
        return { runtime: typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage };
      });
      expect(reach.runtime).toBe('undefined');
      await evil.waitForTimeout(300);
      expect(await noteField(evil)).toBe('');
      // The reader's own typing there is that page's draft, not the story's.
      await evil.keyboard.type('typed on evil.test');
      await evil.waitForTimeout(800);
      expect(await noteField(evil)).toBe('typed on evil.test');
      await evil.close();
      const again = await ext.openOn('news.test', '/story.html');
      await openNoteForm(again);
      await formShowing(again, DRAFT_RESTORED);
      expect(await noteField(again)).toBe(FIRST);
      await again.close();
    });
  }, 90_000);
});
