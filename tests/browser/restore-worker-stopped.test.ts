// The options page restores a backup into a fresh database the background reserved for it, and
// the background then switches to it (restore-in-page.ts, background/restore-port.ts). Chrome may
// stop the service worker at any time; stopped while the page writes, the restore must fail in
// words a reader understands, leave the old dossier whole, and the worker's next start must delete
// the half-written database (it was doomed in the catalog before it existed).
import { describe, expect, it } from 'vitest';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { WorkerWatch, openOptionsPage } from './extension-helpers';
import { databases, dossierCounts, makeBigBackup, pickBigBackup } from './restore-helpers';
import { useExtensionBrowser } from './use-extension-browser';

if (SKIP_REASON) console.warn(`restore-worker-stopped.test.ts: ${SKIP_REASON}`);

const SIGHTINGS = 40_000;

describe.skipIf(SKIP_REASON !== null)('a restore whose service worker stops midway', () => {
  const ext = useExtensionBrowser({});

  it('says so, leaves the old dossier whole, and the next start deletes the half-written database', async () => {
    const watcher = await openOptionsPage(ext.browser);
    const before = await dossierCounts(watcher);
    const { names: namesBefore, current: currentBefore } = await databases(watcher);
    const restoring = await openOptionsPage(ext.browser);
    const worker = await WorkerWatch.attach(watcher, ext.browser.extensionId);
    try {
      await withScreenshotOnFailure(restoring, 'restore-worker-stopped', async () => {
        expect(await makeBigBackup(restoring, SIGHTINGS)).toBeGreaterThan(1_000_000);
        await pickBigBackup(restoring);
        // The fresh database appears beside the dossier while the page writes it: then the worker stops.
        await expect.poll(async () => (await databases(watcher)).names.length, { timeout: 60_000, interval: 50 }).toBe(namesBefore.length + 1);
        await worker.stopAll();
        await worker.waitFor('stopped');
        const status = restoring.getByTestId('backup-status');
        await status.waitFor({ timeout: 30_000 });
        expect(await status.getAttribute('role')).toBe('alert');
        expect(await status.textContent()).toMatch(/^Nothing was restored\b.*\bYour dossier is as it was\b.*\btry again\b/i);
        // The reader can try again at once.
        expect(await restoring.getByTestId('restore-backup').isEnabled()).toBe(true);
      });
      // The next question wakes the worker, whose first use of the store deletes the leftover.
      expect(await dossierCounts(watcher)).toEqual(before);
      await expect.poll(async () => (await databases(watcher)).names, { timeout: 30_000, interval: 200 }).toEqual(namesBefore);
      expect((await databases(watcher)).current).toBe(currentBefore);
      expect(await dossierCounts(watcher)).toEqual(before);
    } finally {
      await worker.detach();
    }
    await restoring.close();
    await watcher.close();
  }, 240_000);
});
