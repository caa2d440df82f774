// Learning from an article: entities, quotes and candidate claims for the user to review.
export { quoteOwner } from '../quotes/extract-quotes';
export { extractArticle, reviewListToEntityList, type ReviewClaim, type ReviewEntity, type ReviewList, type ReviewQuote } from './review-list';
export { findEntities, type FoundEntity } from './entities';
export { findCandidateClaims, type CandidateClaim } from './claims';
