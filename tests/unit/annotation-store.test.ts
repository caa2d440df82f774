// The background's annotation messages on a real store (fake-indexeddb): who may save, read and
// import what, and that an import is all or nothing: a bad record, or a write that fails midway,
// leaves the dossier exactly as it was.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoreError, type Store } from '../../src/background/store';
import { createAnnotation, exportJsonLd, type Annotation } from '../../src/core/annotations';
import { ID, openStoreRouter, type StoreRouter } from './store-router';

const PAGE = 'https://news.example/story';
const content = { id: ID, url: `${PAGE}?utm_source=x`, tab: { id: 4, url: `${PAGE}?utm_source=x` } };
const otherContent = { id: ID, url: 'https://evil.example/', tab: { id: 5, url: 'https://evil.example/' } };
const TEXT = 'Russia launched a new offensive in the Kharkiv region. Xi Jinping welcomed Putin in Beijing.';

function note(id: string, exact: string, extra: Partial<Annotation['body']> = {}): Annotation {
  const start = TEXT.indexOf(exact);
  const a = createAnnotation({ pageUrl: PAGE, title: 'Story', text: TEXT, start, end: start + exact.length, id, now: new Date('2024-05-16T10:00:00Z'), tags: ['war'], note: `note ${id}` });
  return { ...a, body: { ...a.body, ...extra } };
}

let store: Store;
let send: StoreRouter['send'];

async function everything(): Promise<unknown> {
  const reply = await send('annotations/list', {});
  if (!reply?.ok) throw new Error(JSON.stringify(reply));
  return reply.value;
}

beforeEach(async () => {
  ({ store, send } = await openStoreRouter({ now: Date.parse('2024-06-01T00:00:00Z') }));
});

describe('annotation messages: senders', () => {
  it('lets a content script save and read its own page, normalised (tracking parameters dropped)', async () => {
    const saved = await send('annotations/save', { annotation: note('urn:uuid:1', 'a new offensive') }, content);
    expect(saved).toMatchObject({ ok: true, value: { annotation: { id: 'urn:uuid:1', url: PAGE, orphan: false } } });
    const page = await send('annotations/page', { url: content.url }, content);
    expect(page).toMatchObject({ ok: true, value: { url: PAGE, annotations: [{ id: 'urn:uuid:1' }] } });
  });

  it("refuses a content script another page's annotations, and every destructive message", async () => {
    const foreign = await send('annotations/save', { annotation: note('urn:uuid:2', 'Xi Jinping') }, otherContent);
    expect(foreign).toMatchObject({ ok: false, error: expect.stringMatching(/own annotations/) });
    expect(await send('annotations/page', { url: PAGE }, otherContent)).toMatchObject({ ok: false });
    for (const [type, payload] of [
      ['annotations/delete', { id: 'urn:uuid:1' }],
      ['annotations/import', { text: '[]' }],
      ['annotations/export', { format: 'csv' }],
      ['annotations/list', {}],
    ] as const) {
      expect(await send(type, payload, content)).toMatchObject({ ok: false, error: expect.stringMatching(/content script/) });
    }
    expect(await everything()).toMatchObject({ total: 0 });
  });

  it('refuses a saved annotation with a wrong field, naming it', async () => {
    const bad = { ...note('urn:uuid:3', 'Xi Jinping'), body: { tags: 'war', colour: 'yellow' } };
    expect(await send('annotations/save', { annotation: bad }, content)).toEqual({
      ok: false,
      error: '"annotations/save" refused: payload.annotation.body.tags must be an array of strings',
    });
  });

  it('keeps an orphan as an orphan: reported, listed, never dropped', async () => {
    await send('annotations/save', { annotation: note('urn:uuid:4', 'Xi Jinping') }, content);
    expect(await send('annotations/report', { url: PAGE, orphans: ['urn:uuid:4'], anchored: [] }, content)).toMatchObject({ ok: true, value: { updated: 1 } });
    expect(await everything()).toMatchObject({ total: 1, annotations: [{ id: 'urn:uuid:4', orphan: true }] });
  });
});

