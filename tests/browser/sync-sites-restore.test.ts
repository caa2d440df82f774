// Sync in real Chromium, two profiles and one CouchDB-compatible server on 127.0.0.1 (as in
// sync-two-profiles.test.ts): a site's on/off switch reaches the other profile only when the user
// ticks "Same on my other devices (sync)", an entity added on one reaches a page open on the
// other at its next sync, and restoring a backup with sync on deletes nothing on
// the other profile that the backup lacks.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES, SKIP_REASON, waitForHighlightOf } from './harness';
import { note, notes, saveNote, send, syncNow, turnOnSync } from './sync-helpers';
import { useTwoProfiles } from './two-profiles';

if (SKIP_REASON) console.warn(`sync-sites-restore.test.ts: ${SKIP_REASON}`);

describe.skipIf(SKIP_REASON !== null)('sync of shared site switches and of a restore, between two Chromium profiles', () => {
  const profiles = useTwoProfiles({ serve: { dir: FIXTURE_PAGES } });
  const siteOff = async (page: Page, host: string) => (await send<{ disabled: boolean }>(page, 'site/get', { host })).disabled;

  beforeAll(async () => {
    await turnOnSync(profiles.optionsA, profiles.settings('ana'));
    await turnOnSync(profiles.optionsB, profiles.settings('ben'));
  }, 180_000);

  it("brings a site switched off and marked shared to the other profile, and leaves an unmarked one alone", async () => {
    const { a, b, optionsA, optionsB, pages } = profiles;
    // A has synced something: its next pass reads the marks of what changed, not the whole dossier
    // (both ways must keep an unshared switch home).
    await saveNote(optionsA, note('urn:uuid:before-sites', 'synced before the sites'));
    await syncNow(optionsA);
    // Both sites serve the same page: "localhost" is shared, "127.0.0.1" stays this profile's own.
    await send(optionsA, 'site/set', { host: 'localhost', disabled: true });
    await send(optionsA, 'site/set', { host: '127.0.0.1', disabled: true });
    await optionsA.reload();
    const shareBox = optionsA.getByLabel('Same on my other devices (sync): localhost');
    // A controlled checkbox: it shows the tick once the background has answered.
    await shareBox.click();
    await expect.poll(() => shareBox.isChecked()).toBe(true);
    await expect.poll(() => send<{ hosts: string[] }>(optionsA, 'sync/shared-sites', {})).toEqual({ hosts: ['localhost'] });
    expect(await optionsA.getByLabel('Same on my other devices (sync): 127.0.0.1').isChecked()).toBe(false);
    await syncNow(optionsA);
    await syncNow(optionsB);

    expect(await siteOff(optionsB, 'localhost')).toBe(true);
    expect(await siteOff(optionsB, '127.0.0.1')).toBe(false);
    await optionsB.reload();
    const listed = optionsB.locator('.site-list li');
    await expect.poll(() => listed.allInnerTexts()).toEqual([expect.stringContaining('localhost')]);
    expect(await optionsB.getByLabel('Same on my other devices (sync): localhost').isChecked()).toBe(true);

    // What the reader sees on B: the page is highlighted on the unshared site, not on the shared one.
    const port = new URL(pages.origin).port;
    const own = await b.context.newPage();
    const shared = await b.context.newPage();
    try {
      await own.goto(`http://127.0.0.1:${port}/article.html`);
      await waitForHighlightOf(own, 'Xi Jinping');
      await shared.goto(`http://localhost:${port}/article.html`);
      await shared.waitForTimeout(3000); // longer than the highlighted page above took
      expect(await shared.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('dossier')))).toEqual([]);
    } finally {
      await own.close();
      await shared.close();
    }

    // Switched back on from B, where it is shared: back on in A too, in the tab A has open on the
    // site (no reload); A's own site stays off.
    const openOnA = await a.context.newPage();
    await openOnA.goto(`http://localhost:${port}/article.html`);
    await optionsB.getByRole('listitem').filter({ hasText: 'localhost' }).getByRole('button', { name: 'Switch back on' }).click();
    await expect.poll(() => siteOff(optionsB, 'localhost')).toBe(false);
    await syncNow(optionsB);
    await syncNow(optionsA);
    expect(await siteOff(optionsA, 'localhost')).toBe(false);
    expect(await siteOff(optionsA, '127.0.0.1')).toBe(true);
    await waitForHighlightOf(openOnA, 'Xi Jinping');
    await openOnA.close();
  }, 120_000);

  it("brings an entity added on the other profile to the page open on this one at its next sync, without a reload", async () => {
    const { a, optionsA, optionsB, pages } = profiles;
    const port = new URL(pages.origin).port;
    const openOnA = await a.context.newPage();
    try {
      // localhost is on again in A (above); nobody of the list is named on this page.
      await openOnA.goto(`http://localhost:${port}/learn-ada.html`);
      await openOnA.waitForTimeout(1000);
      expect(await openOnA.evaluate(() => [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString() === 'Ada Lovelace')))).toBe(false);
      await send(optionsB, 'entities/save', { entity: { name: 'Ada Lovelace', kind: 'person', aliases: [], context: 'Mathematician' } });
      await syncNow(optionsB);
      await syncNow(optionsA);
      await waitForHighlightOf(openOnA, 'Ada Lovelace', 15_000);
    } finally {
      await openOnA.close();
    }
  }, 120_000);

  it('restoring a backup with sync on deletes nothing on the other profile: a note the backup lacks stays on both', async () => {
    const { optionsA, optionsB } = profiles;
    await saveNote(optionsA, note('urn:uuid:in-backup', 'in the backup'));
    await syncNow(optionsA);
    const backup = (await send<{ text: string }>(optionsA, 'backup/export', {})).text;
    await saveNote(optionsB, note('urn:uuid:after-backup', 'written on B after the backup'));
    await syncNow(optionsB);
    await syncNow(optionsA);
    expect(await notes(optionsA)).toMatchObject({ 'urn:uuid:after-backup': 'written on B after the backup' });

    await send(optionsA, 'backup/restore', { text: backup });
    // The restore replaced A's dossier: the later note is gone from A for now.
    const inBackup = { 'urn:uuid:before-sites': 'synced before the sites', 'urn:uuid:in-backup': 'in the backup' };
    expect(await notes(optionsA)).toEqual(inBackup);
    await syncNow(optionsA);
    await syncNow(optionsB);
    await syncNow(optionsA);
    const both = { ...inBackup, 'urn:uuid:after-backup': 'written on B after the backup' };
    expect(await notes(optionsB)).toEqual(both);
    expect(await notes(optionsA)).toEqual(both);
  }, 120_000);
});
