// Dossier's card and note form are extension pages in frames on the page (src/content/frames).
// The tests reach them as Playwright frames (their documents are out of the page's reach: that
// is the point), and find the element that holds each one as the page sees it: a child of <html>
// that is neither <head> nor <body>, with a name drawn per page.
import type { ElementHandle, Frame, Page } from 'playwright-core';

export type FrameName = 'card' | 'note';

const FRAME_URL: Record<FrameName, RegExp> = { card: /\/card\/card\.html/, note: /\/note\/note\.html/ };

/**
 * `frame.evaluate` with a time limit: an evaluate on a frame that is being replaced or removed can
 * wait for an execution context that never comes. `fallback` on failure or time-out.
 */
export async function inFrame<T>(frame: Frame, fn: () => T, fallback: T, ms = 3_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([(frame.evaluate(fn) as Promise<T>).catch(() => fallback), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The frame's document, shown or not (a closed card's frame stays on the page, hidden, for the next open). */
export function attachedFrame(page: Page, name: FrameName): Frame | null {
  return page.frames().find((f) => FRAME_URL[name].test(f.url()) && !f.isDetached()) ?? null;
}

/**
 * The frame showing the card (or the note form), or null when it is not open: not on the page, or
 * (the card) kept on the page hidden between opens, as its host is then (inert, not visible).
 * A note frame just closed stays on the page, hidden, for a moment before it is removed (its
 * host's `visibility: hidden`), and still holds the form it showed: it is never the one returned,
 * though a new one may be on the page beside it.
 */
export async function dossierFrame(page: Page, name: FrameName): Promise<Frame | null> {
  for (const frame of page.frames()) {
    if (!FRAME_URL[name].test(frame.url()) || frame.isDetached()) continue;
    if (await isShown(frame)) return frame;
  }
  return null;
}

async function isShown(frame: Frame): Promise<boolean> {
  const element = await frame.frameElement().catch(() => null);
  if (!element) return false;
  try {
    return await element.evaluate((e) => {
      const host = (e.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
      // The host's own inline style (FrameHost pins it), not getComputedStyle: this runs in the
      // page's world, and hostile-pages.test.ts replaces the page's getComputedStyle.
      return Boolean(host?.isConnected && !host.inert && host.style.getPropertyValue('visibility') !== 'hidden');
    });
  } catch {
    return false;
  } finally {
    await element.dispose().catch(() => undefined);
  }
}

/** Waits for the frame and for its dialog (the card or the form drawn). */
export async function waitForFrame(page: Page, name: FrameName, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await dossierFrame(page, name);
    if (frame) {
      const ready = await inFrame(frame, () => document.querySelector('[role=dialog]') !== null, false);
      if (ready) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no ${name} frame on the page`);
    await page.waitForTimeout(50);
  }
}

export interface FrameContent {
  /** The text of the frame's body (its text nodes joined by spaces), whitespace collapsed. */
  text: string;
  /** Attributes of the first [role=dialog] inside, if any. */
  dialog: Record<string, string> | null;
}

/** What the frame shows, or null when there is none. */
export async function readFrame(page: Page, name: FrameName): Promise<FrameContent | null> {
  const frame = await dossierFrame(page, name);
  if (!frame) return null;
  return inFrame(
    frame,
    () => {
      const dialog = document.querySelector('[role=dialog]');
      // Text nodes joined by spaces, as written (innerText would apply the card's text-transform).
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'style' && n.parentElement?.localName !== 'script') texts.push(n.nodeValue ?? '');
      return {
        text: texts.join(' ').replace(/\s+/g, ' ').trim(),
        dialog: dialog ? Object.fromEntries([...dialog.attributes].map((a) => [a.name, a.value])) : null,
      };
    },
    null,
  );
}

/** The card's content (see readFrame). */
export function readCard(page: Page): Promise<FrameContent | null> {
  return readFrame(page, 'card');
}

/**
 * Runs in the page: the elements Dossier added to <html> (hosts of the card, note frame and
 * toolbar), as the page's own script would find them. Self-contained.
 */
export function addedHostsInPage(): Element[] {
  return [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body');
}

/** How many elements Dossier has added to <html> now. */
export function countHosts(page: Page): Promise<number> {
  return page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').length);
}

/**
 * How many elements Dossier has added to <html> that the page sees shown: a closed card's host
 * stays on the page between opens, hidden (visibility: hidden, inert), and is not counted.
 */
export function countShownHosts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.documentElement.children].filter(
        (e) => e.localName !== 'head' && e.localName !== 'body' && getComputedStyle(e).visibility !== 'hidden' && !(e as HTMLElement).inert,
      ).length,
  );
}

/** The iframe element of the frame (as Playwright sees through the closed shadow root), for its box. */
export async function frameElement(page: Page, name: FrameName): Promise<ElementHandle | null> {
  const frame = await dossierFrame(page, name);
  return frame ? frame.frameElement().catch(() => null) : null;
}

/** The box of the frame on screen, or null. */
export async function frameBox(page: Page, name: FrameName): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const element = await frameElement(page, name);
  if (!element) return null;
  try {
    return await element.boundingBox();
  } finally {
    await element.dispose();
  }
}

/** Whether focus is inside the frame (its document has focus). */
export async function frameHasFocus(page: Page, name: FrameName): Promise<boolean> {
  const frame = await dossierFrame(page, name);
  return frame ? inFrame(frame, () => document.hasFocus(), false) : false;
}

/** Waits until the frame is gone from the page. */
export async function waitForFrameClosed(page: Page, name: FrameName, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  // The card's frame stays on the page, hidden, between opens; the note's leaves the page.
  const open = name === 'card' ? () => dossierFrame(page, name) : async () => attachedFrame(page, name);
  while (await open()) {
    if (Date.now() > deadline) throw new Error(`the ${name} frame is still open`);
    await page.waitForTimeout(50);
  }
}

/** Whether a card is open on the page (its frame is there and shown; a closed one is hidden at once). */
export async function cardIsOpen(page: Page): Promise<boolean> {
  return (await dossierFrame(page, 'card')) !== null;
}

/** The element focused inside the note frame, as its accessibility role and name, or null. */
export async function focusedInNote(page: Page): Promise<{ role: string; name: string } | null> {
  const frame = await dossierFrame(page, 'note');
  if (!frame) return null;
  return inFrame(
    frame,
    () => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const id = el.getAttribute('id');
      const label = (id && document.querySelector(`label[for="${id}"]`)?.textContent) || el.getAttribute('aria-label') || el.closest('label')?.textContent || '';
      const role = el.localName === 'textarea' || (el.localName === 'input' && (el as HTMLInputElement).type === 'text') ? 'textbox' : el.getAttribute('role') ?? el.localName;
      return { role, name: label.trim() };
    },
    null,
  );
}

/**
 * Waits until the frame takes pointer clicks: a frame counts a click only once it has been seen
 * whole for a moment (src/ui/frames/click-guard.ts), and Playwright clicks as soon as it appears.
 */
export async function whenTakingClicks(frame: Frame, timeout = 10_000): Promise<void> {
  await frame.waitForFunction(() => document.documentElement.dataset.pointer === 'ready', undefined, { timeout });
}