describe('annotation import: one transaction', () => {
  const good = [note('urn:uuid:a', 'a new offensive'), note('urn:uuid:b', 'Xi Jinping', { colour: 'green' })];

  it('imports an export, and a second time adds nothing', async () => {
    const text = exportJsonLd(good, { includeEntities: true });
    expect(await send('annotations/import', { text })).toMatchObject({ ok: true, value: { added: 2, updated: 0 } });
    expect(await send('annotations/import', { text })).toMatchObject({ ok: true, value: { added: 0, identical: 2 } });
    expect(await everything()).toMatchObject({ total: 2 });
  });

  it('writes nothing when one record of the file is bad, and names that record and field', async () => {
    await send('annotations/save', { annotation: note('urn:uuid:kept', 'Beijing') });
    const before = await everything();
    const file = JSON.parse(exportJsonLd(good)) as { first: { items: { target: { selector: { start?: unknown }[] } }[] } };
    file.first.items[1]!.target.selector[1]!.start = 'twelve';
    const reply = await send('annotations/import', { text: JSON.stringify(file) });
    expect(reply).toEqual({ ok: false, error: 'Nothing was imported. first.items[1].target.selector[1].start: expected a non-negative integer' });
    expect(await everything()).toEqual(before);
  });

  it.each([
    ['a __proto__ key', '{"type":"Annotation","__proto__":{"polluted":true},"id":"urn:x:1","target":"https://a.example/"}', /__proto__/],
    ['a truncated file', exportJsonLd(good).slice(0, 300), /truncated/],
    ['10 MB of junk', 'x'.repeat(10 * 1024 * 1024 + 1), /10 MB import limit/],
    ['wrong types', '{"type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[{"type":"Annotation","id":42,"target":"https://a.example/"}]}}', /first\.items\[0\]\.id: expected a string/],
  ])('refuses %s with a clear message and changes nothing', async (_what, text, error) => {
    await send('annotations/save', { annotation: note('urn:uuid:kept', 'Beijing') });
    const before = await everything();
    const reply = await send('annotations/import', { text });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    expect((reply as { error: string }).error).toMatch(/^Nothing was imported\./);
    expect(await everything()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rolls back records already written when a later write fails in the same transaction', async () => {
    // The second record cannot be stored (a function is not cloneable): the first must not stay.
    const unstorable = { ...good[1]!, title: (() => 'x') as unknown as string };
    await expect(store.annotations.import([good[0]!, unstorable])).rejects.toBeInstanceOf(StoreError);
    expect(await everything()).toMatchObject({ total: 0 });
  });
});

describe('annotation listing and export', () => {
  it('filters by tag, entity, site, date and words', async () => {
    await send('annotations/save', { annotation: { ...note('urn:uuid:x', 'Xi Jinping'), entities: ['xi-jinping'] } });
    await send('annotations/save', { annotation: { ...note('urn:uuid:y', 'Kharkiv'), body: { tags: ['front'], colour: 'blue', note: 'map' } } });
    const list = async (filter: object) => {
      const reply = await send('annotations/list', filter);
      return (reply as { value: { annotations: { id: string }[] } }).value.annotations.map((a) => a.id);
    };
    expect(await list({ tag: 'front' })).toEqual(['urn:uuid:y']);
    expect(await list({ entity: 'xi-jinping' })).toEqual(['urn:uuid:x']);
    expect(await list({ site: 'news.example' })).toHaveLength(2);
    expect(await list({ site: 'other.example' })).toEqual([]);
    expect(await list({ from: '2024-05-17' })).toEqual([]);
    expect(await list({ query: 'MAP' })).toEqual(['urn:uuid:y']);
  });

  it('sends a page of the newest matches with how many match, and more on request', async () => {
    // The options page rendered every annotation at once: at ~20,000 it took over 20 s to show.
    for (let i = 0; i < 250; i++) {
      const extra = i % 25 === 0 ? { tags: ['front'] } : {};
      await send('annotations/save', { annotation: note(`urn:uuid:n${i}`, 'Kharkiv', extra) });
    }
    const list = async (filter: object) => (await send('annotations/list', filter)) as { ok: boolean; value: { annotations: unknown[]; matched: number; total: number } };
    expect(await list({})).toMatchObject({ ok: true, value: { matched: 250, total: 250 } });
    expect((await list({})).value.annotations).toHaveLength(200);
    expect((await list({ limit: 400 })).value.annotations).toHaveLength(250);
    expect((await list({ tag: 'front', limit: 5 })).value).toMatchObject({ matched: 10, total: 250 });
    expect((await list({ tag: 'front', limit: 5 })).value.annotations).toHaveLength(5);
    expect(await send('annotations/list', { limit: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.limit/) });
    expect(await send('annotations/list', { limit: 5001 })).toMatchObject({ ok: false, error: expect.stringMatching(/payload\.limit/) });
  });

  it('exports one page or all, in each format, with entity mentions on request', async () => {
    await send('annotations/save', { annotation: { ...note('urn:uuid:x', 'Xi Jinping'), entities: ['xi-jinping'] } });
    const csv = await send('annotations/export', { format: 'csv', includeEntities: true });
    expect(csv).toMatchObject({ ok: true, value: { mimeType: 'text/csv', count: 1, text: expect.stringContaining('xi-jinping') } });
    const page = await send('annotations/export', { format: 'jsonld', url: `${PAGE}#top` });
    expect(page).toMatchObject({ ok: true, value: { count: 1, filename: expect.stringMatching(/page.*\.jsonld$/) } });
    const other = await send('annotations/export', { format: 'markdown', url: 'https://other.example/' });
    expect(other).toMatchObject({ ok: true, value: { count: 0 } });
  });
});
