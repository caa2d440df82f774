// The v8 upgrade (sightings regrouped into one record per entity and day, store/sightings/) in
// Chromium's own IndexedDB, in an extension page: a v7 database's flat sightings come out whole,
// and the card's key-range read of the new store answers newest first.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { SKIP_REASON } from './harness';
import { openOptionsPage } from './extension-helpers';
import { useExtensionBrowser } from './use-extension-browser';
import { SCHEMA_VERSION } from '../../src/background/store/migrations';

if (SKIP_REASON) console.warn(`sightings-upgrade.test.ts: ${SKIP_REASON}`);

interface Outcome {
  version7: number;
  version: number;
  records: number;
  flat: unknown[];
  input: { entityId: string; url: string }[];
  card: string[];
}

describe.skipIf(SKIP_REASON !== null)('the sightings upgrade in Chromium', () => {
  const ext = useExtensionBrowser({});

  it('regroups a v7 store of flat sightings into day records, losing none', async () => {
    const bundle = await esbuild.build({ entryPoints: [join(import.meta.dirname, 'sightings-upgrade-page.ts')], bundle: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'warning' });
    const page = await openOptionsPage(ext.browser);
    await page.evaluate(bundle.outputFiles[0]!.text);
    const out = await page.evaluate((name) => (globalThis as unknown as { __sightingsUpgrade(n: string): Promise<Outcome> }).__sightingsUpgrade(name), 'dossier-upgrade-check');
    expect(out.version7).toBe(7);
    // Every later step runs too (v9 adds the sites' daily quote counters).
    expect(out.version).toBe(SCHEMA_VERSION);
    // 450 pages of one day in 3 records (200 a record), 5 days of the other entity.
    expect(out.records).toBe(3 + 5);
    const order = (a: { entityId: string; url: string }, b: { entityId: string; url: string }) =>
      a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
    expect(out.flat).toEqual([...out.input].sort(order));
    expect(out.card).toEqual(Array.from({ length: 20 }, (_, i) => `https://a.example/${448 - i}`));
  });
});
