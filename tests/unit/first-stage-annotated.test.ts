// Issue 14: the first stage's one question (page/filter) also says whether the frame's origin
// holds annotations, so a page that names nobody asks for its annotations only where some may be.
// A sibling subdomain, another port or scheme is another origin: it is told nothing is there.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../src/core/annotations';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';

const STORY = 'https://news.example/story';

let send: StoreRouter['send'];
const annotatedAt = async (url: string) => ((await send('page/filter', { host: new URL(url).hostname }, contentAt(url))) as { value: { annotated?: boolean } }).value.annotated === true;

beforeEach(async () => {
  ({ send } = await openStoreRouter({ now: Date.parse('2024-06-01T00:00:00Z') }));
});

describe('page/filter says where annotations are', () => {
  it('says none before any annotation, and says so on the annotated origin once one is saved', async () => {
    expect(await annotatedAt(`${STORY}/other`)).toBe(false);
    const annotation = createAnnotation({ pageUrl: STORY, title: 'Story', text: 'Xi Jinping welcomed Putin in Beijing.', start: 0, end: 10, id: 'urn:uuid:1', now: new Date('2024-05-16T10:00:00Z') });
    expect(await send('annotations/save', { annotation }, contentAt(STORY))).toMatchObject({ ok: true });
    // Any page of the origin: its canonical may point at the annotated one.
    expect(await annotatedAt('https://news.example/another-page')).toBe(true);
    expect(await annotatedAt(STORY)).toBe(true);
  });

  it('says none on another origin: a sibling subdomain, another port, another scheme', async () => {
    const annotation = createAnnotation({ pageUrl: STORY, title: 'Story', text: 'Xi Jinping welcomed Putin in Beijing.', start: 0, end: 10, id: 'urn:uuid:1', now: new Date('2024-05-16T10:00:00Z') });
    expect(await send('annotations/save', { annotation }, contentAt(STORY))).toMatchObject({ ok: true });
    expect(await annotatedAt('https://evil.news.example/story')).toBe(false);
    expect(await annotatedAt('https://news.example:8443/story')).toBe(false);
    expect(await annotatedAt('http://news.example/story')).toBe(false);
    expect(await annotatedAt('https://news.example.evil/story')).toBe(false);
  });
});
