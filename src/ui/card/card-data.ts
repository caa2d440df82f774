// Card payloads come from the background: their shape is checked before the card renders them.
import type { ClaimCardData, EntityCardData, QuoteView } from '../../shared/messages';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function toEntityCardData(x: unknown): EntityCardData {
  if (
    isRecord(x) &&
    isRecord(x.entity) &&
    typeof x.entity.name === 'string' &&
    typeof x.entity.context === 'string' &&
    Array.isArray(x.claims) &&
    Array.isArray(x.quotesBy) &&
    Array.isArray(x.quotesAbout) &&
    Array.isArray(x.sightings)
  ) {
    return x as unknown as EntityCardData;
  }
  throw new Error('The card data from the background is malformed.');
}

export function toClaimCardData(x: unknown): ClaimCardData {
  if (isRecord(x) && isRecord(x.claim) && typeof x.claim.statement === 'string' && Array.isArray(x.entities)) {
    return x as unknown as ClaimCardData;
  }
  throw new Error('The claim data from the background is malformed.');
}

/** A page of quotes for the card's "show more". */
export function toCardQuotes(x: unknown): { quotes: QuoteView[]; total: number } {
  if (isRecord(x) && Array.isArray(x.quotes) && typeof x.total === 'number') return x as unknown as { quotes: QuoteView[]; total: number };
  throw new Error('The quotes from the background are malformed.');
}
