// What the restore tests read and do in an options page (restore-tab-closed, restore-worker-stopped):
// the extension origin's databases and the catalog's current dossier, the dossier's counts, and a
// big backup picked in the page's file input as a reader would.
import type { Page } from 'playwright-core';

/** The databases of the extension's origin, by name, and the catalog's current dossier. */
export function databases(page: Page): Promise<{ names: string[]; current: string | undefined }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
    const current = await new Promise<string | undefined>((resolve) => {
      const open = indexedDB.open('dossier-catalog');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('names')) return resolve(undefined);
        const get = db.transaction('names').objectStore('names').get('current');
        get.onsuccess = () => {
          // Absent: the name every Dossier before the catalog used.
          resolve((get.result as string | undefined) ?? 'dossier');
          db.close();
        };
      };
    });
    return { names, current };
  });
}

/** The dossier as the background gives it to a backup: counts per store. */
export function dossierCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'backup/export', payload: {} })) as { ok: boolean; value: { counts: Record<string, number> } };
    return reply.value.counts;
  });
}

/**
 * Makes, in `page`, a backup of its own dossier with `count` sightings added, each a record of its
 * own in the store (kept in the page as `__file`), and returns its length in characters.
 */
export function makeBigBackup(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const reply = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'backup/export', payload: {} })) as { value: { text: string } };
    const base = JSON.parse(reply.value.text) as { entities: { id: string }[]; sightings: unknown[] };
    const ids = base.entities.map((e) => e.id);
    // One sighting per entity and day, going back a day per round of entities: the store keeps one
    // record per entity and day, so this is `n` records to write (sightings of one day would be
    // ~n / 200 records, written before a test could close the tab or stop the worker midway).
    base.sightings = Array.from({ length: n }, (_, i) => ({ entityId: ids[i % ids.length], url: `https://news.example/story-${i}`, title: `Story ${i}`, time: 1_717_243_200_000 - Math.floor(i / ids.length) * 86_400_000, count: 1 }));
    const text = JSON.stringify(base);
    (window as unknown as { __file: string }).__file = text;
    return text.length;
  }, count);
}

/** Picks the backup makeBigBackup kept in `page` in its restore input, as a reader choosing the file. */
export async function pickBigBackup(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="restore-backup"]')!;
    const picked = new DataTransfer();
    picked.items.add(new File([(window as unknown as { __file: string }).__file], 'backup.json', { type: 'application/json' }));
    input.files = picked.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
