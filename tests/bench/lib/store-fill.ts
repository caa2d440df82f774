// Bench-only: fills Dossier's IndexedDB from one of the extension's own pages (same origin as the
// background, so the same database), the way a user with a big dossier would have it. Nothing in
// src/ knows about this; the background simply reads what is there.
import type { Page } from 'playwright-core';

export interface FillEntity {
  id: string;
  name: string;
  kind: 'person' | 'organisation' | 'place';
}

/** Opens an extension page and waits until the background has created and seeded the store. */
export async function openExtensionPage(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options/options.html`);
  await page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    await runtime.sendMessage({ type: 'site/get', payload: { host: 'bench.invalid' } });
  });
}

/**
 * Runs `body` (the statements of an async function of `db` and `arg`) in the extension page with
 * the store opened at its current version. Sent as DevTools-protocol source, which the page's CSP
 * does not govern; the extension itself never evaluates strings.
 */
async function inStore<A>(page: Page, arg: A, body: string): Promise<number> {
  const source = `(async (arg) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('dossier');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try { ${body} } finally { db.close(); }
  })(${JSON.stringify(arg)})`;
  return (await page.evaluate(source)) as number;
}

const PUT_ALL = `
  const [storeName, records] = arg;
  await new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    const store = tx.objectStore(storeName);
    for (const r of records) store.put(r.value === undefined ? r : r.value, r.key);
    tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error);
  });
  return records.length;
`;

export function disableSite(page: Page, host: string): Promise<number> {
  return inStore(page, ['settings', [{ key: `site-disabled:${host}`, value: true }]], PUT_ALL);
}

const provenance = { outlet: 'Bench', title: 'Bench', date: '2024-05-16', sentence: 'Bench.' };

export function addEntities(page: Page, entities: readonly FillEntity[]): Promise<number> {
  const records = entities.map((e) => ({
    ...e,
    aliases: [],
    context: 'Bench entity',
    provenance,
    origin: 'user',
    keys: [e.name.toLowerCase()],
  }));
  return inStore(page, ['entities', records], PUT_ALL);
}

/**
 * `count` quotes generated inside the page (no 30 MB trip through the DevTools protocol): each by
 * one of `speakers`, mentioning two others; `hot` speaks every 50th quote and is mentioned in every
 * 50th, so its card has ~2,000 quotes by and ~2,000 about.
 */
export function addQuotes(page: Page, count: number, speakers: readonly string[], hot: string): Promise<number> {
  return inStore(
    page,
    { count, speakers, hot, provenance },
    `
    const { count, speakers, hot, provenance } = arg;
    const words = 'the talks on trade and security will continue next week said officials in the capital'.split(' ');
    const BATCH = 10000;
    for (let from = 0; from < count; from += BATCH) {
      await new Promise((resolve, reject) => {
        const tx = db.transaction('quotes', 'readwrite');
        const store = tx.objectStore('quotes');
        for (let i = from; i < Math.min(count, from + BATCH); i++) {
          const speaker = i % 50 === 0 ? hot : speakers[(i * 7919) % speakers.length];
          const mention = i % 50 === 25 ? hot : speakers[(i * 104729) % speakers.length];
          let text = '';
          for (let w = 0; w < 25; w++) text += words[(i + w * 31) % words.length] + ' ';
          const mentions = [mention, speakers[(i * 31) % speakers.length]];
          const date = '2024-0' + (1 + (i % 9)) + '-1' + (i % 9);
          // The v4 card keys (src/background/store/quote-card-keys.ts), as every writer of the store sets them.
          const about = [...new Set(mentions)].filter((id) => id !== speaker);
          store.put({ id: 'bench-q' + i, text: text.trim() + '.', speaker, mentions,
            provenance: { ...provenance, date }, origin: 'user', latest: date, mentionLatest: about.map((id) => [id, date]) });
        }
        tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error);
      });
    }
    return count;
    `,
  );
}
