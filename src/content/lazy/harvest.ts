// The quote harvest and the article reader (Readability), loaded only on pages that name a person
// (after the first highlights) or when the user adds the article: most pages never evaluate them.
export { harvestPage } from '../harvest/harvester';
export { articleForReview } from '../harvest/article-request';
