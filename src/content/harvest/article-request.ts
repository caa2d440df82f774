// The page/article answer for the review page: the article's main text where Readability finds
// one, else the page's visible text, so "Add this article" works on any page the user chooses.
import type { ContentMessages, ResponseOf } from '../../shared/messages';
import { outletOf, publishedDay } from './article-meta';
import { blockText } from './block-text';
import { readArticle } from './read-article';

const ARTICLE_TEXT_MAX = 300_000;

export function articleForReview(doc: Document): ResponseOf<ContentMessages, 'page/article'> {
  const article = readArticle(doc);
  const text = article?.text ?? blockText(doc.body ?? doc.documentElement);
  return {
    url: doc.location.href,
    title: doc.title || article?.title || '',
    outlet: outletOf(doc, article?.siteName),
    date: publishedDay(doc, article?.publishedTime),
    text: text.slice(0, ARTICLE_TEXT_MAX),
    readable: article !== null,
  };
}
