import { describe, expect, it } from 'vitest';
import { anchor } from '../../src/core/anchoring';
import { createAnnotation, newAnnotationId, quoteOf } from '../../src/core/annotations/model';

const TEXT = 'Xi spoke of the “deep friendship” between the two leaders.';

describe('createAnnotation', () => {
  it('saves the selection as W3C selectors under the normalised URL, which anchor finds again', () => {
    const start = TEXT.indexOf('deep friendship');
    const annotation = createAnnotation({
      pageUrl: 'https://News.example/story?fbclid=abc#x',
      title: 'Story',
      text: TEXT,
      start,
      end: start + 15,
      tags: ['china'],
      now: new Date('2024-05-16T10:00:00Z'),
    });
    expect(annotation).toMatchObject({
      url: 'https://news.example/story',
      created: '2024-05-16T10:00:00.000Z',
      modified: '2024-05-16T10:00:00.000Z',
      target: { source: 'https://news.example/story' },
      body: { tags: ['china'], colour: 'yellow' },
      entities: [],
    });
    expect(annotation.body.note).toBeUndefined();
    expect(quoteOf(annotation)).toBe('deep friendship');
    expect(anchor(`Updated. ${TEXT}`, annotation.target.selector)).toMatchObject({ start: start + 9, method: 'quote' });
  });

  it('prefers a same-origin canonical URL as the key, and ignores one on another origin', () => {
    const annotation = createAnnotation({ pageUrl: 'https://news.example/s.amp', canonicalUrl: 'https://news.example/s', title: '', text: TEXT, start: 0, end: 2 });
    expect(annotation.url).toBe('https://news.example/s');
    const mirror = createAnnotation({ pageUrl: 'https://amp.news.example/s.amp', canonicalUrl: 'https://news.example/s', title: '', text: TEXT, start: 0, end: 2 });
    expect(mirror.url).toBe('https://amp.news.example/s.amp');
  });
});

describe('newAnnotationId', () => {
  it('is a version 4 UUID URN, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newAnnotationId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newAnnotationId((bytes) => bytes.fill(0xff))).toBe('urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
