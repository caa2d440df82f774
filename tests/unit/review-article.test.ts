// The review page's reading of page/article: the page's outlet and date are its claims.
import { describe, expect, it } from 'vitest';
import { toPageArticle } from '../../src/ui/review/validate-article';
import { localDay } from '../../src/core/web/met-day';

const reply = (extra: Record<string, unknown>) => ({ url: 'https://www.evil.example/a', title: 'T', text: 'Some text.', readable: true, ...extra });

describe('toPageArticle', () => {
  it('keeps the host as the outlet and the page’s own name as its claim', () => {
    const article = toPageArticle(reply({ outlet: 'Reuters', date: '2024-06-04' }));
    expect(article.outlet).toBe('evil.example');
    expect(article.siteName).toBe('Reuters');
    expect(article.date).toBe('2024-06-04');
  });

  it('drops a name that only repeats the host', () => {
    expect(toPageArticle(reply({ url: 'https://www.bbc.co.uk/news/1', outlet: 'BBC' })).siteName).toBeUndefined();
  });

  it('takes today for a date in the future or none', () => {
    expect(toPageArticle(reply({ outlet: '', date: '2099-01-01' })).date).toBe(localDay(Date.now()));
    expect(toPageArticle(reply({ outlet: '' })).date).toBe(localDay(Date.now()));
  });
});
