// The reader's press on a highlight, before its click opens the card: the card's frame is loaded,
// hidden (prepare), and the background starts reading the entity's card (card/warm), so the
// click's card waits for neither. The warm read's reply carries nothing of the card: the data
// still reaches only the card's frame, which asks for it itself.
import type { Mark } from '../highlight/highlighter';
import type { AskBackground } from '../runtime/messaging';

export function pressedOnHighlight(mark: Mark, card: { prepare(): void }, ask: AskBackground): void {
  card.prepare();
  // A claim's card is one record away; an entity's reads its quotes, claims and sightings.
  if (mark.kind === 'claim') return;
  // Only a head start: the click's card asks for itself whatever happens here.
  ask('card/warm', { entityId: mark.id, url: location.href }).catch(() => undefined);
}
