// A note draft outlives the browser (src/background/drafts/draft-database.ts): the reader types in
// the note form, the browser quits (or crashes) before the note is saved, and the next form on that
// passage, in the browser started again on the same profile, offers the draft back. Before, drafts
// lived in storage.session and died with the browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_RESTORED } from '../../src/shared/draft-port';
import { DRAFT_WRITE_DELAY_MS } from '../../src/background/drafts/draft-keeper';
import { eventually, openNoteForm } from './annotate-helpers';
import { axeViolations, describeViolations } from './axe';
import { dossierFrame, inFrame, readFrame } from './frame-helpers';
import { EXTENSION_DIR, SKIP_REASON, launchWithExtension, openWithHighlights, serve, turnOnDiagnostics, withScreenshotOnFailure, type StaticServer } from './harness';

if (SKIP_REASON) console.warn(`note-draft-restart.test.ts: ${SKIP_REASON}`);

const PASSAGE = 'a new offensive in the Kharkiv region';
const TYPED = 'check this against the ministry figures';
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news page</title></head><body>
  <p id="lead">Russian President Vladimir Putin has arrived in China for a two-day state visit.</p>
  <p id="target">The visit comes days after Russia launched ${PASSAGE}, near the border with Ukraine.</p></body></html>`;

async function noteField(page: Page): Promise<string | null> {
  const frame = await dossierFrame(page, 'note');
  return frame ? inFrame(frame, () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value ?? null, null) : null;
}

describe.skipIf(SKIP_REASON !== null)('a note draft and a browser restart', () => {
  let server: StaticServer;
  let profile: string;
  beforeAll(async () => {
    server = await serve({ pages: { '/story.html': STORY } });
    profile = mkdtempSync(join(tmpdir(), 'dossier-restart-'));
  });
  afterAll(async () => {
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('offers the unsaved note again after the browser quits and starts on the same profile', async () => {
    const url = server.url('/story.html');
    const first = await launchWithExtension(EXTENSION_DIR, [], profile);
    try {
      await turnOnDiagnostics(first);
      const page = await openWithHighlights(first, url);
      await withScreenshotOnFailure(page, 'note-draft-restart-type', async () => {
        await openNoteForm(page, '#target', PASSAGE);
        await page.keyboard.type(TYPED, { delay: 10 });
        // The keeper writes a burst of typing this long after its last key; a crash a moment
        // later must not take it.
        await page.waitForTimeout(DRAFT_WRITE_DELAY_MS + 600);
      });
    } finally {
      // The browser quits with the form open and the note unsaved.
      await first.close();
    }

    const second = await launchWithExtension(EXTENSION_DIR, [], profile);
    try {
      await turnOnDiagnostics(second);
      const page = await openWithHighlights(second, url);
      await withScreenshotOnFailure(page, 'note-draft-restart-restored', async () => {
        await openNoteForm(page, '#target', PASSAGE);
        await eventually(() => readFrame(page, 'note'), (f) => f?.text.includes(DRAFT_RESTORED) ?? false, 'the restored-draft line');
        expect(await noteField(page)).toBe(TYPED);
        const form = await dossierFrame(page, 'note');
        const violations = form ? await axeViolations(form) : [];
        expect(form).not.toBeNull();
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    } finally {
      await second.close();
    }
  }, 120_000);
});
