// Issue 11, item 3: an annotation answers only the origin and path it was made on. The page's own
// claims (rel=canonical, the url it puts in a message) move nothing across origins, and the
// background builds the key from the address the browser reports for the sending frame.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../src/core/annotations';
import { normaliseUrl } from '../../src/core/web/url';
import { contentAt, openStoreRouter, type StoreRouter } from './store-router';

const STORY = 'https://news.example/story';
const TEXT = 'Russia launched a new offensive in the Kharkiv region. Xi Jinping welcomed Putin in Beijing.';

let send: StoreRouter['send'];

beforeEach(async () => {
  ({ send } = await openStoreRouter({ now: Date.parse('2024-06-01T00:00:00Z') }));
  const annotation = createAnnotation({ pageUrl: STORY, title: 'Story', text: TEXT, start: 0, end: 6, id: 'urn:uuid:1', now: new Date('2024-05-16T10:00:00Z'), note: 'my private note' });
  expect(await send('annotations/save', { annotation }, contentAt(STORY))).toMatchObject({ ok: true });
});

describe('a canonical counts only on the same origin', () => {
  it('ignores a canonical on a sibling or parent subdomain, a mirror prefix, another port or scheme', () => {
    expect(normaliseUrl('https://evil.news.example/x', STORY)).toBe('https://evil.news.example/x');
    expect(normaliseUrl('https://news.example/x', 'https://evil.news.example/story')).toBe('https://news.example/x');
    expect(normaliseUrl('https://amp.news.example/s.amp', 'https://news.example/s')).toBe('https://amp.news.example/s.amp');
    expect(normaliseUrl('https://news.example:8443/x', STORY)).toBe('https://news.example:8443/x');
    expect(normaliseUrl('http://news.example/x', STORY)).toBe('http://news.example/x');
  });

  it('follows one on the same origin', () => {
    expect(normaliseUrl('https://news.example/story?page=2&utm_source=x', '/story')).toBe(STORY);
  });
});

describe('annotations/page from a content script', () => {
  it('gives a sibling subdomain that names news.example/story as its canonical none of its annotations', async () => {
    const evil = 'https://evil.news.example/story';
    const reply = await send('annotations/page', { url: evil, canonicalUrl: STORY }, contentAt(evil));
    expect(reply).toMatchObject({ ok: true, value: { url: evil, annotations: [] } });
    expect(JSON.stringify(reply)).not.toContain('my private note');
  });

  it('takes the page address from the browser, not the message', async () => {
    // The message claims the story; the frame the browser reports is elsewhere.
    expect(await send('annotations/page', { url: STORY }, contentAt('https://evil.example/'))).toMatchObject({ ok: false });
    expect(await send('annotations/page', { url: STORY }, contentAt('https://evil.news.example/story'))).toMatchObject({ ok: false });
  });

  it('still answers the page it was made on, and a same-origin canonical of it', async () => {
    expect(await send('annotations/page', { url: `${STORY}?utm_source=x` }, contentAt(`${STORY}?utm_source=x`))).toMatchObject({
      ok: true,
      value: { url: STORY, annotations: [{ id: 'urn:uuid:1' }] },
    });
    const copy = 'https://news.example/story?page=2';
    expect(await send('annotations/page', { url: copy, canonicalUrl: STORY }, contentAt(copy))).toMatchObject({ ok: true, value: { annotations: [{ id: 'urn:uuid:1' }] } });
  });

  it('refuses a sibling subdomain saving or reporting under the story', async () => {
    const evil = 'https://evil.news.example/story';
    const forged = createAnnotation({ pageUrl: evil, canonicalUrl: STORY, title: 'x', text: TEXT, start: 0, end: 6, id: 'urn:uuid:2' });
    // createAnnotation itself no longer takes the cross-origin canonical as the key…
    expect(forged.url).toBe(evil);
    // …and a hand-made one keyed on the story is refused.
    const keyed = { ...forged, url: STORY, target: { ...forged.target, source: STORY } };
    expect(await send('annotations/save', { annotation: keyed }, contentAt(evil))).toMatchObject({ ok: false });
    expect(await send('annotations/report', { url: STORY, orphans: ['urn:uuid:1'], anchored: [] }, contentAt(evil))).toMatchObject({ ok: false });
  });
});
