// The small parts of sync: the encryption's promises (a wrong key or a moved document fails, ids
// reveal nothing, weak derivations refused), the status in words, the sync routes' senders and
// payloads, and the server address rules.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/routes/router';
import { createStore, openStore } from '../../src/background/store';
import { deriveKeys, documentId, MIN_ITERATIONS, open, seal } from '../../src/background/sync/crypto';
import { backoffDelay, normaliseServer } from '../../src/background/sync/service';
import { fingerprint } from '../../src/background/sync/stable-json';
import { ago, originPattern, statusLine } from '../../src/ui/options/sync-time';

const salt = new Uint8Array(16).fill(7);

describe('sync encryption', () => {
  it('opens what it sealed, and refuses another passphrase, another document id or a changed byte', async () => {
    const keys = await deriveKeys('right passphrase', salt, MIN_ITERATIONS);
    const other = await deriveKeys('wrong passphrase', salt, MIN_ITERATIONS);
    const sealed = await seal(keys, 'xdoc1', { k: 'a:urn:uuid:1', p: { note: 'secret' } });
    expect(await open(keys, 'xdoc1', sealed)).toEqual({ k: 'a:urn:uuid:1', p: { note: 'secret' } });
    expect(JSON.stringify(sealed)).not.toContain('secret');
    await expect(open(other, 'xdoc1', sealed)).rejects.toThrow(/could not be decrypted/);
    await expect(open(keys, 'xdoc2', sealed)).rejects.toThrow(/could not be decrypted/);
    const flipped = { ...sealed, ct: (sealed.ct[0] === 'A' ? 'B' : 'A') + sealed.ct.slice(1) };
    await expect(open(keys, 'xdoc1', flipped)).rejects.toThrow(/could not be decrypted/);
  }, 30_000);

  it('makes document ids that are stable per key and reveal neither the record nor its kind', async () => {
    const keys = await deriveKeys('right passphrase', salt, MIN_ITERATIONS);
    const other = await deriveKeys('another passphrase', salt, MIN_ITERATIONS);
    const id = await documentId(keys, 'e:ilsa-vantarro');
    expect(id).toBe(await documentId(keys, 'e:ilsa-vantarro'));
    expect(id).not.toBe(await documentId(other, 'e:ilsa-vantarro'));
    expect(id).toMatch(/^x[A-Za-z0-9_-]{43}$/);
    expect(id).not.toMatch(/ilsa|vantarro/i);
  }, 30_000);

  it('refuses a key derivation weaker than the minimum (a hostile server cannot lower it)', async () => {
    await expect(deriveKeys('right passphrase', salt, 1000)).rejects.toThrow(/at least 310000/);
  });

  it('fingerprints records whatever the order of their fields', () => {
    expect(fingerprint({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(fingerprint({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});

describe('sync status in words', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('says when it last synced', () => {
    expect(ago(now - 10_000, now)).toBe('just now');
    expect(ago(now - 120_000, now)).toBe('2 minutes ago');
    expect(ago(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(statusLine({ on: true, running: false, conflicts: 0, lastSyncedAt: now - 120_000 }, now)).toBe('Last synced 2 minutes ago.');
    expect(statusLine({ on: false, running: false, conflicts: 0 }, now)).toBe('Sync is off: nothing leaves this browser.');
  });

  it('asks for the permission of the one server, and refuses addresses with credentials or other schemes', () => {
    expect(originPattern('https://couch.example.org:6984/db/')).toBe('https://couch.example.org/*');
    expect(normaliseServer(' https://couch.example.org/couch ')).toBe('https://couch.example.org/couch/');
    expect(() => normaliseServer('https://ana:pw@couch.example.org/')).toThrow(/own fields/);
    expect(() => normaliseServer('ftp://couch.example.org/')).toThrow(/https/);
    expect(() => normaliseServer('couch.example.org')).toThrow(/full address/);
  });

  it('backs off after failures, up to half an hour', () => {
    expect(backoffDelay(1)).toBe(30_000);
    expect(backoffDelay(2)).toBe(60_000);
    expect(backoffDelay(20)).toBe(30 * 60_000);
  });
});

describe('sync messages', () => {
  const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
  const ID = 'abcdefghijklmnop';
  const content = { id: ID, url: 'https://news.example/story', tab: { id: 4, url: 'https://news.example/story' } };
  const options = { id: ID, url: `${ORIGIN}options/options.html` };

  it('are refused to a content script, and their payloads are checked', async () => {
    const db = await openStore({ name: `routes-${Math.random()}` });
    const router = createRouter(createStore(async () => db), ORIGIN, ID);
    for (const type of ['sync/status', 'sync/configure', 'sync/disable', 'sync/now', 'sync/conflicts', 'sync/resolve', 'sync/authors', 'sync/conflict', 'sync/shared-sites', 'sync/share-site']) {
      expect(await router.handle({ type, payload: {} }, content)).toMatchObject({ ok: false, error: expect.stringMatching(/content script/) });
    }
    const bad = await router.handle({ type: 'sync/configure', payload: { server: 'https://x.example/', database: 'd', username: 'u', password: 'p', passphrase: 'long enough', history: 'yes' } }, options);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/history/) });
    const merge = await router.handle({ type: 'sync/resolve', payload: { id: 'x1', rev: '2-ab', note: 7 } }, options);
    expect(merge).toMatchObject({ ok: false, error: expect.stringMatching(/note/) });
    const share = await router.handle({ type: 'sync/share-site', payload: { host: 'news.example', shared: 'yes' } }, options);
    expect(share).toMatchObject({ ok: false, error: expect.stringMatching(/shared/) });
  });
});
