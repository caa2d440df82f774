// Hostile entity names and contexts on the options page in real Chromium with the built extension:
// an entity stored with markup for a name (as an import, "add this article" or an old backup could
// store it) and an annotation linked to it. The entity list and the annotations' entity filter
// show the name as text: no element made from it, no dialog.
import { describe, expect, it } from 'vitest';
import { searchKeysOf } from '../../src/background/store/search-keys';
import { createAnnotation } from '../../src/core/annotations';
import type { Entity } from '../../src/core/types';
import { SKIP_REASON, withScreenshotOnFailure } from './harness';
import { useExtensionBrowser } from './use-extension-browser';
import { writeRecords } from './hostile-helpers';

if (SKIP_REASON) console.warn(`hostile-options.test.ts: ${SKIP_REASON}`);

const NAME = 'Eve <img src=x onerror=alert("name")>';
const CONTEXT = '<script>alert("context")</script><svg onload=alert("ctx")> envoy';
const provenance = { outlet: '<b>Evil</b> Post', title: '<iframe src=javascript:alert(1)>', date: '2024-05-16', url: 'javascript:alert("src")', sentence: 'x' };
const PAYLOAD_TAGS = 'img, script:not([src]), svg, iframe, b';

const entity = (() => {
  const e: Entity = { id: 'eve-hostile', name: NAME, kind: 'person', aliases: [{ text: '<i>Eve</i>' }], context: CONTEXT, provenance };
  return { ...e, origin: 'user' as const, keys: searchKeysOf(e) };
})();

const annotation = (() => {
  const text = 'Eve met the press.';
  const a = createAnnotation({ pageUrl: 'https://news.example/eve', title: 'Eve', text, start: 0, end: 3, id: 'urn:uuid:eve-note', now: new Date('2024-05-16T10:00:00Z'), tags: ['people'], note: 'plain note', entities: ['eve-hostile'] });
  return { ...a, time: Date.parse(a.modified), orphan: false };
})();

describe.skipIf(SKIP_REASON !== null)('hostile entity names on the options page', () => {
  const ext = useExtensionBrowser();

  it('lists the entity and the annotation entity filter as text, with no element made and no dialog', async () => {
    const dialogs: string[] = [];
    const options = await ext.openExtensionPage('options/options.html');
    options.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await withScreenshotOnFailure(options, 'hostile-options', async () => {
      // The page's first load opened and seeded the store; then the hostile records go in.
      await options.getByTestId('entity-count').waitFor({ timeout: 20_000 });
      await writeRecords(options, [
        { store: 'entities', value: entity },
        { store: 'annotations', value: annotation },
      ]);
      await options.reload();
      const row = options.locator('li[data-id="eve-hostile"]');
      await row.waitFor({ timeout: 15_000 });
      const text = await row.innerText();
      expect(text).toContain(NAME);
      expect(await options.getByLabel('Entity').locator('option').allInnerTexts()).toContain(NAME);
      await options.locator('li[data-id="urn:uuid:eve-note"]').waitFor({ timeout: 10_000 });
      // Searching the list by the hostile alias works on text, too.
      await options.getByLabel('Search entities').fill('<i>Eve');
      await expect.poll(() => options.getByTestId('entity-count').textContent(), { timeout: 10_000 }).toMatch(/^1 of \d+ entities$/);
      expect(await options.locator(PAYLOAD_TAGS).count()).toBe(0);
      expect(await options.locator('i').count()).toBe(0);
      expect(await options.locator('a[href^="javascript:" i]').count()).toBe(0);
      await options.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    });
    await options.close();
  }, 60_000);
});
