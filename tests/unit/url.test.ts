import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '../../src/core/web/url';

describe('normaliseUrl', () => {
  it('drops tracking parameters and keeps the ones that choose the page', () => {
    expect(
      normaliseUrl('https://news.example/story?id=42&utm_source=tw&UTM_Medium=social&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=3&ref=home&ref_src=twsrc&cmpid=a&ocid=b'),
    ).toBe('https://news.example/story?id=42');
  });

  it('sorts the remaining parameters by name and keeps repeated values in order', () => {
    expect(normaliseUrl('https://a.example/p?z=1&tag=b&a=2&tag=a')).toBe('https://a.example/p?a=2&tag=b&tag=a&z=1');
  });

  it('drops the fragment and an empty query', () => {
    expect(normaliseUrl('https://a.example/story?#comments')).toBe('https://a.example/story');
    expect(normaliseUrl('https://a.example/story?utm_source=x#top')).toBe('https://a.example/story');
  });

  it('keeps a hash route, which names the page in single-page apps', () => {
    expect(normaliseUrl('https://app.example/#/story/12')).toBe('https://app.example/#/story/12');
  });

  it('lowercases the host, drops default ports and a trailing index.html', () => {
    expect(normaliseUrl('HTTPS://News.Example:443/World/index.html')).toBe('https://news.example/World/');
    expect(normaliseUrl('http://news.example:80/a')).toBe('http://news.example/a');
    expect(normaliseUrl('http://news.example:8080/a')).toBe('http://news.example:8080/a');
  });

  it('prefers a canonical URL on the same origin, resolved against the page', () => {
    expect(normaliseUrl('https://news.example/a/b?page=2', '/a/b')).toBe('https://news.example/a/b');
    expect(normaliseUrl('https://news.example/world/story.amp?utm_source=x', 'https://news.example/world/story')).toBe('https://news.example/world/story');
  });

  it('ignores a canonical on another origin of the same site (issue 11: a sibling subdomain must not take a page\'s annotations)', () => {
    const page = 'https://amp.news.example/world/story.amp?utm_source=x';
    expect(normaliseUrl(page, 'https://www.news.example/world/story')).toBe('https://amp.news.example/world/story.amp');
    expect(normaliseUrl('https://news.example/s', 'https://edition.news.example/s')).toBe('https://news.example/s');
  });

  it('ignores a canonical on another site or of another scheme', () => {
    expect(normaliseUrl('https://blog.example/copy?utm_source=x', 'https://original.example/story')).toBe('https://blog.example/copy');
    expect(normaliseUrl('https://news.example/s', 'javascript:alert(1)')).toBe('https://news.example/s');
    expect(normaliseUrl('https://news.example/s', 'http://[bad')).toBe('https://news.example/s');
  });

  it('is idempotent and leaves a non-URL string trimmed', () => {
    const once = normaliseUrl('https://News.example/a/index.htm?b=1&a=2&utm_x=3#x');
    expect(normaliseUrl(once)).toBe(once);
    expect(normaliseUrl('  not a url ')).toBe('not a url');
  });
});
