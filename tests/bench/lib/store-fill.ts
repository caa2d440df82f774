// Bench-only: fills Dossier's IndexedDB from one of the extension's own pages (same origin as the
// background, so the same database), the way a user with a big dossier would have it. Nothing in
// src/ knows about this; the background simply reads what is there.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import type { BenchFill, FillQuotesArg } from './store-fill-page';

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

/** The page-side half (store-fill-page.ts) as one script, bundled once per bench run. */
let pageScript: Promise<string> | undefined;
function fillScript(): Promise<string> {
  pageScript ??= esbuild
    .build({ entryPoints: [join(import.meta.dirname, 'store-fill-page.ts')], bundle: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'warning' })
    .then((result) => result.outputFiles[0]!.text);
  return pageScript;
}

/**
 * `count` quotes generated inside the page (no 30 MB trip through the DevTools protocol), written
 * through the store's quote writer: each by one of `speakers`, mentioning two others; `hot` speaks
 * every 50th quote and is mentioned in every 50th, so its card has ~2,000 quotes by and ~2,000 about.
 */
export async function addQuotes(page: Page, count: number, speakers: readonly string[], hot: string): Promise<number> {
  await page.evaluate(await fillScript());
  const arg: FillQuotesArg = { count, speakers, hot, provenance };
  return page.evaluate((a) => (globalThis as unknown as { __dossierBenchFill: BenchFill }).__dossierBenchFill.addQuotes(a), arg);
}

/** The v4 → v5 upgrade (quote counters filled from the indexes) of a database with the same quotes. */
export async function timeUpgrade(page: Page, count: number, speakers: readonly string[], hot: string): Promise<{ upgradeMs: number; counters: number }> {
  await page.evaluate(await fillScript());
  const arg: FillQuotesArg = { count, speakers, hot, provenance };
  return page.evaluate((a) => (globalThis as unknown as { __dossierBenchFill: BenchFill }).__dossierBenchFill.timeUpgrade(a), arg);
}

/** Removes an entity's quote counter (the card then counts its index ranges, as schema v4 did); returns it. */
export function takeCounter(page: Page, entityId: string): Promise<unknown> {
  return inStore(
    page,
    entityId,
    `
    return await new Promise((resolve, reject) => {
      const tx = db.transaction('quoteCounts', 'readwrite');
      const store = tx.objectStore('quoteCounts');
      let record;
      store.get(arg).onsuccess = (e) => { record = e.target.result; store.delete(arg); };
      tx.oncomplete = () => resolve(record); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error);
    });
    `,
  ) as Promise<unknown>;
}

export function putCounter(page: Page, record: unknown): Promise<number> {
  return inStore(page, ['quoteCounts', [{ value: record }]], PUT_ALL);
}

/** The card's totals as the background answers them to an extension page. */
export async function cardTotals(page: Page, entityId: string): Promise<{ by: number; about: number }> {
  return page.evaluate(async (id) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
    const reply = (await runtime.sendMessage({ type: 'card/entity', payload: { entityId: id, url: 'https://bench.invalid/' } })) as {
      ok: boolean;
      value?: { quotesByTotal?: number; quotesAboutTotal?: number };
      error?: string;
    };
    if (!reply.ok) throw new Error(reply.error);
    return { by: reply.value?.quotesByTotal ?? NaN, about: reply.value?.quotesAboutTotal ?? NaN };
  }, entityId);
}

/**
 * Diagnosis (DOSSIER_BENCH_PROBE): the card's reads one by one, straight from an extension page, in
 * ms: the entity, its claims and sightings, and a section's first page read by a backwards cursor
 * (as the card did) and by one getAllRecords request where the browser has it.
 */
export function probeCardReads(page: Page, entityId: string): Promise<Record<string, number>> {
  return inStore(
    page,
    entityId,
    `
    const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const out = {};
    const time = async (name, f) => { const t = performance.now(); await f(); out[name] = +(performance.now() - t).toFixed(2); };
    const range = IDBKeyRange.bound([arg], [arg, []]);
    const tx = () => db.transaction(['entities', 'claims', 'quotes', 'quoteCounts', 'sightings']);
    await time('entity get', () => req(tx().objectStore('entities').get(arg)));
    await time('claims byEntity', () => req(tx().objectStore('claims').index('byEntity').getAll(arg)));
    await time('sightings day records', () => req(tx().objectStore('sightings').getAll(IDBKeyRange.bound([arg], [arg, []]))));
    await time('counter get', () => req(tx().objectStore('quoteCounts').get(arg)));
    for (const name of ['bySpeakerLatest', 'byMentionLatest']) {
      await time(name + ' cursor 20', () => new Promise((resolve, reject) => {
        const c = tx().objectStore('quotes').index(name).openCursor(range, 'prev');
        let n = 0;
        c.onsuccess = () => { const cur = c.result; if (!cur || ++n >= 20) return resolve(n); cur.continue(); };
        c.onerror = () => reject(c.error);
      }));
      const index = tx().objectStore('quotes').index(name);
      if (typeof index.getAllRecords === 'function') await time(name + ' getAllRecords 20', () => req(index.getAllRecords({ query: range, count: 20, direction: 'prev' })));
      await time(name + ' count', () => req(tx().objectStore('quotes').index(name).count(range)));
    }
    return out;
    `,
  ) as unknown as Promise<Record<string, number>>;
}
