// The options page's restore (restore-in-page.ts, background/restore-port.ts): the page fills a
// database the background reserved, and the background switches to it only when the fill is whole.
// Another context is played here by a second connection on the same IDBFactory, as the options
// page's own is in the browser. A page that stops midway (its tab closed, a failure) leaves the
// old dossier whole and no database behind; only an extension page can get a database reserved.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { openStore } from '../../src/background/store';
import { readBackup } from '../../src/background/store/backup';
import type { Backup } from '../../src/background/store/backup-validate';
import { CATALOG_NAME } from '../../src/background/store/catalog';
import { fillFresh, isFilled } from '../../src/background/store/fill-fresh';
import { handleRestorePort } from '../../src/background/restore-port';
import { RESTORE_PORT } from '../../src/shared/restore-port';
import { NOW } from './big-backup';
import { bigBackup, catalog, databases, profile, type Profile } from './restore-profiles';
import { groupSightings } from '../../src/background/store/sightings/day-records';

async function everything(p: Profile) {
  const { exported: _exported, ...rest } = await readBackup(await p.database.get(), NOW);
  return rest;
}

/** What the options page does with the reserved name, on its own connection. */
async function pageFills(p: Profile, name: string, backup: Backup, upTo?: 'part'): Promise<void> {
  const fresh = await openStore({ factory: p.factory, name });
  try {
    if (upTo === 'part') {
      // Stopped midway: some stores written, the last mark not.
      const tx = fresh.transaction('sightings', 'readwrite');
      for (const r of groupSightings(backup.sightings.slice(0, 100))) void tx.store.put(r);
      await tx.done;
    } else {
      await fillFresh(fresh, backup);
    }
  } finally {
    fresh.close();
  }
}

describe('a restore the options page fills itself', () => {
  it('is switched to once whole: every opener sees the backup, the old database is deleted', async () => {
    const p = await profile();
    const backup = await bigBackup();
    const reservation = await p.database.reserve();
    await pageFills(p, reservation.name, backup);
    await reservation.adopt(isFilled);
    const after = await everything(p);
    expect(after.quotes).toHaveLength(backup.quotes.length);
    expect(after.sightings).toHaveLength(backup.sightings.length);
    expect(await catalog(p)).toEqual({ current: reservation.name, doomed: [] });
    expect(await databases(p)).toEqual([CATALOG_NAME, reservation.name].sort());
    const byTom = backup.quotes.filter((q) => q.speaker === 'tom').length;
    expect((await p.store.getEntityCard('tom', 'https://news.example/now')).quotesByTotal).toBe(byTom);
  });

  it('a fill that stopped midway is refused at the switch: the old dossier stays whole, the part-filled database goes', async () => {
    const p = await profile();
    const before = await everything(p);
    const reservation = await p.database.reserve();
    await pageFills(p, reservation.name, await bigBackup(), 'part');
    await expect(reservation.adopt(isFilled)).rejects.toThrow(/Nothing was restored/);
    expect(await everything(p)).toEqual(before);
    expect((await catalog(p)).current).toBe('dossier');
    expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
  });

  it('the page closed midway (abandoned): the old dossier stays whole and no database is left behind', async () => {
    const p = await profile();
    const before = await everything(p);
    const reservation = await p.database.reserve();
    await pageFills(p, reservation.name, await bigBackup(), 'part');
    await reservation.abandon();
    expect(await everything(p)).toEqual(before);
    expect(await catalog(p)).toEqual({ current: 'dossier', doomed: [] });
    expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
    // Nor can it be switched to afterwards.
    await expect(reservation.adopt(isFilled)).rejects.toThrow();
    expect((await catalog(p)).current).toBe('dossier');
  });
});

/** A port as the browser hands it to the background's onConnect. */
function fakePort(sender: Runtime.MessageSender) {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: unknown[] = [];
  const port = {
    name: RESTORE_PORT,
    sender,
    postMessage: (m: unknown) => posted.push(m),
    disconnect: vi.fn(),
    onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
    onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
  } as unknown as Runtime.Port;
  return { port, posted, send: (m: unknown) => onMessage.forEach((f) => f(m)), close: () => onDisconnect.forEach((f) => f()) };
}

const ORIGIN = 'chrome-extension://abc/';
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the restore port', () => {
  it('gives no database to a content script or a web page, and closes its port', async () => {
    const p = await profile();
    const reserve = vi.spyOn(p.database, 'reserve');
    for (const sender of [
      { id: 'abc', url: 'https://evil.example/', tab: { id: 1, url: 'https://evil.example/' } },
      { url: 'https://evil.example/' },
      { id: 'abc', url: `${ORIGIN}options/options.html`, tab: { id: 2, url: 'https://evil.example/' } },
    ]) {
      const { port } = fakePort(sender as Runtime.MessageSender);
      handleRestorePort(port, { database: p.database, extensionOrigin: ORIGIN, extensionId: 'abc', onRestored: () => undefined });
      expect(port.disconnect).toHaveBeenCalled();
    }
    expect(reserve).not.toHaveBeenCalled();
    expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
  });

  it('an options tab closed before the switch: the fresh database is deleted, the old dossier stays', async () => {
    const p = await profile();
    const before = await everything(p);
    const page = fakePort({ id: 'abc', url: `${ORIGIN}options/options.html` } as Runtime.MessageSender);
    const restored = vi.fn();
    handleRestorePort(page.port, { database: p.database, extensionOrigin: ORIGIN, extensionId: 'abc', onRestored: restored });
    await flush();
    const reserved = page.posted[0] as { kind: string; name: string };
    expect(reserved.kind).toBe('reserved');
    await pageFills(p, reserved.name, await bigBackup(), 'part');
    page.close();
    await flush();
    expect(restored).not.toHaveBeenCalled();
    expect(await everything(p)).toEqual(before);
    expect(await databases(p)).toEqual([CATALOG_NAME, 'dossier'].sort());
  });

  it('switches when the page asks after a whole fill, and says so', async () => {
    const p = await profile();
    const backup = await bigBackup();
    const page = fakePort({ id: 'abc', url: `${ORIGIN}options/options.html` } as Runtime.MessageSender);
    const restored = vi.fn();
    handleRestorePort(page.port, { database: p.database, extensionOrigin: ORIGIN, extensionId: 'abc', onRestored: restored });
    await flush();
    const { name } = page.posted[0] as { name: string };
    await pageFills(p, name, backup);
    page.send({ kind: 'switch' });
    await vi.waitFor(() => expect(page.posted).toContainEqual({ kind: 'switched' }));
    expect(restored).toHaveBeenCalledOnce();
    expect((await everything(p)).sightings).toHaveLength(backup.sightings.length);
  });
});

describe('the background after a restore', () => {
  it('forgets a card warmed by a press just before the restore: the click shows the restored dossier', async () => {
    const p = await profile();
    const backup = await bigBackup();
    // The reader presses on Tom just before the restore; the click comes after it.
    await p.store.warmEntityCard('tom', 'https://news.example/now');
    await p.store.admin.restoreBackup(backup);
    const card = await p.store.getEntityCard('tom', 'https://news.example/now');
    expect(card.quotesByTotal).toBe(backup.quotes.filter((q) => q.speaker === 'tom').length);
  });
});
